/**
 * Admins' operations on drafting-form definitions: list the stored versions, read one,
 * validate a draft, publish a new immutable version. The server validates again whatever the
 * client says, so a form that drops a field the workflow depends on is never stored.
 */
import { count, eq, inArray } from 'drizzle-orm';
import { formDefinitionSchema, validateFormDefinition, type FormDefinition, type FormDefinitionIssue, type LocalizedText } from '../../forms/index';
import { categories, departments, documents, formDefinitions, users } from '../db/schema/index';
import { commitChange } from './commit';
import { badRequest, conflict } from './errors';
import { currentForm, formPurpose, latestFormVersion, listStoredForms, pinnedForm } from './form-definitions';
import type { ServiceContext } from './service-context';
import { IN_FLIGHT_STATUSES } from './workflow-admin-service';

/** Every form key with its versions, how many documents were filled with each, and the categories bound to it. */
export async function listForms(ctx: ServiceContext) {
  const { db } = ctx.database;
  const rows = await listStoredForms(db);
  const used = await db
    .select({ key: documents.formKey, version: documents.formVersion, n: count() })
    .from(documents)
    .where(inArray(documents.status, IN_FLIGHT_STATUSES))
    .groupBy(documents.formKey, documents.formVersion);
  const bound = await db.select({ formKey: categories.formKey, name: categories.nameZh }).from(categories);
  const names = new Map((await db.select({ id: users.id, name: users.displayName }).from(users)).map((u) => [u.id, u.name]));
  const byKey = new Map<string, { key: string; title: LocalizedText; purpose: 'draft' | 'opinion'; latestVersion: number; categories: string[]; versions: { version: number; fields: number; notes: string; publishedAt: number; publishedBy: string | null; inFlight: number }[] }>();
  for (const row of rows) {
    const def = row.definition as FormDefinition;
    const entry = byKey.get(row.key) ?? { key: row.key, title: def.title, purpose: def.purpose ?? 'draft', latestVersion: row.version, categories: bound.filter((c) => c.formKey === row.key).map((c) => c.name), versions: [] };
    byKey.set(row.key, entry);
    entry.versions.push({
      version: row.version,
      fields: def.fields.length,
      notes: row.notes,
      publishedAt: row.publishedAt,
      publishedBy: row.publishedBy ? (names.get(row.publishedBy) ?? null) : null,
      inFlight: used.find((u) => u.key === row.key && u.version === row.version)?.n ?? 0,
    });
  }
  return [...byKey.values()];
}

/** One stored version, the latest when no version is given. */
export async function getForm(ctx: ServiceContext, key: string, version?: number) {
  const { db } = ctx.database;
  const definition = version === undefined ? await currentForm(db, key) : await pinnedForm(db, key, version);
  return { key, version: definition.version, definition };
}

/** The issues of a draft form definition, in Chinese; never throws for an invalid one. */
export function validateForm(definition: unknown): { issues: FormDefinitionIssue[] } {
  return { issues: validateFormDefinition(definition) };
}

/** The Chinese message listing a definition's issues, as the server refuses it. */
export function formIssuesMessage(issues: readonly FormDefinitionIssue[]): string {
  return `表单定义未通过校验，不能发布：\n${issues.map((i, n) => `${n + 1}. ${i.message}`).join('\n')}`;
}

/**
 * Stores a definition as the next version of its key (latest + 1, whatever version the input
 * names), after validating it again. Documents already filled keep their version; new ones
 * of the categories bound to this key use the new one. `actorId` is null for the CLI.
 * @example await publishForm(ctx, admin.id, { definition, notes: '增加资金金额' }) // { version: 2 }
 */
export async function publishForm(ctx: ServiceContext, actorId: string | null, input: { definition: unknown; notes?: string }): Promise<{ version: number }> {
  const { db } = ctx.database;
  const key = (input.definition as { key?: unknown } | null)?.key;
  const latest = typeof key === 'string' ? await latestFormVersion(db, key) : null;
  const version = (latest ?? 0) + 1;
  const candidate = input.definition && typeof input.definition === 'object' && !Array.isArray(input.definition) ? { ...input.definition, version } : input.definition;
  const issues = validateFormDefinition(candidate);
  if (issues.length) throw badRequest(formIssuesMessage(issues));
  // Categories bind drafting forms and workflow steps opinion forms: a key keeps what it is for.
  const before = typeof key === 'string' ? await formPurpose(db, key) : null;
  const purpose = (candidate as { purpose?: string }).purpose ?? 'draft';
  if (before !== null && before !== purpose) throw badRequest(before === 'opinion' ? '该表单是审查意见表，不能改为起草表单' : '该表单是起草表单，不能改为审查意见表');
  // Stored as parsed: unknown keys dropped, so what a document is pinned to is exactly what was validated.
  const definition = formDefinitionSchema.parse(candidate) as FormDefinition;
  const now = ctx.now();
  const notes = input.notes?.trim() ?? '';
  try {
    await commitChange(
      ctx,
      [db.insert(formDefinitions).values({ key: definition.key, version, definition, notes, publishedAt: now, publishedBy: actorId })],
      [{ at: now, actorId, action: 'form.publish', toState: `${definition.key}@${version}`, detail: { key: definition.key, version, fields: definition.fields.map((f) => f.key), notes } }],
    );
  } catch (error) {
    // Two admins publishing at once: the (key, version) primary key lets only the first land.
    if (/UNIQUE constraint failed: form_definitions/.test(`${String(error)} ${String((error as { cause?: unknown })?.cause ?? '')}`)) {
      throw conflict('该表单刚刚发布了新版本，请刷新后重试');
    }
    throw error;
  }
  return { version };
}

/** The department and person lists the drafting form's pickers choose from. */
export async function pickerOptions(ctx: ServiceContext) {
  const { db } = ctx.database;
  const depts = await db.select({ id: departments.id, name: departments.name }).from(departments).orderBy(departments.name);
  const people = await db.select({ id: users.id, name: users.displayName }).from(users).where(eq(users.disabled, false)).orderBy(users.displayName);
  return { departments: depts, people };
}
