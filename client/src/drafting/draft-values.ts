/** Starting values of the drafting form: empty for a new document, or a stored one's. */
import { CORE_DRAFT_FIELDS, emptyValueOf, type FormDefinition } from '../../../forms/index';
import type { DocumentView } from '../trpc';

const TODAY_CST = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Every field at its type's empty value; 成文日期 suggests today in China Standard Time. */
export function emptyDraftValues(form: FormDefinition, now = new Date()): Record<string, unknown> {
  const values = Object.fromEntries(form.fields.map((f) => [f.key, emptyValueOf(f)]));
  values.writtenAt = TODAY_CST.format(now);
  return values;
}

/** The form's values for a stored document (columns and extra fields); keys follow the form definition. */
export function draftValuesOf(doc: DocumentView, form: FormDefinition): Record<string, unknown> {
  const columns: Record<string, unknown> = {
    ...doc,
    categoryId: doc.category.id,
    redactions: doc.redactions.map((r) => ({ start: r.start, end: r.end, reason: r.reason })),
  };
  const extra: Record<string, unknown> = doc.extraValues;
  const valueOf = (key: string) => (CORE_DRAFT_FIELDS.includes(key) ? columns[key] : Object.hasOwn(extra, key) ? extra[key] : undefined);
  return Object.fromEntries(form.fields.map((f) => [f.key, valueOf(f.key) ?? emptyValueOf(f)]));
}

/** Carries what was typed into another form (another version, after the category changed). */
export function carryValues(form: FormDefinition, values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(form.fields.map((f) => [f.key, Object.hasOwn(values, f.key) ? values[f.key] : emptyValueOf(f)]));
}

/**
 * The form for editing a stored document offers the channels the server lists for it: the
 * enabled ones in the admins' order, plus any channel disabled since that the document still
 * lists (so it stays ticked and can be unticked).
 */
export function withDocumentChannels(form: FormDefinition, doc: Pick<DocumentView, 'channelChoices'>): FormDefinition {
  const options = doc.channelChoices.map((c) => ({ value: c.key, label: c.label }));
  return { ...form, fields: form.fields.map((f) => (f.key === 'channels' && f.type === 'multiselect' ? { ...f, options } : f)) };
}
