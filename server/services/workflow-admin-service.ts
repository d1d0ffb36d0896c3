/**
 * Admins' operations on workflow definitions: list the stored versions, read one, validate a
 * draft, publish a new immutable version. The server validates again whatever the client
 * says, so a definition that breaks the compliance rules is never stored.
 */
import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import { isRequestFlow, parseAnyDefinition, registryCatalog, validateDefinition, type DefinitionIssue, type LocalizedText, type WorkflowDefinition } from '../../workflows/index';
import { documents, infoRequests, users, workflowDefinitions } from '../db/schema/index';
import { commitChange } from './commit';
import { badRequest, conflict } from './errors';
import { formPurpose } from './form-definitions';
import type { ServiceContext } from './service-context';
import { currentStoredDefinition, latestVersion, listStoredVersions, storedDefinition } from './workflow-definitions';

/** Statuses of a document still moving through its flow, which a migration may move. */
export const IN_FLIGHT_STATUSES = ['draft', 'returned', 'in_review', 'awaiting_publication'];

/** Every workflow key with its family, its versions and how many documents (or requests) are in flight on each. */
export async function listWorkflows(ctx: ServiceContext) {
  const { db } = ctx.database;
  const rows = await listStoredVersions(db);
  const inFlight = await db
    .select({ key: documents.workflowKey, version: documents.workflowVersion, n: count() })
    .from(documents)
    .where(inArray(documents.status, IN_FLIGHT_STATUSES))
    .groupBy(documents.workflowKey, documents.workflowVersion);
  // Requests are in flight on their request flow until they are closed.
  const openRequests = await db
    .select({ key: infoRequests.workflowKey, version: infoRequests.workflowVersion, n: count() })
    .from(infoRequests)
    .where(isNull(infoRequests.closedAt))
    .groupBy(infoRequests.workflowKey, infoRequests.workflowVersion);
  inFlight.push(...openRequests);
  const names = new Map((await db.select({ id: users.id, name: users.displayName }).from(users)).map((u) => [u.id, u.name]));
  const byKey = new Map<string, { key: string; flow: 'review' | 'request'; name: LocalizedText; latestVersion: number; versions: { version: number; publishedAt: number; publishedBy: string | null; inFlight: number }[] }>();
  for (const row of rows) {
    const flow = (row.definition as { flow?: string }).flow === 'request' ? ('request' as const) : ('review' as const);
    const entry = byKey.get(row.key) ?? { key: row.key, flow, name: (row.definition as WorkflowDefinition).name, latestVersion: row.version, versions: [] };
    byKey.set(row.key, entry);
    entry.versions.push({
      version: row.version,
      publishedAt: row.publishedAt,
      publishedBy: row.publishedBy ? (names.get(row.publishedBy) ?? null) : null,
      inFlight: inFlight.find((f) => f.key === row.key && f.version === row.version)?.n ?? 0,
    });
  }
  return [...byKey.values()];
}

/** One stored version, the latest when no version is given. */
export async function getWorkflow(ctx: ServiceContext, key: string, version?: number) {
  const { db } = ctx.database;
  const definition = version === undefined ? await currentStoredDefinition(db, key) : await storedDefinition(db, key, version);
  return { key, version: definition.version, definition };
}

/** The guard names definitions may use, with labels and flow family: the editor's choices. */
export function workflowRegistry() {
  return registryCatalog();
}

/**
 * Signers named by person who are not active users: their seat would have nobody to fill it.
 * Only the server can tell, so this runs after the pure validator.
 */
async function unknownSigners(ctx: ServiceContext, definition: WorkflowDefinition): Promise<DefinitionIssue[]> {
  const named = definition.steps.flatMap((step, i) => (step.signers ?? []).flatMap((s, n) => ('userId' in s ? [{ step, i, n, userId: s.userId }] : [])));
  if (!named.length) return [];
  const rows = await ctx.database.db.select({ id: users.id }).from(users).where(and(inArray(users.id, named.map((s) => s.userId)), eq(users.disabled, false)));
  const active = new Set(rows.map((r) => r.id));
  return named
    .filter((s) => !active.has(s.userId))
    .map(({ step, i, n, userId }) => ({
      stepId: step.id,
      path: ['steps', i, 'signers', n],
      code: 'unknown_user',
      message: { zh: `步骤「${step.label.zh}」（${step.id}）：指定的人员「${userId}」不存在或已停用`, en: `step '${step.id}': the named signer '${userId}' is not an active user` },
    }));
}

