/**
 * The extra fields an admin added to a drafting form, as the document page and the review
 * sheet show them: in the form's order, with the label of the version the document was
 * filled with, only those visible and filled in, values worded (option labels, names).
 */
import { inArray } from 'drizzle-orm';
import { CORE_DRAFT_FIELDS, resolveFormState, type LocalizedText } from '../../forms/index';
import type { Db } from '../db/client';
import { departments, users } from '../db/schema/index';
import { pinnedForm } from './form-definitions';

export interface ExtraFieldView {
  key: string;
  type: string;
  label: LocalizedText;
  /** The value worded for reading, in both languages. */
  text: LocalizedText;
}

const CORE = new Set(CORE_DRAFT_FIELDS);
const both = (s: string): LocalizedText => ({ zh: s, en: s });

export async function extraFieldsView(
  db: Db,
  doc: { formKey: string; formVersion: number; extraFields: Record<string, unknown> } & Record<string, unknown>,
): Promise<ExtraFieldView[]> {
  const form = await pinnedForm(db, doc.formKey, doc.formVersion);
  const extras = form.fields.filter((f) => !CORE.has(f.key));
  if (!extras.length) return [];
  const values: Record<string, unknown> = { ...doc, ...doc.extraFields };
  const state = resolveFormState(form, values);
  const ids = extras.flatMap((f) => (typeof values[f.key] === 'string' && (f.type === 'department' || f.type === 'person') ? [values[f.key] as string] : []));
  const names = new Map<string, string>();
  if (ids.length) {
    for (const d of await db.select({ id: departments.id, name: departments.name }).from(departments).where(inArray(departments.id, ids))) names.set(d.id, d.name);
    for (const u of await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids))) names.set(u.id, u.name);
  }
  const out: ExtraFieldView[] = [];
  for (const field of extras) {
    const fieldState = state.fields[field.key];
    const value = values[field.key];
    if (!fieldState?.visible || value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    const optionLabel = (v: unknown) => field.options?.find((o) => o.value === v)?.label ?? both(names.get(String(v)) ?? String(v));
    let text: LocalizedText;
    if (typeof value === 'boolean') text = value ? { zh: '是', en: 'Yes' } : { zh: '否', en: 'No' };
    else if (Array.isArray(value)) {
      const labels = value.map(optionLabel);
      text = { zh: labels.map((l) => l.zh).join('、'), en: labels.map((l) => l.en).join(', ') };
    } else if (['select', 'radio', 'department', 'person'].includes(field.type)) text = optionLabel(value);
    else text = both(String(value));
    out.push({ key: field.key, type: field.type, label: fieldState.label, text });
  }
  return out;
}
