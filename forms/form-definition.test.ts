import { describe, expect, it } from 'vitest';
import { draftDocumentForm } from './draft-document.form.js';
import { formDefinitionSchema, type FormDefinition } from './form-definition.js';

const label = (zh: string) => ({ zh, en: zh });
const form = (fields: FormDefinition['fields']): FormDefinition => ({ key: 'f', version: 1, title: label('表'), fields });

describe('formDefinitionSchema', () => {
  it('accepts the drafting form and survives a JSON round trip', () => {
    const json = JSON.parse(JSON.stringify(draftDocumentForm)) as unknown;
    expect(formDefinitionSchema.parse(json)).toEqual(draftDocumentForm);
  });

  it('rejects duplicate keys', () => {
    const result = formDefinitionSchema.safeParse(
      form([
        { key: 'a', type: 'text', label: label('甲') },
        { key: 'a', type: 'text', label: label('乙') },
      ]),
    );
    expect(result.error?.issues.map((i) => i.message)).toEqual(['字段键名「a」重复']);
  });

  it('rejects conditions and targets that name no field of the form', () => {
    const result = formDefinitionSchema.safeParse(
      form([
        { key: 'a', type: 'text', label: label('甲'), visibleWhen: { not: { field: 'ghost', equals: 1 } } },
        { key: 'b', type: 'redactions', label: label('乙'), targetField: 'nowhere' },
        { key: 'c', type: 'text', label: label('丙'), requiredWhen: { field: 'c', equals: 'x' } },
      ]),
    );
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      '字段「甲」引用了无效字段「ghost」',
      '字段「乙」引用了无效字段「nowhere」',
      '字段「丙」引用了无效字段「c」',
    ]);
  });

  it('rejects prototype-polluting keys, bad patterns and unknown properties', () => {
    expect(formDefinitionSchema.safeParse(form([{ key: '__proto__', type: 'text', label: label('甲') }])).success).toBe(false);
    expect(formDefinitionSchema.safeParse(form([{ key: 'constructor', type: 'text', label: label('甲') }])).success).toBe(false);
    expect(
      formDefinitionSchema.safeParse(form([{ key: 'a', type: 'text', label: label('甲'), rules: { pattern: '(' } }])).success,
    ).toBe(false);
    const extra = { key: 'a', type: 'text', label: label('甲'), colour: 'red' };
    expect(formDefinitionSchema.safeParse(form([extra as FormDefinition['fields'][number]])).success).toBe(false);
    expect(formDefinitionSchema.safeParse(form([])).success).toBe(false);
  });
});
