import { and, eq, isNull, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { documents, indexSequences, redactions, reviewRecords, tasks } from '../db/schema/index';
import { applyReviewEvent, currentStep, reviewStatus, SEPARATED_KINDS, type PersistedReview, type Refusal, type ReviewEvent, type WorkflowDefinition } from '../../workflows/index';
import { FIVE_CHECKS, type FiveCheck } from '../../forms/disclosure';
import { commitChange } from './commit';
import { taskDue } from './deadline-service';
import { policyPublicationStatements } from './policy-pair-service';
import { loadWorkCalendar } from './calendar-service';
import { badRequest, conflict, forbidden, ShenfaError } from './errors';
import { factsOf, loadCategoryCode, loadDocument, loadOpenTask, loadRedactions, reviewState, type DocumentRow, type TaskRow } from './document-store';
import { pinnedDefinition } from './workflow-definitions';
import { assertPrivacyResolved, privacyFindings, PRIVACY_ROLE } from './privacy-service';
import { readSetting, SETTING_KEYS } from './settings';
import { cstYear } from '../time';
import type { ServiceContext } from './service-context';
import type { SessionUser } from './users';

export type ReviewAction =
  | { action: 'submit' }
  | { action: 'recall' }
  | { action: 'approve'; taskId: string; opinion: string; checks: Record<FiveCheck, boolean> }
  | { action: 'return'; taskId: string; opinion: string; target: string }
  | { action: 'reject'; taskId: string; opinion: string }
  | { action: 'publish'; taskId: string }
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
};

const TASK_ACTIONS = new Set(['approve', 'return', 'reject', 'publish']);

function toEvent(input: ReviewAction, actor: SessionUser, facts: ReturnType<typeof factsOf>): ReviewEvent {
  const who = { id: actor.id, roles: actor.roles };
  switch (input.action) {
    case 'submit': return { type: 'SUBMIT', actor: who, facts };
    case 'recall': return { type: 'RECALL', actor: who };
    case 'approve': return { type: 'APPROVE', actor: who };
    case 'return': return { type: 'RETURN', actor: who, target: input.target };
    case 'reject': return { type: 'REJECT', actor: who };
    case 'publish': return { type: 'PUBLISH', actor: who };
    case 'withdraw_publication': return { type: 'WITHDRAW_PUBLICATION', actor: who };
  }
}

/** Who must act next in a state: the step's role, or the drafter personally after a return. */
export function nextTaskFor(def: WorkflowDefinition, state: PersistedReview, drafterId: string) {
  const status = reviewStatus(state, def);
  if (status === 'returned') return { step: state.value, role: 'drafter', assigneeId: drafterId as string | null };
  if (status !== 'in_review' && status !== 'awaiting_publication') return null;
  const step = currentStep(def, state);
  if (!step?.role) return null;
  return { step: step.id, role: step.role as string, assigneeId: null as string | null };
}

function requireTask(input: ReviewAction, open: TaskRow | undefined, state: PersistedReview): TaskRow | undefined {
  if (!TASK_ACTIONS.has(input.action)) return open;
  const taskId = 'taskId' in input ? input.taskId : undefined;
  if (!open || open.id !== taskId || open.step !== state.value) throw conflict('该任务已被他人处理或已流转，请刷新后重试');
  return open;
}

/** A reviewer approves only after confirming all five checks (五关); filing and publication have none. */
function requireFiveChecks(def: WorkflowDefinition, state: PersistedReview, input: ReviewAction) {
  if (input.action !== 'approve') return;
  const step = currentStep(def, state);
  if (step && SEPARATED_KINDS.includes(step.kind) && !FIVE_CHECKS.every((k) => input.checks[k])) {
    throw badRequest('同意前请逐项确认五关审查：政治关、法律关、政策关、保密关、文字关');
  }
}

/**
 * Every move of a document through review: check, compute the next state with the pure
 * workflow, then write the document, its tasks, the review record and the audit row in
 * one batch guarded by the document's version. Effects run only after that commits.
 */
