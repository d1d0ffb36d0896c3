/**
 * Reads a drafting form as filled in, with the form version it belongs to: the version's
 * compiled schema (the same one the client ran), then the ids of department and person
 * pickers against the tables (the pure schema cannot know them), then splits the values into
 * the document's columns and the extra fields an admin added to the form.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { CORE_DRAFT_FIELDS, type DraftDocumentInput, type FormDefinition } from '../../forms/index';
import { departments, documents, users } from '../db/schema/index';
import { loadChannels } from '../channels/load-channels';
import { channelSelectionProblem } from '../channels/effective-channels';
import { invalidForm } from './errors';
import { pinnedFormSchema } from './form-definitions';
import { checkFormFiles } from './form-file-service';
import { sanitizeFormInput } from './rich-text';
import type { ServiceContext } from './service-context';
import type { SessionUser } from './users';
import type { BatchItem } from 'drizzle-orm/batch';

export interface FilledDraftForm {
  input: DraftDocumentInput;
  formKey: string;
  formVersion: number;
  /** Values of the fields that are not document columns, by key (hidden ones as their empty value). */
  extraFields: Record<string, unknown>;
  /** Statements claiming the form's newly uploaded files for the document; run them in the document's batch. */
  claimFiles: (documentId: string) => BatchItem<'sqlite'>[];
}

const CORE = new Set(CORE_DRAFT_FIELDS);

async function unknownPickedIds(ctx: ServiceContext, form: FormDefinition, values: Record<string, unknown>) {
  const { db } = ctx.database;
  const issues: { path: string[]; message: string }[] = [];
  for (const field of form.fields) {
    const id = values[field.key];
    if (typeof id !== 'string' || (field.type !== 'department' && field.type !== 'person')) continue;
    const found =
      field.type === 'department'
        ? await db.select({ id: departments.id }).from(departments).where(eq(departments.id, id))
        : await db.select({ id: users.id }).from(users).where(and(inArray(users.id, [id]), eq(users.disabled, false)));
    if (!found.length) issues.push({ path: [field.key], message: `「${field.label.zh}」的选项无效` });
  }
  return issues;
}

/**
 * The 发布渠道 chosen must be channels this deployment has; a channel an admin disabled is
 * refused unless the document already listed it (it keeps it until the drafter unticks it).
 */
async function channelIssues(ctx: ServiceContext, form: FormDefinition, values: Record<string, unknown>, documentId: string | null) {
  const chosen = values.channels;
  if (!form.fields.some((f) => f.key === 'channels') || !Array.isArray(chosen) || chosen.length === 0) return [];
  const [doc] = documentId ? await ctx.database.db.select({ channels: documents.channels }).from(documents).where(eq(documents.id, documentId)) : [];
  const problem = channelSelectionProblem(await loadChannels(ctx.database.db), chosen as string[], doc?.channels ?? []);
  return problem ? [{ path: ['channels'], message: problem }] : [];
}

/**
 * Validates `raw` with the given form version (rich text sanitised first, so the schema
 * judges and the database stores only the clean markup); throws a BAD_REQUEST listing every
 * field's message (the client shows them beside the fields) and changes nothing. Files must be
 * the actor's own uploads, or already this document's (`documentId`, null for a new one).
 */
export async function readDraftForm(ctx: ServiceContext, form: FormDefinition, raw: unknown, actor: SessionUser, documentId: string | null): Promise<FilledDraftForm> {
  const schema = await pinnedFormSchema(ctx.database.db, form.key, form.version);
  const result = schema.safeParse(sanitizeFormInput(form, raw));
  if (!result.success) throw invalidForm(result.error.issues);
  const files = await checkFormFiles(ctx.database.db, actor, documentId, form, result.data);
  const issues = [...(await unknownPickedIds(ctx, form, result.data)), ...(await channelIssues(ctx, form, result.data, documentId)), ...files.issues];
  if (issues.length) throw invalidForm(issues);
  const extraFields = Object.fromEntries(Object.entries(files.values).filter(([key]) => !CORE.has(key)));
  return { input: result.data as unknown as DraftDocumentInput, formKey: form.key, formVersion: form.version, extraFields, claimFiles: files.claim };
}
