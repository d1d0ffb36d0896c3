import { eq } from 'drizzle-orm';
import { categories, documents, redactions } from '../db/schema/index';
import { startReview, reviewStatus } from '../../workflows/index';
import type { DraftDocumentInput } from '../../forms/index';
import { isPublishable, type DisclosureAttribute } from '../../forms/disclosure';
import { cstDate } from '../time';
import { commitChange } from './commit';
import { badRequest, conflict, forbidden } from './errors';
import { loadDocument, reviewState } from './document-store';
import { currentDefinition } from './workflow-definitions';
import { loadWorkCalendar } from './calendar-service';
import { categoryClockRule, documentClockStatement } from './deadline-service';
import type { ServiceContext } from './service-context';
import type { SessionUser } from './users';
import { readDraftForm, type FilledDraftForm } from './draft-form-service';
import { draftFormForCategory, pinnedForm } from './form-definitions';

const RELEASE_REVIEW = 'release-review';
const EDITABLE_STATUSES = new Set(['draft', 'returned']);

/**
 * An interpretation may name the policy it explains: a published-to-be document (open or
 * partial) that is not itself an interpretation. Returns the policy's publication date, if any.
 */
async function checkPolicyLink(ctx: ServiceContext, actor: SessionUser, documentId: string | null, policyDocumentId: string | null): Promise<string | null> {
  if (!policyDocumentId) return null;
  if (policyDocumentId === documentId) throw badRequest('文件不能关联自身作为政策文件');
  const [policy] = await ctx.database.db
    .select({ attribute: documents.attribute, policyDocumentId: documents.policyDocumentId, publishedAt: documents.publishedAt, status: documents.status, departmentId: documents.departmentId })
    .from(documents)
    .where(eq(documents.id, policyDocumentId));
  if (!policy || !isPublishable(policy.attribute as DisclosureAttribute) || policy.policyDocumentId) throw badRequest('所关联的政策文件不存在或不能关联');
  if (policy.departmentId !== actor.department.id) throw badRequest('政策解读须由政策文件的起草科室撰写（谁起草、谁解读）');
  return policy.status === 'published' && policy.publishedAt ? cstDate(policy.publishedAt) : null;
}

async function requireCategory(ctx: ServiceContext, categoryId: string): Promise<string> {
  const [row] = await ctx.database.db.select({ code: categories.code }).from(categories).where(eq(categories.id, categoryId));
  if (!row) throw badRequest('所选主题分类不存在');
  return row.code;
}

function documentFields(input: DraftDocumentInput) {
  return {
    title: input.title,
    docNumber: input.docNumber,
    categoryId: input.categoryId,
    writtenAt: input.writtenAt,
    body: input.body,
    hasStatistics: input.hasStatistics,
    isMajorMatter: input.isMajorMatter,
    attribute: input.attribute,
    attributeReason: input.attributeReason,
    legalGround: input.legalGround,
    channels: input.channels,
    policyDocumentId: input.policyDocumentId,
  };
}

function redactionRows(documentId: string, input: DraftDocumentInput) {
  return input.redactions.map((r) => ({ id: crypto.randomUUID(), documentId, start: r.start, end: r.end, ground: r.ground, reason: r.reason }));
}

/**
 * A drafter starts a document; it waits in 起草 until submitted. `raw` is the drafting form
 * as filled in, validated with the latest version of the form bound to its category, which
 * the document then keeps for good.
 */
export async function createDraft(ctx: ServiceContext, actor: SessionUser, raw: unknown): Promise<{ id: string; version: number }> {
  if (!actor.roles.includes('drafter')) throw forbidden('只有起草人可以起草文件');
  const form = await draftFormForCategory(ctx.database.db, (raw as { categoryId?: unknown } | null)?.categoryId);
  const filled = await readDraftForm(ctx, form, raw, actor, null);
  return createDraftDocument(ctx, actor, filled.input, (id) => ({ statements: filled.claimFiles(id), audit: [] }), filled);
}

/**
 * Starts a document for a caller whose right to draft it was checked by its own service
 * (the disclosure office drafts the annual report without the drafter role). `extra`
 * statements and audit rows commit in the same transaction.
 */
