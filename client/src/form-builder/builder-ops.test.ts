import { describe, expect, it } from 'vitest';
import { draftDocumentForm, validateFormDefinition } from '../../../forms/index';
import { addField, conditionOf, formatOptions, moveField, parseOptions, removeField, renameField, simpleCondition, updateField } from './builder-ops';

describe('form builder operations', () => {
  it('adds a field with a fresh key that validates, and removes it again', () => {
    const { form, key } = addField(draftDocumentForm, { zh: '新字段', en: 'New field' });
    expect(key).toBe('field1');
    expect(addField(form, { zh: 'x', en: '' }).key).toBe('field2');
    expect(validateFormDefinition(form)).toEqual([]);
    expect(removeField(form, key)).toEqual(draftDocumentForm);
  });

  it('never removes a core field', () => {
    expect(removeField(draftDocumentForm, 'hasStatistics')).toBe(draftDocumentForm);
  });

  it('moves fields and stops at either end', () => {
    const moved = moveField(draftDocumentForm, 'docNumber', -1);
    expect(moved.fields.slice(0, 2).map((f) => f.key)).toEqual(['docNumber', 'title']);
    expect(moveField(moved, 'docNumber', -1)).toBe(moved);
    expect(validateFormDefinition(moved)).toEqual([]);
  });

  it('renames a key together with the conditions naming it', () => {
    let { form, key } = addField(draftDocumentForm, { zh: '金额', en: '' });
    form = updateField(form, key, (f) => ({ ...f, type: 'number' }));
    const { form: withNote, key: note } = addField(form, { zh: '备注', en: '' });
    const linked = updateField(withNote, note, (f) => ({ ...f, requiredWhen: conditionOf({ field: key, values: [0] }) }));
    const renamed = renameField(linked, key, 'fundAmount');
    expect(renamed.fields.find((f) => f.key === note)?.requiredWhen).toEqual({ field: 'fundAmount', equals: 0 });
    expect(validateFormDefinition(renamed)).toEqual([]);
  });

  it('edits simple conditions as equals / in and drops undefined members', () => {
    expect(conditionOf({ field: 'hasStatistics', values: [true] })).toEqual({ field: 'hasStatistics', equals: true });
    expect(conditionOf({ field: 'attribute', values: ['open', 'partial'] })).toEqual({ field: 'attribute', in: ['open', 'partial'] });
    expect(conditionOf({ field: 'attribute', values: [] })).toBeUndefined();
    expect(simpleCondition({ field: 'a', in: ['x'] })).toEqual({ field: 'a', values: ['x'] });
    expect(simpleCondition({ not: { field: 'a', equals: 1 } })).toBeUndefined();
    const cleared = updateField(draftDocumentForm, 'channels', (f) => ({ ...f, help: undefined }));
    expect('help' in cleared.fields.find((f) => f.key === 'channels')!).toBe(false);
  });

  it('reads and writes options one per line', () => {
    const options = parseOptions('a|甲|A\nb|乙\n\n c ');
    expect(options).toEqual([
      { value: 'a', label: { zh: '甲', en: 'A' } },
      { value: 'b', label: { zh: '乙', en: '' } },
      { value: 'c', label: { zh: 'c', en: '' } },
    ]);
    expect(formatOptions(options)).toBe('a|甲|A\nb|乙\nc|c');
  });
});
