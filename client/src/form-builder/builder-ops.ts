/**
 * Pure edits of a form definition for the form builder: every operation returns a new
 * definition, so the preview and the live validation always see a consistent whole.
 */
import { CORE_DRAFT_FIELDS, type Condition, type ConditionValue, type FieldDefinition, type FormDefinition } from '../../../forms/index';

/**
 * Fields the rest of Shenfa reads: they can be reworded and moved, never removed or retyped.
 * An opinion form is not a document, so none of its fields is core.
 */
export function isCoreField(key: string, form?: Pick<FormDefinition, 'purpose'>): boolean {
  return form?.purpose !== 'opinion' && CORE_DRAFT_FIELDS.includes(key);
}

/** A key not yet used in the form: field1, field2, … */
export function freshKey(form: FormDefinition): string {
  const used = new Set(form.fields.map((f) => f.key));
  let n = 1;
  while (used.has(`field${n}`)) n++;
  return `field${n}`;
}

/** Appends a new optional text field; returns the new form and its key. */
export function addField(form: FormDefinition, label: { zh: string; en: string }): { form: FormDefinition; key: string } {
  const key = freshKey(form);
  return { form: { ...form, fields: [...form.fields, { key, type: 'text', label }] }, key };
}

export function updateField(form: FormDefinition, key: string, patch: (field: FieldDefinition) => FieldDefinition): FormDefinition {
  return { ...form, fields: form.fields.map((f) => (f.key === key ? withoutUndefined(patch(f)) : f)) };
}

/** Renames a field's key, and every condition and targetField naming it. */
export function renameField(form: FormDefinition, from: string, to: string): FormDefinition {
  const rename = (c: Condition): Condition =>
    'all' in c ? { all: c.all.map(rename) } : 'any' in c ? { any: c.any.map(rename) } : 'not' in c ? { not: rename(c.not) } : c.field === from ? { ...c, field: to } : c;
  return {
    ...form,
    fields: form.fields.map((f) =>
      withoutUndefined({
        ...f,
        key: f.key === from ? to : f.key,
        visibleWhen: f.visibleWhen && rename(f.visibleWhen),
        requiredWhen: f.requiredWhen && rename(f.requiredWhen),
        labelWhen: f.labelWhen?.map((l) => ({ ...l, when: rename(l.when) })),
        targetField: f.targetField === from ? to : f.targetField,
      }),
    ),
  };
}

/** Moves a field up (-1) or down (+1); a no-op at either end. */
export function moveField(form: FormDefinition, key: string, delta: -1 | 1): FormDefinition {
  const i = form.fields.findIndex((f) => f.key === key);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= form.fields.length) return form;
  const fields = [...form.fields];
  [fields[i], fields[j]] = [fields[j]!, fields[i]!];
  return { ...form, fields };
}

/** Removes a field (core fields stay: the validator would refuse the form anyway). */
export function removeField(form: FormDefinition, key: string): FormDefinition {
  if (isCoreField(key, form)) return form;
  return { ...form, fields: form.fields.filter((f) => f.key !== key) };
}

/** The simple condition the builder edits: one field equal to one value (or one of several). */
export interface SimpleCondition {
  field: string;
  values: ConditionValue[];
}

/** Reads a condition the builder can show as "field is one of values"; undefined for compound ones. */
export function simpleCondition(cond: Condition | undefined): SimpleCondition | undefined {
  if (cond === undefined) return undefined;
  if ('equals' in cond) return { field: cond.field, values: [cond.equals] };
  if ('in' in cond) return { field: cond.field, values: [...cond.in] };
  return undefined;
}

/** Builds the stored condition: `equals` for one value, `in` for several, none for none. */
export function conditionOf(simple: SimpleCondition | undefined): Condition | undefined {
  if (!simple || !simple.field || simple.values.length === 0) return undefined;
  return simple.values.length === 1 ? { field: simple.field, equals: simple.values[0]! } : { field: simple.field, in: simple.values };
}

/** Options typed one per line as `value|中文|English` (the English part optional). */
export function parseOptions(text: string): { value: string; label: { zh: string; en: string } }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [value = '', zh, en] = line.split('|').map((p) => p.trim());
      return { value, label: { zh: zh || value, en: en ?? '' } };
    });
}

export function formatOptions(options: FieldDefinition['options']): string {
  return (options ?? []).map((o) => [o.value, o.label.zh, o.label.en].filter((p, i) => i < 2 || p).join('|')).join('\n');
}

/** Stored JSON never carries `undefined` members (an emptied input removes its property). */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** A column key not yet used in a table: col1, col2, … */
export function freshColumnKey(columns: readonly FieldDefinition[]): string {
  const used = new Set(columns.map((c) => c.key));
  let n = 1;
  while (used.has(`col${n}`)) n++;
  return `col${n}`;
}
