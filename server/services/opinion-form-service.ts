/**
 * The opinion form a workflow step names (`opinionForm`): reviewers fill it when they approve
 * or return at that step. Validated with the compiled schema of the form's latest version
 * (rich text sanitised first, files checked as the reviewer's own), stored with the review
 * record and the audit row as `{ key, version, values }`, shown in the document's history.
 */
import type { BatchItem } from 'drizzle-orm/batch';
import type { StepDefinition } from '../../workflows/index';
import { currentForm, pinnedForm, pinnedFormSchema } from './form-definitions';
import { checkFormFiles } from './form-file-service';
import { sanitizeFormInput } from './rich-text';
import { invalidForm } from './errors';
import { formValuesView, type ExtraFieldView } from './extra-fields-view';
import type { Db } from '../db/client';
import type { SessionUser } from './users';

export interface FilledOpinionForm {
  key: string;
  version: number;
  values: Record<string, unknown>;
}

/** The form reviewers of this step fill (latest version), or null when the step names none. */
export async function opinionFormFor(db: Db, step: StepDefinition | undefined) {
  return step?.opinionForm ? currentForm(db, step.opinionForm) : null;
}

/**
 * Reads the step's opinion form as filled in; null when the step has none (anything sent is
 * then ignored). Throws a field-by-field BAD_REQUEST, changing nothing, when it is invalid.
 */
export async function readOpinionForm(
  db: Db,
  actor: SessionUser,
  documentId: string,
  step: StepDefinition | undefined,
  raw: unknown,
): Promise<{ filled: FilledOpinionForm; claim: BatchItem<'sqlite'>[] } | null> {
  const form = await opinionFormFor(db, step);
  if (!form) return null;
  const schema = await pinnedFormSchema(db, form.key, form.version);
  const result = schema.safeParse(sanitizeFormInput(form, raw ?? {}));
  if (!result.success) throw invalidForm(result.error.issues);
  const files = await checkFormFiles(db, actor, documentId, form, result.data);
  if (files.issues.length) throw invalidForm(files.issues);
  return { filled: { key: form.key, version: form.version, values: files.values }, claim: files.claim(documentId) };
}

/** A stored opinion form worded for reading (labels of the version it was filled with). */
export async function opinionFormView(db: Db, stored: unknown): Promise<{ title: { zh: string; en: string }; fields: ExtraFieldView[] } | null> {
  if (typeof stored !== 'object' || stored === null) return null;
  const { key, version, values } = stored as Partial<FilledOpinionForm>;
  if (typeof key !== 'string' || typeof version !== 'number' || typeof values !== 'object' || values === null) return null;
  const form = await pinnedForm(db, key, version).catch(() => null);
  if (!form) return null;
  return { title: form.title, fields: await formValuesView(db, form, values) };
}
