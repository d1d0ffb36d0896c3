import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isBlank } from './field-type.js';
import { fieldTypeKeys, getFieldType, registerFieldType } from './field-types.js';
import { harness, label } from './test-helpers.js';

describe('text and textarea', () => {
  const h = harness([
    { key: 'name', type: 'text', label: label('名称'), rules: { minLength: 2, maxLength: 4 } },
    { key: 'code', type: 'text', label: label('编码'), rules: { pattern: '^[A-Z]{2}\\d+$' } },
    { key: 'note', type: 'textarea', label: label('备注'), rules: { maxLength: 4 } },
  ]);

  it('trims text but keeps textarea exactly as sent', () => {
    expect(h.ok({ name: '  民政局 ', note: ' a\r\n' })).toEqual({ name: '民政局', code: '', note: ' a\r\n' });
  });

  it('counts characters by code point', () => {
    expect(h.ok({ name: '𠮷𠮷𠮷𠮷' }).name).toBe('𠮷𠮷𠮷𠮷');
    expect(h.errors({ name: '𠮷𠮷𠮷𠮷𠮷' })).toEqual({ name: ['「名称」不能超过 4 个字'] });
  });

  it('reports length, pattern and type problems in Chinese', () => {
    expect(h.errors({ name: '甲', code: 'ab1', note: 1234 })).toEqual({
      name: ['「名称」至少需要 2 个字'],
      code: ['「编码」格式不正确'],
      note: ['「备注」应为文本'],
    });
  });
});

describe('date', () => {
  const h = harness([{ key: 'day', type: 'date', label: label('成文日期') }]);

  it('accepts real YYYY-MM-DD dates, empty as null', () => {
    expect(h.ok({ day: '2020-02-29' })).toEqual({ day: '2020-02-29' });
    expect(h.ok({ day: '' })).toEqual({ day: null });
  });

  it.each(['2021-02-29', '2020-13-01', '2020-6-30', '2020/06/30', '20200630'])('rejects %s', (day) => {
    expect(h.errors({ day })).toEqual({ day: ['「成文日期」应为有效日期，格式为 YYYY-MM-DD'] });
  });
});

describe('number', () => {
  const h = harness([{ key: 'n', type: 'number', label: label('人数'), rules: { min: 0, max: 10 } }]);
  it('accepts numbers and numeric strings within bounds', () => {
    expect(h.ok({ n: 3 })).toEqual({ n: 3 });
    expect(h.ok({ n: ' 7 ' })).toEqual({ n: 7 });
    expect(h.ok({})).toEqual({ n: null });
    expect(h.errors({ n: 11 })).toEqual({ n: ['「人数」不能大于 10'] });
    expect(h.errors({ n: -1 })).toEqual({ n: ['「人数」不能小于 0'] });
    expect(h.errors({ n: '3人' })).toEqual({ n: ['「人数」应为数字'] });
    expect(h.errors({ n: Number.NaN })).toEqual({ n: ['「人数」应为数字'] });
  });
});

describe('select, radio, multiselect, boolean', () => {
  const options = [
    { value: 'a', label: label('甲') },
    { value: 'b', label: label('乙') },
  ];
  const h = harness(
    [
      { key: 'pick', type: 'select', label: label('选择'), options },
      { key: 'radio', type: 'radio', label: label('单选'), options },
      { key: 'many', type: 'multiselect', label: label('多选'), options, rules: { max: 1 } },
      { key: 'cat', type: 'select', label: label('分类'), optionsSource: 'categories' },
      { key: 'flag', type: 'boolean', label: label('标记') },
    ],
    { optionSources: { categories: [{ value: 'c1' }, 'c2'] } },
  );

  it('normalises empty choices', () => {
    expect(h.ok({})).toEqual({ pick: null, radio: null, many: [], cat: null, flag: false });
  });

  it('accepts valid values, dedupes a checkbox group, reads HTML-form spellings', () => {
    expect(h.ok({ pick: 'a', radio: 'b', many: ['a', 'a'], cat: 'c2', flag: 'on' })).toEqual({
      pick: 'a',
      radio: 'b',
      many: ['a'],
      cat: 'c2',
      flag: true,
    });
    expect(h.ok({ many: 'b', flag: 'false' })).toMatchObject({ many: ['b'], flag: false });
  });

  it('rejects values outside the options and the runtime list', () => {
    expect(h.errors({ pick: 'z', radio: 3, many: ['a', 'z'], cat: 'c9', flag: 'yes' })).toEqual({
      pick: ['「选择」的选项无效'],
      radio: ['请选择「单选」'],
      many: ['「多选」包含无效选项', '「多选」最多选择 1 项'],
      cat: ['「分类」的选项无效'],
      flag: ['「标记」应为“是”或“否”'],
    });
  });

  it('accepts any value for an optionsSource the caller did not supply', () => {
    const open = harness([{ key: 'cat', type: 'select', label: label('分类'), optionsSource: 'categories' }]);
    expect(open.ok({ cat: 'anything' })).toEqual({ cat: 'anything' });
  });

  it('refuses a choice field with neither options nor optionsSource at compile time', () => {
    expect(() => harness([{ key: 'x', type: 'select', label: label('选择') }])).toThrow(/options/);
  });

  it('treats a required boolean as "must be ticked"', () => {
    const consent = harness([{ key: 'agree', type: 'boolean', label: label('我已阅读'), required: true }]);
    expect(consent.errors({ agree: false })).toEqual({ agree: ['请勾选「我已阅读」'] });
    expect(consent.ok({ agree: true })).toEqual({ agree: true });
  });
});

describe('registry', () => {
  it('holds the built-in types', () => {
    expect(fieldTypeKeys()).toEqual(
      expect.arrayContaining(['text', 'textarea', 'date', 'select', 'radio', 'multiselect', 'boolean', 'redactions']),
    );
  });

  it('lets a plugin add a type, and refuses a silent duplicate', () => {
    registerFieldType({
      key: 'test_postcode',
      emptyValue: () => '',
      isEmpty: isBlank,
      requiredMessage: (l) => `请填写「${l}」`,
      schema: ({ label: l }) => z.string().regex(/^\d{6}$/, `「${l}」应为 6 位数字`),
    });
    const h = harness([{ key: 'zip', type: 'test_postcode', label: label('邮编'), required: true }]);
    expect(h.ok({ zip: '755100' })).toEqual({ zip: '755100' });
    expect(h.errors({ zip: '7551' })).toEqual({ zip: ['「邮编」应为 6 位数字'] });
    expect(h.errors({})).toEqual({ zip: ['请填写「邮编」'] });
    expect(() => registerFieldType(getFieldType('test_postcode')!)).toThrow(/already registered/);
    expect(() => registerFieldType(getFieldType('test_postcode')!, { replace: true })).not.toThrow();
  });

  it('words an issue the plugin left to zod in Chinese', () => {
    registerFieldType({
      key: 'test_plain',
      emptyValue: () => '',
      isEmpty: isBlank,
      requiredMessage: (l) => `请填写「${l}」`,
      schema: () => z.string().email(),
    });
    const h = harness([{ key: 'mail', type: 'test_plain', label: label('邮箱') }]);
    expect(h.errors({ mail: 'not-an-email' })).toEqual({ mail: ['「邮箱」填写有误'] });
  });

  it('refuses to compile a form with an unknown type', () => {
    expect(() => harness([{ key: 'x', type: 'nope', label: label('未知') }])).toThrow(/unknown type "nope"/);
  });
});
