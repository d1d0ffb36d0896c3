/**
 * Form values as people read them: the extra fields an admin added to a drafting form (on the
 * document page and the review sheet) and the opinion forms reviewers filled (in the history).
 * In the form's order, with the labels of the version the values were filled with, only those
 * visible and filled in, values worded (option labels, names); rich text as sanitised HTML,
 * files as download entries, a repeating group as a table.
 */
import { inArray } from 'drizzle-orm';
import { CORE_DRAFT_FIELDS, resolveFormState, type FieldDefinition, type FileRef, type FormDefinition, type LocalizedText } from '../../forms/index';
import type { Db } from '../db/client';
import { departments } from '../db/schema/index';
import { displayNames } from './users';
import { storedForm } from './form-definitions';
import { formFileInfo } from './form-file-service';
import { sanitizeRichText } from './rich-text';

export interface FormFileView {
  id: string;
  name: string;
  size: number;
}

export interface ExtraFieldView {
  key: string;
  type: string;
  label: LocalizedText;
  /** The value worded for reading, in both languages (for a table: its row count; for files: their names). */
  text: LocalizedText;
  /** `richtext`: the value as sanitised HTML, safe to render as markup. */
  html?: string;
  /** `file`: the files, each downloadable at /api/form-files/:id by whoever may view the document. */
  files?: FormFileView[];
  /** `group`: column labels and each row's cells worded. */
  table?: { columns: LocalizedText[]; rows: LocalizedText[][] };
}

const CORE = new Set(CORE_DRAFT_FIELDS);
const both = (s: string): LocalizedText => ({ zh: s, en: s });
const isEmptyValue = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

type Names = Map<string, string>;

function worded(field: FieldDefinition, value: unknown, names: Names): LocalizedText {
  const optionLabel = (v: unknown) => field.options?.find((o) => o.value === v)?.label ?? both(names.get(String(v)) ?? String(v));
  if (value === null || value === undefined) return both('');
  if (typeof value === 'boolean') return value ? { zh: '是', en: 'Yes' } : { zh: '否', en: 'No' };
  if (Array.isArray(value)) {
    const labels = value.map(optionLabel);
    return { zh: labels.map((l) => l.zh).join('、'), en: labels.map((l) => l.en).join(', ') };
  }
  if (['select', 'radio', 'department', 'person'].includes(field.type)) return optionLabel(value);
  return both(String(value));
}

/** The views of `values` for every visible, filled-in field of `form` not in `skip`. */
export async function formValuesView(db: Db, form: FormDefinition, values: Record<string, unknown>, skip: ReadonlySet<string> = new Set()): Promise<ExtraFieldView[]> {
  const shown = form.fields.filter((f) => !skip.has(f.key));
  if (!shown.length) return [];
  const state = resolveFormState(form, values);
  const ids = shown.flatMap((f) => (typeof values[f.key] === 'string' && (f.type === 'department' || f.type === 'person') ? [values[f.key] as string] : []));
  const names: Names = new Map();
  if (ids.length) {
    for (const d of await db.select({ id: departments.id, name: departments.name }).from(departments).where(inArray(departments.id, ids))) names.set(d.id, d.name);
    for (const [id, name] of await displayNames(db, ids)) names.set(id, name);
  }
  const fileIds = shown.flatMap((f) => (f.type === 'file' && Array.isArray(values[f.key]) ? (values[f.key] as FileRef[]).map((r) => r.id) : []));
  const files = await formFileInfo(db, fileIds);
  const out: ExtraFieldView[] = [];
  for (const field of shown) {
    const fieldState = state.fields[field.key];
    const value = values[field.key];
    if (!fieldState?.visible || isEmptyValue(value)) continue;
    const base = { key: field.key, type: field.type, label: fieldState.label };
    if (field.type === 'richtext' && typeof value === 'string') {
      const html = sanitizeRichText(value);
      out.push({ ...base, text: both(html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim()), html });
    } else if (field.type === 'file' && Array.isArray(value)) {
      // Only files the table knows: an id that is not (or no longer) stored is left out.
      const list = (value as FileRef[]).flatMap((r) => {
        const info = files.get(r.id);
        return info ? [{ id: r.id, name: info.name, size: info.size }] : [];
      });
      if (list.length) out.push({ ...base, text: both(list.map((f) => f.name).join('、')), files: list });
    } else if (field.type === 'group' && Array.isArray(value)) {
      const columns = field.fields ?? [];
      const rows = (value as Record<string, unknown>[]).map((row) =>
        columns.map((c) => (c.type === 'richtext' && typeof row[c.key] === 'string' ? both(sanitizeRichText(row[c.key] as string).replace(/<[^>]*>/g, ' ').trim()) : worded(c, row[c.key], names))),
      );
      out.push({ ...base, text: { zh: `共 ${rows.length} 行`, en: `${rows.length} row(s)` }, table: { columns: columns.map((c) => c.label), rows } });
    } else {
      out.push({ ...base, text: worded(field, value, names) });
    }
  }
  return out;
}

/** The extra fields of a document (those of its form version that are not document columns). */
export async function extraFieldsView(
  db: Db,
  doc: { formKey: string; formVersion: number; extraFields: Record<string, unknown> } & Record<string, unknown>,
): Promise<ExtraFieldView[]> {
  // Core fields (发布渠道 among them) are not shown here: the stored version will do.
  const form = await storedForm(db, doc.formKey, doc.formVersion);
  return formValuesView(db, form, { ...doc, ...doc.extraFields }, CORE);
}
