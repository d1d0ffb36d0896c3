/**
 * One handling step of an information request: load it, ask the request machine, write the
 * new snapshot, the dated events and the audit row in one transaction.
 */
import { eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { infoRequests } from '../db/schema/index';
import { stepRequest } from '../../workflows/requests/request-engine';
import { requestDeadlines } from '../../workflows/requests/request-clocks';
import { EXTENSION_APPROVER_ROLE, MAX_EXTENSION_DAYS, type RequestEvent } from '../../workflows/requests/request.machine';
import type { ReplyResult, ReplySubReason } from '../../workflows/requests/request-vocabulary';
import type { RequestFlowDefinition } from '../../workflows/requests/request-flow-definition';
import { ROLE_LABELS } from '../../workflows/roles';
import { loadWorkCalendar } from './calendar-service';
import { commitChange } from './commit';
import { badRequest, conflict } from './errors';
import { eventInserts, loadRequest, requestFlowOf, requestState, type InfoRequestRow } from './request-store';
import { cstDate } from '../time';
import type { ServiceContext } from './service-context';
import type { SessionUser } from './users';

export const STAFF_ACTIONS = [
  'accept', 'request_correction', 'receive_correction', 'close_uncorrected', 'start_consultation', 'end_consultation',
  'request_extension', 'approve_extension', 'notify_fee', 'record_fee_paid', 'close_fee_unpaid',
] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

export type RequestActionInput =
  | { action: Exclude<StaffAction, 'request_extension' | 'notify_fee'>; requestId: string; expectedVersion: number; date: string; note: string }
  | { action: 'request_extension'; requestId: string; expectedVersion: number; date: string; note: string; days: number }
  | { action: 'notify_fee'; requestId: string; expectedVersion: number; date: string; note: string; basis: 'per_request' | 'per_page'; amountFen: number };

const EVENT_TYPES: Record<StaffAction, RequestEvent['type']> = {
  accept: 'ACCEPT', request_correction: 'REQUEST_CORRECTION', receive_correction: 'RECEIVE_CORRECTION', close_uncorrected: 'CLOSE_UNCORRECTED',
  start_consultation: 'START_CONSULTATION', end_consultation: 'END_CONSULTATION', request_extension: 'REQUEST_EXTENSION',
  approve_extension: 'APPROVE_EXTENSION', notify_fee: 'NOTIFY_FEE', record_fee_paid: 'RECORD_FEE_PAID', close_fee_unpaid: 'CLOSE_FEE_UNPAID',
};

/** The date of a step: not in the future; older than the last event is the machine's to refuse. */
export function assertStepDate(ctx: ServiceContext, date: string): void {
  if (date > cstDate(ctx.now())) throw badRequest('「日期」不能晚于今天');
}

/** Why the machine refused, in words a clerk can act on. */
async function refusal(ctx: ServiceContext, row: InfoRequestRow, event: RequestEvent, flow: RequestFlowDefinition): Promise<Error> {
  const state = requestState(row);
  // A step of an edited flow may ask for its own role (condition 'holdsStepRole').
  const step = flow.steps.find((s) => s.id === row.status);
  const needsRole = step?.transitions?.some((t) => t.event === event.type && t.guards?.includes('holdsStepRole'));
  if (needsRole && step?.role && !event.actor.roles.includes(step.role)) return badRequest(`该步骤须由「${ROLE_LABELS[step.role].zh}」办理`);
  const d = requestDeadlines(state.context.clock, await loadWorkCalendar(ctx), event.date);
  const last = state.context.clock.at(-1)?.date ?? row.receivedAt;
  if (event.date < last) return badRequest(`「日期」不能早于上一次办理记录（${last}）`);
  switch (event.type) {
    case 'REQUEST_CORRECTION':
      if (state.context.correctionAsked) return conflict('补正只能告知一次');
      if (row.status === 'registered') return badRequest(`补正须在收到申请之日起 7 个工作日内一次性告知（截至 ${d.correctionNotice}）`);
      break;
    case 'CLOSE_UNCORRECTED':
      if (d.correctionPeriod) return badRequest(`补正期限尚未届满（截至 ${d.correctionPeriod}），不能按逾期未补正处理`);
      break;
    case 'CLOSE_FEE_UNPAID':
      if (d.feePayment) return badRequest(`缴费期限尚未届满（截至 ${d.feePayment}），不能按逾期未缴费处理`);
      break;
    case 'REQUEST_EXTENSION':
      if (state.context.extension) return conflict('延期答复只能申请一次');
      if (event.days < 1 || event.days > MAX_EXTENSION_DAYS) return badRequest(`延长期限应为 1 至 ${MAX_EXTENSION_DAYS} 个工作日`);
      if (d.reply.due && event.date > d.reply.due) return badRequest(`答复期限已于 ${d.reply.due} 届满，不能再申请延期`);
      break;
    case 'APPROVE_EXTENSION':
      if (!state.context.extension) return conflict('尚未申请延期');
      if (state.context.extension.approvedBy) return conflict('延期已经批准');
      if (!event.actor.roles.includes(EXTENSION_APPROVER_ROLE)) return badRequest('延期须经信息公开工作机构负责人（分管领导）批准');
      if (event.actor.id === state.context.extension.requestedBy) return badRequest('申请延期的人员不能自行批准延期');
      if (d.reply.due && event.date > d.reply.due) return badRequest(`答复期限已于 ${d.reply.due} 届满，不能再批准延期`);
      break;
    case 'NOTIFY_FEE':
      if (state.context.feeNotified) return conflict('已发出过收费通知');
      break;
    case 'REVIEW_REPLY':
      if (state.context.reply?.draftedBy === event.actor.id) return badRequest('答复书须由起草人以外的人员审核');
      break;
    case 'DRAFT_REPLY':
      return badRequest('答复结果与具体情形不匹配，或当前状态不能起草答复');

    default:
      break;
  }
  return conflict('当前状态不能执行此操作，请刷新后重试');
}

export interface StepOptions {
  /** More columns of the request to set in the same update (fee fields). */
  columns?: Partial<Pick<InfoRequestRow, 'feeBasis' | 'feeAmountFen' | 'feeNotifiedOn' | 'feePaidOn'>>;
  /** More statements for the same transaction (the reply letter). */
  extra?: (db: ServiceContext['database']['db']) => BatchItem<'sqlite'>[];
  auditDetail?: Record<string, unknown>;
}

/**
 * Applies one event to a request and commits it. Returns the new version and state.
 * Shared by the plain staff actions here and by the reply-letter service.
 */
export async function applyRequestEvent(ctx: ServiceContext, actor: SessionUser, row: InfoRequestRow, expectedVersion: number, event: RequestEvent, note: string, options: StepOptions = {}) {
  const { db } = ctx.database;
  if (row.version !== expectedVersion) throw conflict('该申请已被他人处理，请刷新后重试');
  assertStepDate(ctx, event.date);
  const calendar = await loadWorkCalendar(ctx);
  const flow = await requestFlowOf(db, row);
  const step = stepRequest(calendar, requestState(row), event, flow);
  if (!step) throw await refusal(ctx, row, event, flow);
  const now = ctx.now();
  const outcome = step.state.context.outcome;
  const statements: BatchItem<'sqlite'>[] = [
    db
      .update(infoRequests)
      .set({
        snapshot: step.state,
        status: step.state.value,
        version: row.version + 1,
        updatedAt: now,
        ...options.columns,
        ...(outcome ? { result: outcome.result, subReason: outcome.subReason, closedAt: outcome.closedOn, repliedAt: outcome.repliedOn } : {}),
      })
      .where(eq(infoRequests.id, row.id)),
    ...eventInserts(db, row.id, step.added, actor.id, now, note),
    ...(options.extra?.(db) ?? []),
  ];
  await commitChange(
    ctx,
    statements,
    [{ at: now, actorId: actor.id, action: `request.${event.type.toLowerCase()}`, fromState: row.status, toState: step.state.value, detail: { requestId: row.id, requestNo: row.requestNo, date: event.date, ...(note ? { note } : {}), ...options.auditDetail } }],
    '该申请已被他人处理，请刷新后重试',
  );
  return { version: row.version + 1, status: step.state.value };
}

/** The plain staff steps (everything but the reply letter). */
export async function actOnRequest(ctx: ServiceContext, actor: SessionUser, input: RequestActionInput) {
  const row = await loadRequest(ctx.database.db, input.requestId);
  const base = { date: input.date, actor: { id: actor.id, roles: actor.roles } };
  let event: RequestEvent;
  let options: StepOptions = {};
  if (input.action === 'request_extension') {
    event = { type: 'REQUEST_EXTENSION', days: input.days, ...base };
    options = { auditDetail: { days: input.days } };
  } else if (input.action === 'notify_fee') {
    event = { type: 'NOTIFY_FEE', ...base };
    options = { columns: { feeBasis: input.basis, feeAmountFen: input.amountFen, feeNotifiedOn: input.date }, auditDetail: { basis: input.basis, amountFen: input.amountFen } };
  } else if (input.action === 'record_fee_paid') {
    event = { type: 'RECORD_FEE_PAID', ...base };
    options = { columns: { feePaidOn: input.date } };
  } else {
    event = { type: EVENT_TYPES[input.action], ...base } as RequestEvent;
  }
  return applyRequestEvent(ctx, actor, row, input.expectedVersion, event, input.note.trim(), options);
}

export type { ReplyResult, ReplySubReason };
