import { describe, expect, it } from 'vitest';
import { draftDocumentForm, resolveFormState, type Condition } from '../../../forms/index';
import { conditionFromRows, conditionRows } from './condition-rows';

describe('conditions as editable rows', () => {
  it('reads none, one and several rows, and writes them back unchanged', () => {
    const cases: (Condition | undefined)[] = [
      undefined,
      { field: 'hasStatistics', equals: true },
      { not: { field: 'attribute', equals: 'open' } },
      { all: [{ field: 'hasStatistics', equals: true }, { not: { field: 'attribute', equals: 'non_public' } }] },
      { any: [{ field: 'isMajorMatter', equals: true }, { field: 'attribute', equals: 'partial' }] },
    ];
    for (const cond of cases) expect(conditionFromRows(conditionRows(cond)!)).toEqual(cond);
  });

  it('reads single-value in / notIn as rows', () => {
    expect(conditionRows({ field: 'a', in: ['x'] })).toEqual({ mode: 'all', rows: [{ field: 'a', negate: false, value: 'x' }] });
    expect(conditionRows({ field: 'a', notIn: ['x'] })).toEqual({ mode: 'all', rows: [{ field: 'a', negate: true, value: 'x' }] });
  });

  it('leaves shapes it cannot show as rows alone', () => {
    expect(conditionRows({ field: 'attribute', in: ['on_request', 'non_public'] })).toBeUndefined();
    expect(conditionRows({ all: [{ any: [{ field: 'a', equals: 1 }] }] })).toBeUndefined();
  });

  it('drops rows without a field and collapses a single row', () => {
    expect(conditionFromRows({ mode: 'any', rows: [{ field: '', negate: false, value: null }, { field: 'a', negate: false, value: 1 }] })).toEqual({ field: 'a', equals: 1 });
    expect(conditionFromRows({ mode: 'all', rows: [] })).toBeUndefined();
  });

  it('writes conditions the forms core evaluates as the rows say', () => {
    const cond = conditionFromRows({ mode: 'any', rows: [{ field: 'hasStatistics', negate: false, value: true }, { field: 'attribute', negate: true, value: 'open' }] })!;
    const form = { ...draftDocumentForm, fields: [...draftDocumentForm.fields, { key: 'note', type: 'text', label: { zh: '说明', en: 'Note' }, visibleWhen: cond }] };
    const visible = (values: Record<string, unknown>) => resolveFormState(form, values).fields.note!.visible;
    expect(visible({ hasStatistics: false, attribute: 'open' })).toBe(false);
    expect(visible({ hasStatistics: true, attribute: 'open' })).toBe(true);
    expect(visible({ hasStatistics: false, attribute: 'partial' })).toBe(true);
  });
});
