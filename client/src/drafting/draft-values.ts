/** Starting values of the drafting form: empty for a new document, or a stored one's. */
import { draftDocumentForm, emptyValueOf } from '../../../forms/index';
import type { DocumentView } from '../trpc';

const TODAY_CST = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Every field at its type's empty value; 成文日期 suggests today in China Standard Time. */
export function emptyDraftValues(now = new Date()): Record<string, unknown> {
  const values = Object.fromEntries(draftDocumentForm.fields.map((f) => [f.key, emptyValueOf(f)]));
  values.writtenAt = TODAY_CST.format(now);
  return values;
}

/** The form's values for a stored document; keys follow the form definition. */
export function draftValuesOf(doc: DocumentView): Record<string, unknown> {
  const source: Record<string, unknown> = {
    ...doc,
    categoryId: doc.category.id,
    redactions: doc.redactions.map((r) => ({ start: r.start, end: r.end, reason: r.reason })),
  };
  return Object.fromEntries(
    draftDocumentForm.fields.map((f) => [f.key, f.key in source ? source[f.key] : emptyValueOf(f)]),
  );
}
