/**
 * Named guards and actions of the request flow (依申请公开), the counterpart of
 * workflows/registry.ts for release review. A request-flow definition names its extra
 * conditions here; every event also carries its statutory checks (RULES_OF_EVENT) and its
 * record action (ACTION_OF_EVENT), which the compiler adds whatever the definition says, so an
 * edited flow can move steps around but never weaken the Regulations' limits.
 *
 * Guards are pure: they read the context, the event and the calendar the machine was
 * compiled with; the dates come with the events.
 */
import type { IsoDate, WorkCalendar } from '../calendar/index';
import type { LocalizedText } from '../definition';
import type { Role } from '../roles';
import { requestDeadlines } from './request-clocks';
import { EXTENSION_APPROVER_ROLE, MAX_EXTENSION_DAYS, type RequestContext, type RequestEvent, type RequestEventType } from './request-types';
import { isValidReply, type ReplySubReason } from './request-vocabulary';

/** What a guard knows besides context and event. */
export interface RequestGuardEnv {
  calendar: WorkCalendar;
  step: { id: string; role?: Role | undefined };
}

export type RequestGuard = (context: RequestContext, event: RequestEvent, env: RequestGuardEnv) => boolean;

/** 'rule': a statutory check the compiler attaches to its event; 'condition': a definition may name it. */
export type RequestGuardUse = 'rule' | 'condition';

export interface RequestGuardEntry {
  fn: RequestGuard;
  label: LocalizedText;
  use: RequestGuardUse;
}

export interface RequestFlowRegistry {
  readonly guards: Map<string, RequestGuardEntry>;
  /** Bumped by every registration, so a compiled machine is never reused across changes. */
  revision: number;
}

/** Sub-reasons only the flow itself gives, when the applicant let a limit pass. */
const LAPSE_REASONS: readonly ReplySubReason[] = ['no_correction_in_time', 'fee_unpaid_in_time'];

const deadlines = (context: RequestContext, env: RequestGuardEnv, asOf?: IsoDate) => requestDeadlines(context.clock, env.calendar, asOf);

/** The Regulations' checks, one per event that has any (see RULES_OF_EVENT). */
const RULE_GUARDS: Record<string, { fn: RequestGuard; label: LocalizedText }> = {
  inOrder: {
    label: { zh: '日期不早于上一次办理记录', en: 'Dated no earlier than the last recorded event' },
    fn: (context, event) => event.date >= (context.clock.at(-1)?.date ?? context.receivedOn),
  },
  correctionAllowed: {
    label: { zh: '补正只能告知一次，且在收到申请之日起 7 个工作日内', en: 'Correction asked once, within 7 working days of receipt' },
    fn: (context, event, env) => {
      const due = deadlines(context, env).correctionNotice;
      return !context.correctionAsked && due !== null && event.date <= due;
    },
  },
  correctionLapsed: {
    label: { zh: '补正期限已届满', en: 'The correction period has run out' },
    fn: (context, event, env) => {
      const due = deadlines(context, env).correctionPeriod;
      return due !== null && event.date > due;
    },
  },
  extensionAllowed: {
    label: { zh: '延期只能申请一次，不超过 20 个工作日，且在答复期限内', en: 'Extension asked once, at most 20 working days, before the limit' },
    fn: (context, event, env) => {
      if (event.type !== 'REQUEST_EXTENSION' || context.extension) return false;
      const due = deadlines(context, env, event.date).reply.due;
      return Number.isInteger(event.days) && event.days >= 1 && event.days <= MAX_EXTENSION_DAYS && due !== null && event.date <= due;
    },
  },
  extensionApprovable: {
    label: { zh: '延期由信息公开工作机构负责人（非申请人本人）在期限内批准', en: 'Extension approved in time by the office head, not the one who asked' },
    fn: (context, event, env) => {
      const ext = context.extension;
      if (!ext || ext.approvedBy) return false;
      const due = deadlines(context, env, event.date).reply.due;
      return event.actor.roles.includes(EXTENSION_APPROVER_ROLE) && event.actor.id !== ext.requestedBy && due !== null && event.date <= due;
    },
  },
  feeAllowed: {
    label: { zh: '收费通知只能发出一次', en: 'The fee notice is sent once' },
    fn: (context) => !context.feeNotified,
  },
  feeLapsed: {
    label: { zh: '缴费期限已届满', en: 'The payment period has run out' },
    fn: (context, event, env) => {
      const due = deadlines(context, env).feePayment;
      return due !== null && event.date > due;
    },
  },
  replyValid: {
    label: { zh: '答复结果与具体情形相符（逾期情形不能手工选择）', en: 'Result and sub-reason match (lapse reasons are not chosen by hand)' },
    fn: (_context, event) => event.type === 'DRAFT_REPLY' && isValidReply(event.result, event.subReason) && !(event.subReason && LAPSE_REASONS.includes(event.subReason)),
  },
  reviewerIsNotDrafter: {
    label: { zh: '答复书由起草人以外的人员审核', en: 'The letter is reviewed by someone other than its drafter' },
    fn: (context, event) => context.reply !== null && context.reply.draftedBy !== event.actor.id,
  },
  replyReviewed: {
    label: { zh: '答复书已经审核', en: 'The reply letter has been reviewed' },
    fn: (context) => context.reply !== null && context.reply.reviewedBy !== null,
  },
};