export async function createDraftDocument(
  ctx: ServiceContext,
  actor: SessionUser,
  input: DraftDocumentInput,
  extra: (id: string) => { statements: Parameters<typeof commitChange>[1]; audit: Parameters<typeof commitChange>[2] } = () => ({ statements: [], audit: [] }),
  /** The form version it was filled with; without it, the shipped drafting form (version 1), whose schema callers used. */
  filled?: Pick<FilledDraftForm, 'formKey' | 'formVersion' | 'extraFields'>,
): Promise<{ id: string; version: number }> {
  const { db } = ctx.database;
  const categoryCode = await requireCategory(ctx, input.categoryId);
  const policyPublishedOn = await checkPolicyLink(ctx, actor, null, input.policyDocumentId);
  const def = await currentDefinition(db, RELEASE_REVIEW);
  const state = startReview(def, {
    hasStatistics: input.hasStatistics,
    isMajorMatter: input.isMajorMatter,
    attribute: input.attribute,
    categoryCode,
    drafterId: actor.id,
  });
  const id = crypto.randomUUID();
  const now = ctx.now();
  const rows = redactionRows(id, input);
  const more = extra(id);
  await commitChange(ctx, [
    db.insert(documents).values({
      id,
      ...documentFields(input),
      drafterId: actor.id,
      departmentId: actor.department.id,
      workflowKey: def.key,
      workflowVersion: def.version,
      ...(filled ? { formKey: filled.formKey, formVersion: filled.formVersion, extraFields: filled.extraFields } : {}),
      snapshot: state,
      status: reviewStatus(state, def),
      currentStep: state.value,
      version: 1,
      createdAt: now,
      updatedAt: now,
    }),
    ...(rows.length ? [db.insert(redactions).values(rows)] : []),
    documentClockStatement(db, await loadWorkCalendar(ctx), { id, writtenAt: input.writtenAt, policyPublishedOn }, await categoryClockRule(db, input.categoryId)),
    ...more.statements,
  ], [{ at: now, actorId: actor.id, documentId: id, action: 'document.created', toState: state.value, detail: { title: input.title, attribute: input.attribute } }, ...more.audit]);
  return { id, version: 1 };
}

/** The drafter edits a document that is still with them (draft, or returned to them). */
export async function updateDraft(
  ctx: ServiceContext,
  actor: SessionUser,
  documentId: string,
  expectedVersion: number,
  raw: unknown,
): Promise<{ id: string; version: number }> {
  const { db } = ctx.database;
  const doc = await loadDocument(db, documentId);
  if (doc.drafterId !== actor.id) throw forbidden('只有起草人本人可以修改该文件');
  if (doc.version !== expectedVersion) throw conflict('文件已被修改，请刷新后重试');
  if (!EDITABLE_STATUSES.has(doc.status)) throw conflict('文件已提交审查，不能修改');
  // Always the version it was filled with: a form published since does not apply to it.
  const { input, extraFields, claimFiles } = await readDraftForm(ctx, await pinnedForm(db, doc.formKey, doc.formVersion), raw, actor, documentId);
  const categoryCode = await requireCategory(ctx, input.categoryId);
  const policyPublishedOn = await checkPolicyLink(ctx, actor, documentId, input.policyDocumentId);
  const state = reviewState(doc);
  // Conditions (statistics, major matter, attribute) are re-read at submission; keep them current meanwhile.
  const nextState = { ...state, context: { ...state.context, hasStatistics: input.hasStatistics, isMajorMatter: input.isMajorMatter, attribute: input.attribute, categoryCode } };
  const now = ctx.now();
  const rows = redactionRows(documentId, input);
  await commitChange(
    ctx,
    [
      db.update(documents).set({ ...documentFields(input), extraFields, snapshot: nextState, version: expectedVersion + 1, updatedAt: now }).where(eq(documents.id, documentId)),
      db.delete(redactions).where(eq(redactions.documentId, documentId)),
      ...(rows.length ? [db.insert(redactions).values(rows)] : []),
      documentClockStatement(db, await loadWorkCalendar(ctx), { id: documentId, writtenAt: input.writtenAt, policyPublishedOn }, await categoryClockRule(db, input.categoryId)),
      ...claimFiles(documentId),
    ],
    [{ at: now, actorId: actor.id, documentId, action: 'document.edited', fromState: doc.currentStep, toState: doc.currentStep, detail: { title: input.title, attribute: input.attribute } }],
    '文件已被修改，请刷新后重试',
  );
  return { id: documentId, version: expectedVersion + 1 };
}

export { EDITABLE_STATUSES };
