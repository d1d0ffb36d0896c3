import { eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { documents } from '../db/schema/index';
import { applyReviewEvent, currentStep, namesPluginGuards, reviewStatus, SEPARATED_KINDS, type DocumentContent, type PersistedReview, type Refusal, type ReviewEvent, type WorkflowDefinition } from '../../workflows/index';
import { FIVE_CHECKS, type FiveCheck } from '../../forms/disclosure';
import { commitChange } from './commit';
import { webhookOutboxStatements } from './webhook-outbox';
import { publishToChannels } from '../channels/run-channel-publication';
import { newTaskNotificationStatements } from './task-notifications';
import { taskDue } from './deadline-service';
import { policyPublicationStatements } from './policy-pair-service';
import { loadWorkCalendar } from './calendar-service';
import { badRequest, conflict, forbidden, ShenfaError } from './errors';
import { factsOf, loadDocumentHeadWithCategoryCode, loadDocumentTasks, loadDocumentText, loadIndexNumber, loadRedactions, reviewState, type DocumentHead, type DocumentRow, type TaskRow } from './document-store';
import { closeTaskStatement, DRAFTER_SEAT, openTaskStatement, syncTasks, wantedTasks } from './task-sync';
import { confirmRedactions, moveDocument, moveDocumentWithStatus, nextIndexSequence, publishDocument, recordDecision } from './review-writes';
import { loadSessionUser } from './users';
import { isTaskFor } from './access';
import type { Db } from '../db/client';
import { pinnedDefinition } from './workflow-definitions';
import { stepName } from './document-view-service';
import { readOpinionForm, type FilledOpinionForm } from './opinion-form-service';
import { assertPrivacyResolved, privacyFindings, PRIVACY_ROLE } from './privacy-service';
import { readSetting, SETTING_KEYS } from './settings';
import { cstYear } from '../time';
import { orderedId } from '../db/ordered-id';
import type { ServiceContext } from './service-context';
import type { SessionUser } from './users';

export type ReviewAction =
  | { action: 'submit' }
  | { action: 'recall' }
  | { action: 'approve'; taskId: string; opinion: string; checks: Record<FiveCheck, boolean>; opinionForm?: unknown }
  | { action: 'return'; taskId: string; opinion: string; target: string; opinionForm?: unknown }
  | { action: 'reject'; taskId: string; opinion: string }
  | { action: 'publish'; taskId: string }
  | { action: 'transfer'; taskId: string; toUserId: string; opinion: string }
  | { action: 'add_signer'; taskId: string; userId: string; position: 'before' | 'after'; opinion: string; checks?: Record<FiveCheck, boolean>; opinionForm?: unknown }
  | { action: 'withdraw_publication'; reason: string };

export type ReviewActionInput = ReviewAction & { documentId: string; expectedVersion: number };

const REFUSAL_MESSAGES: Record<Refusal, ShenfaError> = {
  not_assignee: forbidden('您不是当前环节的办理人'),
  own_document: forbidden('不能审查、签发本人起草的文件'),
  already_acted: forbidden('本轮审查中您已审批过该文件，不能重复审批'),
  seat_blocked: conflict('您加签的人员尚未审批，请等待其处理后再办理'),
  invalid_assignee: badRequest('所选人员不能办理该环节（须具有相应角色，且不是起草人或本轮已审批人员）'),
  invalid_in_state: conflict('文件已流转到其他环节，请刷新后重试'),
  invalid_target: badRequest('退回的目标环节无效'),
  requirement_failed: badRequest('文件未通过本环节要求的自动检查（如敏感词检查），请退回修改后再办理'),
};

const TASK_ACTIONS = new Set(['approve', 'return', 'reject', 'publish', 'transfer', 'add_signer']);

async function toEvent(ctx: ServiceContext, input: ReviewAction, actor: SessionUser, facts: ReturnType<typeof factsOf>, seatId: string | undefined, document: DocumentContent | undefined): Promise<ReviewEvent> {
  const who = { id: actor.id, roles: actor.roles };
  const seat = seatId && seatId !== DRAFTER_SEAT ? { seatId } : {};
  switch (input.action) {
    case 'submit': return { type: 'SUBMIT', actor: who, facts };
    case 'recall': return { type: 'RECALL', actor: who };
    case 'approve': return { type: 'APPROVE', actor: who, ...seat, document };
    case 'return': return { type: 'RETURN', actor: who, target: input.target, ...seat };
    case 'reject': return { type: 'REJECT', actor: who, ...seat };
    case 'publish': return { type: 'PUBLISH', actor: who, ...seat, document };
    case 'withdraw_publication': return { type: 'WITHDRAW_PUBLICATION', actor: who };
    case 'add_signer': return { type: 'ADD_SIGNER', actor: who, userId: input.userId, position: input.position, ...seat };
    case 'transfer': {
      // The workflow decides whether the colleague may take the seat; it needs their roles as stored.
      const colleague = await loadSessionUser(ctx.database.db, input.toUserId);
      if (!colleague) throw badRequest('转办对象不存在或已停用');
      return { type: 'TRANSFER', actor: who, toUserId: colleague.id, toRoles: colleague.roles, ...seat };
    }
  }
}

/**
 * Who may even ask: the drafter for their own submission, the person (or role) a task of this
 * document was offered to for task actions. Checked before anything that depends on the
 * document's state, so a refusal tells an outsider nothing.
 */
function requireStanding(input: ReviewAction, actor: SessionUser, doc: DocumentHead, documentTasks: readonly TaskRow[]): void {
  if (input.action === 'submit' || input.action === 'recall') {
    if (doc.drafterId !== actor.id) throw forbidden('只有起草人本人可以提交或撤回');
    return;
  }
  if (!('taskId' in input)) return;
  // Any task of this document, open or closed: whoever held it may learn it has moved on.
  const task = documentTasks.find((t) => t.id === input.taskId);
  if (!task || !isTaskFor(actor, task)) throw forbidden('您不是当前环节的办理人');
}

function requireTask(input: ReviewAction, open: readonly TaskRow[], state: PersistedReview): TaskRow | null {
  if (!TASK_ACTIONS.has(input.action)) return input.action === 'submit' ? (open.find((t) => t.seatId === DRAFTER_SEAT) ?? null) : null;
  const taskId = 'taskId' in input ? input.taskId : undefined;
  const task = open.find((t) => t.id === taskId);
  if (!task || task.step !== state.value) throw conflict('该任务已被他人处理或已流转，请刷新后重试');
  return task;
}

/** A reviewer approves only after confirming all five checks (五关); filing and publication have none. */
function requireFiveChecks(def: WorkflowDefinition, state: PersistedReview, input: ReviewAction) {
  // Adding a signer after oneself is one's own approval too.
  const checks = input.action === 'approve' ? input.checks : input.action === 'add_signer' && input.position === 'after' ? (input.checks ?? null) : undefined;
  if (checks === undefined) return;
  const step = currentStep(def, state);
  if (step && SEPARATED_KINDS.includes(step.kind) && !FIVE_CHECKS.every((k) => checks?.[k])) {
    throw badRequest('同意前请逐项确认五关审查：政治关、法律关、政策关、保密关、文字关');
  }
}

type DocumentText = Pick<DocumentRow, 'id' | 'body'>;

/** The text of a step that reads it (performReviewAction loads it for those): never taken as "nothing found" when missing. */
function loaded(text: DocumentText | null): DocumentText {
  if (text === null) throw new Error('the document text was not loaded for a step that reads it');
  return text;
}

/** What the audit row of a review action records besides who, when and from/to. */
async function auditDetail(db: Db, input: ReviewAction, text: DocumentText | null, opinion: string, form: FilledOpinionForm | null): Promise<Record<string, unknown>> {
  switch (input.action) {
    case 'return': return { opinion, target: input.target, ...(form ? { form } : {}) };
    case 'approve': return { opinion, ...(form ? { form } : {}) };
    case 'transfer': return { opinion, toUserId: input.toUserId };
    case 'add_signer': return { opinion, userId: input.userId, position: input.position, ...(form ? { form } : {}) };
    // The submission's privacy pre-check: how many unmasked hits the reviewers will find.
    case 'submit': return { opinion, privacyHits: (await privacyFindings(db, loaded(text))).length };
    default: return { opinion };
  }
}

/**
 * Every move of a document through review: check, compute the next state with the pure
 * workflow, then write the document, its tasks, the review record and the audit row in
 * one batch guarded by the document's version. Effects run only after that commits.
 */
export async function performReviewAction(ctx: ServiceContext, actor: SessionUser, input: ReviewActionInput) {
  const { db } = ctx.database;
  // Together: under load both are batched reads (db/batched-read.ts), so they go out in the same turn.
  const [{ doc, categoryCode }, documentTasks] = await Promise.all([loadDocumentHeadWithCategoryCode(db, input.documentId), loadDocumentTasks(db, input.documentId)]);
  // Standing first: an outsider learns nothing of the document's version or content from the refusal.
  requireStanding(input, actor, doc, documentTasks);
  if (doc.version !== input.expectedVersion) throw conflict('该文件已被他人处理或已修改，请刷新后重试');
  const def = await pinnedDefinition(db, doc.workflowKey, doc.workflowVersion);
  const state = reviewState(doc);
  const openTasks = documentTasks.filter((t) => t.status === 'open');
  const actedTask = requireTask(input, openTasks, state);
  const facts = factsOf(doc, categoryCode);
  const secrecyApproval = input.action === 'approve' && currentStep(def, state)?.role === PRIVACY_ROLE;
  // The text only for a step that reads it: the submission's privacy pre-check, the secrecy
  // review and publication check it for personal data, and a plugin's guard may read it on an
  // approval or publication (which carries it as the event's document). A plain approval does not.
  const readsText = input.action === 'submit' || input.action === 'publish' || secrecyApproval || (input.action === 'approve' && namesPluginGuards(def));
  const text: DocumentText | null = readsText ? { id: doc.id, body: await loadDocumentText(db, doc.id) } : null;
  const result = applyReviewEvent(def, state, await toEvent(ctx, input, actor, facts, actedTask?.seatId, text ? { title: doc.title, body: text.body } : undefined));
  if (!result.ok) throw REFUSAL_MESSAGES[result.refusal];
  // Content checks only once the workflow has accepted this person for this step.
  requireFiveChecks(def, state, input);
  // The step's opinion form, when it names one: refused field by field before anything is written.
  // 加签在我之后 is the holder's own approval, so it asks for the form too.
  const fillsForm = input.action === 'approve' || input.action === 'return' || (input.action === 'add_signer' && input.position === 'after');
  const opinionForm = fillsForm ? await readOpinionForm(db, actor, doc.id, currentStep(def, state), input.opinionForm) : null;
  if (secrecyApproval || input.action === 'publish') await assertPrivacyResolved(db, loaded(text));
  if (input.action === 'publish' && (await loadRedactions(db, doc.id)).some((r) => !r.confirmedBy)) {
    throw badRequest('删减内容尚未经保密审查确认，不能发布');
  }

  const now = ctx.now();
  const next = result.state;
  const nextStatus = reviewStatus(next, def);
  const statements: BatchItem<'sqlite'>[] = [];
  const published = input.action === 'publish';
  const prefix = published ? `${await readSetting(db, SETTING_KEYS.agencyCode)}/${cstYear(now)}-` : '';
  if (published) {
    statements.push(...(await policyPublicationStatements(ctx, doc.id, now)));
    statements.push(nextIndexSequence(db)({ prefix }));
  }
  const move = { id: doc.id, snapshot: next, currentStep: next.value, version: input.expectedVersion + 1, updatedAt: now };
  if (published) statements.push(publishDocument(db)({ ...move, status: nextStatus, publishedAt: now, prefix }));
  else if (input.action === 'withdraw_publication') {
    const { id, ...columns } = move;
    statements.push(db.update(documents).set({ ...columns, status: nextStatus, withdrawnAt: now, withdrawReason: input.reason }).where(eq(documents.id, id)));
  }
  // Status only when it changes: naming a column in SET fires its UPDATE OF triggers, and the
  // search-queue trigger would re-index the document after every step of review.
  else if (nextStatus !== doc.status) statements.push(moveDocumentWithStatus(db)({ ...move, status: nextStatus }));
  else statements.push(moveDocument(db)(move));
  // Announced to the portal in the same transaction (transactional outbox): never lost, never for a rolled-back change.
  if (published) statements.push(...webhookOutboxStatements(db, { event: 'document.published', documentId: doc.id, at: now }));
  if (input.action === 'withdraw_publication') statements.push(...webhookOutboxStatements(db, { event: 'document.withdrawn', documentId: doc.id, at: now }));
  if (secrecyApproval) {
    // Approving the secrecy review confirms every redaction as it stands.
    statements.push(confirmRedactions(db)({ confirmedBy: actor.id, confirmedAt: now, documentId: doc.id }));
  }
  // New rows get time-ordered ids (orderedId): changes committed together then share the last
  // page of each key index instead of touching a random page of it each.
  const sync = syncTasks(openTasks, wantedTasks(def, next, doc.drafterId), { taskId: actedTask?.id ?? null, recall: input.action === 'recall' });
  for (const close of sync.close) statements.push(closeTaskStatement(db, close, actor.id, input.action, now));
  const calendar = sync.open.length ? await loadWorkCalendar(ctx) : null;
  for (const task of sync.open) {
    const due = task.seatId === DRAFTER_SEAT || !calendar ? { dueDate: null, dueProvisional: false } : taskDue(def, task.step, now, calendar);
    statements.push(openTaskStatement(db)({ id: orderedId(now), documentId: doc.id, departmentId: doc.departmentId, step: task.step, seatId: task.seatId, role: task.role, assigneeId: task.assigneeId, ...due, round: next.context.round, createdAt: now }));
    statements.push(
      ...newTaskNotificationStatements(db, {
        documentId: doc.id,
        title: doc.title,
        drafterId: doc.drafterId,
        actorId: actor.id,
        assigneeId: task.assigneeId,
        role: task.role,
        stepLabel: stepName(def, task.step),
        returnedWith: task.seatId === DRAFTER_SEAT && input.action === 'return' ? input.opinion : null,
        at: now,
      }),
    );
  }
  const opinion = 'opinion' in input ? input.opinion : input.action === 'withdraw_publication' ? input.reason : '';
  statements.push(
    recordDecision(db)({
      id: orderedId(now),
      documentId: doc.id,
      taskId: actedTask?.id ?? null,
      round: input.action === 'submit' ? next.context.round : state.context.round,
      step: state.value,
      userId: actor.id,
      decision: input.action,
      opinion,
      checks: input.action === 'approve' ? input.checks : input.action === 'add_signer' ? (input.checks ?? null) : null,
      opinionForm: opinionForm?.filled ?? null,
      createdAt: now,
    }),
    ...(opinionForm?.claim ?? []),
  );
  await commitChange(
    ctx,
    statements,
    [{ at: now, actorId: actor.id, documentId: doc.id, action: `review.${input.action}`, fromState: state.value, toState: next.value, detail: await auditDetail(db, input, text, opinion, opinionForm?.filled ?? null) }],
    '该文件已被他人处理，请刷新后重试',
  );
  await ctx.effects.run(result.effects.map((name) => ({ name, documentId: doc.id, actorId: actor.id, at: now })));
  if (published) await publishToChannels(ctx, doc.id);
  const indexNumber = published ? await loadIndexNumber(db, doc.id) : doc.indexNumber;
  return { documentId: doc.id, version: input.expectedVersion + 1, status: nextStatus, step: next.value, indexNumber };
}

export type { DocumentRow };