export async function performReviewAction(ctx: ServiceContext, actor: SessionUser, input: ReviewActionInput) {
  const { db } = ctx.database;
  const doc = await loadDocument(db, input.documentId);
  if (doc.version !== input.expectedVersion) throw conflict('该文件已被他人处理或已修改，请刷新后重试');
  const def = pinnedDefinition(doc.workflowKey, doc.workflowVersion);
  const state = reviewState(doc);
  const openTask = requireTask(input, await loadOpenTask(db, doc.id), state);
  const facts = factsOf(doc, (await loadCategoryCode(db, doc.categoryId)) ?? '');
  requireFiveChecks(def, state, input);
  const secrecyApproval = input.action === 'approve' && currentStep(def, state)?.role === PRIVACY_ROLE;
  if (secrecyApproval || input.action === 'publish') await assertPrivacyResolved(db, doc);
  if (input.action === 'publish' && (await loadRedactions(db, doc.id)).some((r) => !r.confirmedBy)) {
    throw badRequest('删减内容尚未经保密审查确认，不能发布');
  }
  const result = applyReviewEvent(def, state, toEvent(input, actor, facts));
  if (!result.ok) throw REFUSAL_MESSAGES[result.refusal];

  const now = ctx.now();
  const next = result.state;
  const nextStatus = reviewStatus(next, def);
  const statements: BatchItem<'sqlite'>[] = [];
  const published = input.action === 'publish';
  const prefix = published ? `${await readSetting(db, SETTING_KEYS.agencyCode)}/${cstYear(now)}-` : '';
  if (published) {
    statements.push(...(await policyPublicationStatements(ctx, doc.id, now)));
    statements.push(
      db.insert(indexSequences).values({ prefix, last: 1 }).onConflictDoUpdate({ target: indexSequences.prefix, set: { last: sql`${indexSequences.last} + 1` } }),
    );
  }
  statements.push(
    db
      .update(documents)
      .set({
        snapshot: next,
        status: nextStatus,
        currentStep: next.value,
        version: input.expectedVersion + 1,
        updatedAt: now,
        ...(published
          ? { publishedAt: now, indexNumber: sql`${prefix} || printf('%05d', (SELECT last FROM index_sequences WHERE prefix = ${prefix}))` }
          : {}),
        ...(input.action === 'withdraw_publication' ? { withdrawnAt: now, withdrawReason: input.reason } : {}),
      })
      .where(eq(documents.id, doc.id)),
  );
  if (openTask) {
    statements.push(
      db
        .update(tasks)
        .set({ status: input.action === 'recall' ? 'cancelled' : 'done', completedBy: actor.id, completedAt: now, outcome: input.action })
        .where(eq(tasks.id, openTask.id)),
    );
  }
  if (secrecyApproval) {
    // Approving the secrecy review confirms every redaction as it stands.
    statements.push(db.update(redactions).set({ confirmedBy: actor.id, confirmedAt: now }).where(and(eq(redactions.documentId, doc.id), isNull(redactions.confirmedBy))));
  }
  const nextTask = nextTaskFor(def, next, doc.drafterId);
  if (nextTask) {
    const due = nextTask.role === 'drafter' ? { dueDate: null, dueProvisional: false } : taskDue(def, nextTask.step, now, await loadWorkCalendar(ctx));
    statements.push(db.insert(tasks).values({ id: crypto.randomUUID(), documentId: doc.id, ...nextTask, ...due, round: next.context.round, status: 'open', createdAt: now }));
  }
  const opinion = 'opinion' in input ? input.opinion : input.action === 'withdraw_publication' ? input.reason : '';
  statements.push(
    db.insert(reviewRecords).values({
      id: crypto.randomUUID(),
      documentId: doc.id,
      taskId: openTask?.id ?? null,
      round: input.action === 'submit' ? next.context.round : state.context.round,
      step: state.value,
      userId: actor.id,
      decision: input.action,
      opinion,
      checks: input.action === 'approve' ? input.checks : null,
      createdAt: now,
    }),
  );
  await commitChange(
    ctx,
    statements,
    [{ at: now, actorId: actor.id, documentId: doc.id, action: `review.${input.action}`, fromState: state.value, toState: next.value, detail: { opinion, ...(input.action === 'return' ? { target: input.target } : {}), ...(input.action === 'submit' ? { privacyHits: (await privacyFindings(db, doc)).length } : {}) } }],
    '该文件已被他人处理，请刷新后重试',
  );
  await ctx.effects.run(result.effects.map((name) => ({ name, documentId: doc.id, actorId: actor.id, at: now })));
  const indexNumber = published ? (await loadDocument(db, doc.id)).indexNumber : doc.indexNumber;
  return { documentId: doc.id, version: input.expectedVersion + 1, status: nextStatus, step: next.value, indexNumber };
}

export type { DocumentRow };
