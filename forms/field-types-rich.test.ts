/** The rich text, file and repeating-group field types: their zod output, messages and conditions. */
import { describe, expect, it } from 'vitest';
import { richTextPlain } from './field-types-richtext.js';
import { validateFormDefinition } from './validate-form-definition.js';
import { harness, label, formOf } from './test-helpers.js';

const UPLOAD = '0b6c2a4e-1f7d-4c3a-9e21-3d5b7a9c0e11';
const UPLOAD2 = '9a1e7d3c-5b2f-4e8a-8c10-7f6d4b2a1e33';

describe('richtext', () => {
  const h = harness([
    { key: 'basis', type: 'richtext', label: label('依据'), required: true, rules: { maxLength: 5 } },
    { key: 'note', type: 'richtext', label: label('备注') },
  ]);

  it('keeps the markup and counts only the text a reader sees', () => {
    expect(h.ok({ basis: '<p><strong>第十</strong>条</p>' })).toEqual({ basis: '<p><strong>第十</strong>条</p>', note: '' });
    expect(h.errors({ basis: '<p>一二三</p><p>四五六</p>' })).toEqual({ basis: ['「依据」不能超过 5 个字'] });
  });

  it('treats an editor left with empty paragraphs as empty', () => {
    expect(h.errors({ basis: '<p><br></p>', note: '<p>&nbsp;</p>' })).toEqual({ basis: ['请填写「依据」'] });
    expect(h.ok({ basis: '<p>有</p>', note: '<p><br></p>' }).note).toBe('');
  });

  it('refuses a value that is not text', () => {
    expect(h.errors({ basis: ['<p>x</p>'] })).toEqual({ basis: ['「依据」应为文本'] });
  });

  it('reads plain text out of HTML', () => {
    expect(richTextPlain('<ul><li>甲</li><li>乙&amp;丙</li></ul>')).toBe('甲\n乙&丙');
    expect(richTextPlain('&#x4e2d;&#25991;')).toBe('中文');
  });
});

describe('file', () => {
  const h = harness([{ key: 'scan', type: 'file', label: label('审批单'), required: true, rules: { max: 1 } }]);

  it('keeps each upload once, with its name', () => {
    expect(h.ok({ scan: [{ id: UPLOAD, name: 'a.pdf' }, { id: UPLOAD, name: 'a.pdf' }] })).toEqual({ scan: [{ id: UPLOAD, name: 'a.pdf' }] });
  });

  it('refuses a missing, malformed or surplus upload', () => {
    expect(h.errors({ scan: [] })).toEqual({ scan: ['请上传「审批单」'] });
    expect(h.errors({ scan: [{ id: '../../etc/passwd', name: 'x' }] })).toEqual({ scan: ['「审批单」第 1 个文件无效，请重新上传'] });
    expect(h.errors({ scan: [{ id: UPLOAD, name: 'a' }, { id: UPLOAD2, name: 'b' }] })).toEqual({ scan: ['「审批单」最多 1 个文件'] });
    expect(h.errors({ scan: 'a.pdf' })).toEqual({ scan: ['「审批单」格式不正确'] });
  });
});