/** Opinion forms a step names that are not stored, or are drafting forms: reviewers could not fill them. */
async function unknownOpinionForms(ctx: ServiceContext, definition: WorkflowDefinition): Promise<DefinitionIssue[]> {
  const issues: DefinitionIssue[] = [];
  for (const [i, step] of definition.steps.entries()) {
    if (!step.opinionForm) continue;
    const purpose = await formPurpose(ctx.database.db, step.opinionForm);
    if (purpose === 'opinion') continue;
    issues.push({
      stepId: step.id,
      path: ['steps', i, 'opinionForm'],
      code: 'unknown_opinion_form',
      message:
        purpose === null
          ? { zh: `步骤「${step.label.zh}」（${step.id}）：审查意见表「${step.opinionForm}」不存在`, en: `step '${step.id}': opinion form '${step.opinionForm}' does not exist` }
          : { zh: `步骤「${step.label.zh}」（${step.id}）：「${step.opinionForm}」是起草表单，不是审查意见表`, en: `step '${step.id}': '${step.opinionForm}' is a drafting form, not an opinion form` },
    });
  }
  return issues;
}

/**
 * The issues of a draft definition, the pure validator's and the server's own; never throws
 * for an invalid one.
 */
export async function validateWorkflow(ctx: ServiceContext, definition: unknown): Promise<{ issues: DefinitionIssue[] }> {
  const issues = validateDefinition(definition);
  if (issues.length) return { issues };
  const parsed = parseAnyDefinition(definition);
  // Named signers and opinion forms belong to release review; the request flow has neither.
  if (isRequestFlow(parsed)) return { issues: [] };
  return { issues: [...(await unknownSigners(ctx, parsed)), ...(await unknownOpinionForms(ctx, parsed))] };
}

/** The Chinese message listing a definition's issues, as the server refuses it. */
export function issuesMessage(issues: readonly DefinitionIssue[]): string {
  return `流程定义未通过校验，不能发布：\n${issues.map((i, n) => `${n + 1}. ${i.message.zh}`).join('\n')}`;
}

/**
 * Stores a definition as the next version of its key (latest + 1, whatever version the
 * input names), after validating it again. `actorId` is null for the CLI.
 * @example await publishWorkflow(ctx, admin.id, { definition, notes: '增加会签' }) // { version: 2 }
 */
export async function publishWorkflow(ctx: ServiceContext, actorId: string | null, input: { definition: unknown; notes?: string }): Promise<{ version: number }> {
  const { db } = ctx.database;
  const key = (input.definition as { key?: unknown } | null)?.key;
  const latest = typeof key === 'string' ? await latestVersion(db, key) : null;
  const version = (latest ?? 0) + 1;
  const candidate = input.definition && typeof input.definition === 'object' ? { ...input.definition, version } : input.definition;
  const { issues } = await validateWorkflow(ctx, candidate);
  if (issues.length) throw badRequest(issuesMessage(issues));
  // Stored as parsed: unknown keys dropped, so what a document is pinned to is exactly what was validated.
  const definition = parseAnyDefinition(candidate);
  // A key keeps its family: a request flow cannot replace release review, nor the reverse.
  if (latest !== null && isRequestFlow(definition) !== isRequestFlow(await storedDefinition(db, definition.key, latest))) {
    throw badRequest('流程定义未通过校验，不能发布：流程类别与已发布的版本不同');
  }
  const now = ctx.now();
  const notes = input.notes?.trim() ?? '';
  try {
    await commitChange(
      ctx,
      [db.insert(workflowDefinitions).values({ key: definition.key, version, definition, status: 'published', notes, publishedAt: now, publishedBy: actorId })],
      [{ at: now, actorId, action: 'workflow.publish', toState: `${definition.key}@${version}`, detail: { key: definition.key, version, notes } }],
    );
  } catch (error) {
    // Two admins publishing at once: the (key, version) primary key lets only the first land.
    if (/UNIQUE constraint failed: workflow_definitions/.test(`${String(error)} ${String((error as { cause?: unknown })?.cause ?? '')}`)) {
      throw conflict('该流程刚刚发布了新版本，请刷新后重试');
    }
    throw error;
  }
  return { version };
}