/** Conditions a definition may add to a transition. */
const CONDITION_GUARDS: Record<string, { fn: RequestGuard; label: LocalizedText }> = {
  holdsStepRole: {
    label: { zh: '办理人具有本步骤的办理角色', en: "The actor holds the step's role" },
    fn: (_context, event, env) => !!env.step.role && event.actor.roles.includes(env.step.role),
  },
};

/** Checked on every event, so the history reads in order. */
export const RULE_OF_EVERY_EVENT = 'inOrder';

/** The statutory checks of each event, attached by the compiler to every transition on it. */
export const RULES_OF_EVENT: Record<RequestEventType, readonly string[]> = {
  ACCEPT: [],
  REQUEST_CORRECTION: ['correctionAllowed'],
  RECEIVE_CORRECTION: [],
  CLOSE_UNCORRECTED: ['correctionLapsed'],
  START_CONSULTATION: [],
  END_CONSULTATION: [],
  REQUEST_EXTENSION: ['extensionAllowed'],
  APPROVE_EXTENSION: ['extensionApprovable'],
  NOTIFY_FEE: ['feeAllowed'],
  RECORD_FEE_PAID: [],
  CLOSE_FEE_UNPAID: ['feeLapsed'],
  DRAFT_REPLY: ['replyValid'],
  REVIEW_REPLY: ['reviewerIsNotDrafter'],
  SEND_REPLY: ['replyReviewed'],
};

/** The record action of each event: what it writes into the context (and the clock). */
export const ACTION_OF_EVENT: Record<RequestEventType, string> = {
  ACCEPT: 'recordAccepted',
  REQUEST_CORRECTION: 'recordCorrectionAsked',
  RECEIVE_CORRECTION: 'recordCorrected',
  CLOSE_UNCORRECTED: 'closeUncorrected',
  START_CONSULTATION: 'recordConsultationStarted',
  END_CONSULTATION: 'recordConsultationEnded',
  REQUEST_EXTENSION: 'recordExtensionAsked',
  APPROVE_EXTENSION: 'recordExtensionApproved',
  NOTIFY_FEE: 'recordFeeNotified',
  RECORD_FEE_PAID: 'recordFeePaid',
  CLOSE_FEE_UNPAID: 'closeFeeUnpaid',
  DRAFT_REPLY: 'recordDraft',
  REVIEW_REPLY: 'recordReview',
  SEND_REPLY: 'recordSent',
};

/** The events, in words, for the editor and the graph's arrows. */
export const REQUEST_EVENT_LABELS: Record<RequestEventType, LocalizedText> = {
  ACCEPT: { zh: '受理', en: 'Accept' },
  REQUEST_CORRECTION: { zh: '告知补正', en: 'Ask for correction' },
  RECEIVE_CORRECTION: { zh: '收到补正', en: 'Correction received' },
  CLOSE_UNCORRECTED: { zh: '逾期未补正，终止', en: 'Close: not corrected in time' },
  START_CONSULTATION: { zh: '征求意见', en: 'Start consultation' },
  END_CONSULTATION: { zh: '意见返回', en: 'End consultation' },
  REQUEST_EXTENSION: { zh: '申请延期', en: 'Ask for extension' },
  APPROVE_EXTENSION: { zh: '批准延期', en: 'Approve extension' },
  NOTIFY_FEE: { zh: '收费通知', en: 'Fee notice' },
  RECORD_FEE_PAID: { zh: '已缴费', en: 'Fee paid' },
  CLOSE_FEE_UNPAID: { zh: '逾期未缴费，终止', en: 'Close: fee not paid in time' },
  DRAFT_REPLY: { zh: '起草答复', en: 'Draft reply' },
  REVIEW_REPLY: { zh: '审核答复书', en: 'Review reply letter' },
  SEND_REPLY: { zh: '送达答复', en: 'Send reply' },
};

/** Abandonment (终止) events: the applicant let a limit pass, the request closes without a reply. */
export const ABANDON_EVENTS: readonly RequestEventType[] = ['CLOSE_UNCORRECTED', 'CLOSE_FEE_UNPAID'];

/**
 * A fresh registry with the built-in guards; extend it for one plugin without touching the default.
 * @example const reg = createRequestRegistry(); registerRequestGuard('isUrgent', () => true, { zh: '加急', en: 'Urgent' }, reg);
 */
export function createRequestRegistry(): RequestFlowRegistry {
  const guards = new Map<string, RequestGuardEntry>();
  for (const [name, g] of Object.entries(RULE_GUARDS)) guards.set(name, { ...g, use: 'rule' });
  for (const [name, g] of Object.entries(CONDITION_GUARDS)) guards.set(name, { ...g, use: 'condition' });
  return { guards, revision: 0 };
}

export const defaultRequestRegistry: RequestFlowRegistry = createRequestRegistry();

/**
 * Adds a condition a request-flow definition may name. Names are never replaced.
 * @example registerRequestGuard('isOrganisation', (ctx) => …, { zh: '申请人为法人或其他组织', en: 'Applicant is an organisation' });
 */
export function registerRequestGuard(name: string, fn: RequestGuard, label: LocalizedText, registry: RequestFlowRegistry = defaultRequestRegistry): void {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) throw new Error(`'${name}' is not a valid guard name`);
  if (registry.guards.has(name)) throw new Error(`guard '${name}' is already registered`);
  registry.guards.set(name, { fn, label, use: 'condition' });
  registry.revision += 1;
}