describe('group (repeating table)', () => {
  const funds = {
    key: 'funds',
    type: 'group',
    label: label('经费明细'),
    rules: { min: 1, max: 2 },
    fields: [
      { key: 'item', type: 'text', label: label('项目'), required: true },
      { key: 'amount', type: 'number', label: label('金额'), rules: { min: 0 } },
      { key: 'kind', type: 'select', label: label('类别'), options: [{ value: 'a', label: label('专项') }] },
    ],
  };
  const h = harness([
    { key: 'hasFunds', type: 'boolean', label: label('涉及经费') },
    { ...funds, visibleWhen: { field: 'hasFunds', equals: true }, required: true },
  ]);

  it('validates each column by its own type and normalises every row', () => {
    expect(h.ok({ hasFunds: true, funds: [{ item: ' 修缮 ', amount: '12.5' }] })).toEqual({
      hasFunds: true,
      funds: [{ item: '修缮', amount: 12.5, kind: null }],
    });
  });

  it('names the row and the column in every message', () => {
    expect(h.issues({ hasFunds: true, funds: [{ item: '', amount: -1, kind: 'zzz' }] })).toEqual([
      { path: ['funds', 0, 'item'], message: '「经费明细」第 1 行：请填写「项目」' },
      { path: ['funds', 0, 'amount'], message: '「经费明细」第 1 行：「金额」不能小于 0' },
      { path: ['funds', 0, 'kind'], message: '「经费明细」第 1 行：「类别」的选项无效' },
    ]);
  });

  it('enforces the row count', () => {
    expect(h.errors({ hasFunds: true, funds: [] })).toEqual({ funds: ['请在「经费明细」中至少添加一行'] });
    const row = { item: '甲' };
    expect(h.errors({ hasFunds: true, funds: [row, row, row] })).toEqual({ funds: ['「经费明细」最多 2 行'] });
    expect(h.errors({ hasFunds: true, funds: ['x'] })).toEqual({ funds: ['「经费明细」第 1 行：格式不正确'] });
  });

  it('is hidden, not required and stored empty while its condition does not hold', () => {
    expect(h.ok({ hasFunds: false, funds: [{ item: '' }] })).toEqual({ hasFunds: false, funds: [] });
  });

  it('refuses columns of a kind a table cannot hold', () => {
    const bad = (column: object) => validateFormDefinition({ ...formOf([{ ...funds, fields: [column] } as never]), purpose: 'opinion' }).map((i) => i.message);
    expect(bad({ key: 'sub', type: 'group', label: label('子表'), fields: [{ key: 'x', type: 'text', label: label('x') }] })).toEqual(['字段「经费明细」的列「子表」不能使用该类型']);
    expect(bad({ key: 'x', type: 'text', label: label('说明'), visibleWhen: { field: 'y', equals: 1 } })).toEqual(['字段「经费明细」的列「说明」不能设置条件或选项来源']);
    expect(bad({ key: 'x', type: 'nope', label: label('说明') })).toEqual(['字段「经费明细」的列「说明」的类型「nope」不存在']);
    expect(validateFormDefinition({ ...formOf([{ ...funds, fields: [] } as never]), purpose: 'opinion' }).length).toBeGreaterThan(0);
  });
});

describe('conditions on the new types', () => {
  const h = harness([
    { key: 'conclusion', type: 'select', label: label('结论'), required: true, options: [{ value: 'ok', label: label('合法') }, { value: 'fix', label: label('需修改') }, { value: 'no', label: label('不合法') }] },
    { key: 'basis', type: 'richtext', label: label('依据'), requiredWhen: { any: [{ field: 'conclusion', equals: 'fix' }, { all: [{ field: 'conclusion', equals: 'no' }, { not: { field: 'conclusion', equals: 'ok' } }] }] } },
    { key: 'scan', type: 'file', label: label('扫描件'), visibleWhen: { not: { field: 'conclusion', equals: 'ok' } } },
  ]);

  it('requires the rich text when a compound condition holds', () => {
    expect(h.errors({ conclusion: 'fix' })).toEqual({ basis: ['请填写「依据」'] });
    expect(h.errors({ conclusion: 'no' })).toEqual({ basis: ['请填写「依据」'] });
    expect(h.ok({ conclusion: 'ok', basis: '' })).toEqual({ conclusion: 'ok', basis: '', scan: [] });
  });

  it('hides the file field and drops its uploads while the condition does not hold', () => {
    expect(h.ok({ conclusion: 'ok', scan: [{ id: UPLOAD, name: 'a.pdf' }] }).scan).toEqual([]);
  });
});

describe('opinion forms', () => {
  it('need none of the drafting form core fields', () => {
    const opinion = { key: 'legality_opinion', version: 1, title: label('合法性审查意见'), purpose: 'opinion', fields: [{ key: 'conclusion', type: 'textarea', label: label('结论'), required: true }] };
    expect(validateFormDefinition(opinion)).toEqual([]);
    expect(validateFormDefinition({ ...opinion, purpose: undefined }).length).toBeGreaterThan(5);
    expect(validateFormDefinition({ ...opinion, purpose: 'other' }).map((i) => i.path)).toContainEqual(['purpose']);
  });
});
