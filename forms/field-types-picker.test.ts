import { describe, expect, it } from 'vitest';
import { resolveFormState } from './field-state.js';
import { formOf, harness, label } from './test-helpers.js';
import type { FieldDefinition } from './form-definition.js';

describe('department and person pickers', () => {
  const fields: FieldDefinition[] = [
    { key: 'dept', type: 'department', label: label('承办科室'), required: true },
    { key: 'contact', type: 'person', label: label('联系人') },
  ];

  it('check the id against the runtime list under the type default source', () => {
    const h = harness(fields, { optionSources: { departments: ['d1', 'd2'], people: ['u1'] } });
    expect(h.ok({ dept: 'd1', contact: 'u1' })).toEqual({ dept: 'd1', contact: 'u1' });
    expect(h.ok({ dept: 'd2', contact: '' })).toEqual({ dept: 'd2', contact: null });
    expect(h.errors({ dept: 'd9' })).toEqual({ dept: ['「承办科室」的选项无效'] });
    expect(h.errors({ dept: 'd1', contact: 'u7' })).toEqual({ contact: ['「联系人」的选项无效'] });
    expect(h.errors({})).toEqual({ dept: ['请选择「承办科室」'] });
  });

  it('accept any id when no list is given (the server checks its tables itself)', () => {
    expect(harness(fields).ok({ dept: 'anything' })).toEqual({ dept: 'anything', contact: null });
  });
});

describe('a number required when a checkbox is ticked (the builder’s conditional field)', () => {
  const fields: FieldDefinition[] = [
    { key: 'hasStatistics', type: 'boolean', label: label('含统计数据') },
    {
      key: 'fundAmount',
      type: 'number',
      label: label('涉及资金金额（万元）'),
      visibleWhen: { field: 'hasStatistics', equals: true },
      required: true,
      rules: { min: 0, max: 1_000_000 },
    },
    { key: 'note', type: 'text', label: label('备注'), requiredWhen: { field: 'fundAmount', in: [0] }, rules: { pattern: '^[^<>]*$' } },
  ];
  const h = harness(fields);

  it('is hidden, not required and stored empty while unticked', () => {
    expect(resolveFormState(formOf(fields), { hasStatistics: false }).fields.fundAmount).toMatchObject({ visible: false, required: false });
    expect(h.ok({ hasStatistics: false, fundAmount: 12 })).toEqual({ hasStatistics: false, fundAmount: null, note: '' });
  });

  it('shows and is required once ticked, with min/max rules', () => {
    expect(resolveFormState(formOf(fields), { hasStatistics: true }).fields.fundAmount).toMatchObject({ visible: true, required: true });
    expect(h.errors({ hasStatistics: true })).toEqual({ fundAmount: ['请填写「涉及资金金额（万元）」'] });
    expect(h.errors({ hasStatistics: 'on', fundAmount: '-1' })).toEqual({ fundAmount: ['「涉及资金金额（万元）」不能小于 0'] });
    expect(h.ok({ hasStatistics: true, fundAmount: '35.5' })).toEqual({ hasStatistics: true, fundAmount: 35.5, note: '' });
  });

  it('requires another field while a value holds (requiredWhen) and checks its pattern', () => {
    expect(h.errors({ hasStatistics: true, fundAmount: 0 })).toEqual({ note: ['请填写「备注」'] });
    expect(h.errors({ hasStatistics: true, fundAmount: 0, note: '<b>' })).toEqual({ note: ['「备注」格式不正确'] });
    expect(h.ok({ hasStatistics: true, fundAmount: 0, note: '无资金' }).note).toBe('无资金');
  });
});
