/**
 * The deadlines of one information request, computed from its dated events with the
 * statutory clock rules (workflows/clocks). Pure: the caller passes the calendar.
 */
import { CLOCK_EVENTS, computeDeadline, defaultClockRule, type ClockEvent, type ClockRule, type DeadlineResult } from '../clocks/index';
import type { IsoDate, WorkCalendar } from '../calendar/index';

/** Events of the request flow that are not clock events of their own, named like them. */
export const REQUEST_EVENTS = {
  accepted: 'request.accepted',
  correctionNotified: 'request.correction_notified',
  extensionRequested: 'request.extension_requested',
  feePaid: 'fee.paid',
  replyDrafted: 'reply.drafted',
  replyReviewed: 'reply.reviewed',
  replySent: 'reply.sent',
  closed: 'request.closed',
} as const;

/**
 * How long the applicant has to send the correction (补正). The Regulations leave it to the
 * notice ("a reasonable time"); 15 working days is a common local choice. Data, like the
 * default rules, so an agency can change it.
 */
export const CORRECTION_PERIOD_RULE: ClockRule = {
  key: 'request_correction_period',
  label: { zh: '申请人补正（收到补正通知之日起 15 个工作日）', en: 'Applicant corrects (15 working days from the notice)' },
  start: REQUEST_EVENTS.correctionNotified,
  unit: 'working_days',
  length: 15,
};

/**
 * The reply clock: the default `request_reply` rule, with the time the applicant takes to
 * pay a processing fee not counted either (信息处理费管理办法: the reply limit runs from
 * payment), just as a consultation's time is not.
 */
export function requestReplyRule(): ClockRule {
  const rule = defaultClockRule('request_reply');
  return { ...rule, pauses: [...(rule.pauses ?? []), { from: CLOCK_EVENTS.feeNotified, until: REQUEST_EVENTS.feePaid }] };
}

export interface RequestDeadlines {
  /** The reply's last day (with consultation and fee time added, and any extension). */
  reply: DeadlineResult;
  /** The last day to tell the applicant to correct: 7 working days from receipt. */
  correctionNotice: IsoDate | null;
  /** The applicant's last day to correct, once told. */
  correctionPeriod: IsoDate | null;
  /** The consulted party's last day, while a consultation is open. */
  consultation: IsoDate | null;
  /** The applicant's last day to pay, once told. */
  feePayment: IsoDate | null;
}

/** The rules requestDeadlines counts with, copied once (lists compute deadlines for every row). */
let cachedRules: { reply: ClockRule; correctionNotice: ClockRule; consultation: ClockRule; feePayment: ClockRule } | null = null;
function requestRules() {
  cachedRules ??= { reply: requestReplyRule(), correctionNotice: defaultClockRule('request_correction_notice'), consultation: defaultClockRule('consultation_reply'), feePayment: defaultClockRule('fee_payment') };
  return cachedRules;
}

function latest(events: readonly ClockEvent[], name: string): ClockEvent | undefined {
  return events.filter((e) => e.name === name).at(-1);
}

/**
 * @example
 * requestDeadlines([{ name: 'request.received', date: '2026-09-25' }], calendar).reply.due // '2026-10-29'
 */
export function requestDeadlines(events: readonly ClockEvent[], calendar: WorkCalendar, asOf?: IsoDate): RequestDeadlines {
  const options = asOf ? { asOf } : {};
  const rules = requestRules();
  const due = (rule: ClockRule, since: readonly ClockEvent[]) => computeDeadline(rule, since, calendar, options).due;
  const consultationStart = latest(events, CLOCK_EVENTS.consultationStarted);
  const consultationEnd = latest(events, CLOCK_EVENTS.consultationEnded);
  const consultationOpen = consultationStart && (!consultationEnd || consultationEnd.date < consultationStart.date || events.lastIndexOf(consultationEnd) < events.lastIndexOf(consultationStart));
  const feeNotice = latest(events, CLOCK_EVENTS.feeNotified);
  const feePaid = latest(events, REQUEST_EVENTS.feePaid);
  const correctionNotice = latest(events, REQUEST_EVENTS.correctionNotified);
  return {
    reply: computeDeadline(rules.reply, events, calendar, options),
    correctionNotice: due(rules.correctionNotice, events.filter((e) => e.name === CLOCK_EVENTS.requestReceived)),
    correctionPeriod: correctionNotice ? due(CORRECTION_PERIOD_RULE, [correctionNotice]) : null,
    consultation: consultationOpen ? due(rules.consultation, [consultationStart]) : null,
    feePayment: feeNotice && !feePaid ? due(rules.feePayment, [feeNotice]) : null,
  };
}

export type DeadlineKind = 'correction_notice' | 'correction_period' | 'consultation' | 'fee_payment' | 'reply';

/** What nextDeadline needs of a definition's steps: which named deadline each one shows. */
export interface DeadlineStep {
  id: string;
  kind: string;
  deadline?: DeadlineKind | undefined;
}

/** The steps of the shipped flow (version 1), for callers that know no definition. */
const SHIPPED_STEPS: readonly DeadlineStep[] = [
  { id: 'registered', kind: 'intake', deadline: 'correction_notice' },
  { id: 'awaiting_correction', kind: 'wait_correction', deadline: 'correction_period' },
  { id: 'consulting', kind: 'wait_consultation', deadline: 'consultation' },
  { id: 'fee_pending', kind: 'wait_fee', deadline: 'fee_payment' },
  { id: 'closed', kind: 'end' },
];

/**
 * The one deadline that matters next for a request at step `state`, for lists and the
 * deadline board: the step's named deadline (the office's correction notice while registered,
 * when it comes before the reply; the applicant's or third party's limit while waiting on
 * them), else the reply. Null once closed. `steps` are the pinned definition's.
 *
 * @example nextDeadline('registered', events, calendar) // { kind: 'correction_notice', due: '2026-03-11', … }
 */
export function nextDeadline(state: string, events: readonly ClockEvent[], calendar: WorkCalendar, asOf?: IsoDate, steps: readonly DeadlineStep[] = SHIPPED_STEPS): { kind: DeadlineKind; due: IsoDate; provisional: boolean; paused: boolean } | null {
  const step = steps.find((s) => s.id === state);
  if (state === 'closed' || step?.kind === 'end') return null;
  const d = requestDeadlines(events, calendar, asOf);
  // Only before the receipt day itself (a date typed ahead of time): no clock runs yet.
  if (!d.reply.due) return null;
  const reply = { kind: 'reply' as const, due: d.reply.due, provisional: d.reply.provisional, paused: d.reply.paused };
  const named = step?.deadline ?? 'reply';
  if (named === 'correction_notice' && d.correctionNotice && d.correctionNotice < reply.due) return { kind: 'correction_notice', due: d.correctionNotice, provisional: false, paused: false };
  if (named === 'correction_period' && d.correctionPeriod) return { kind: 'correction_period', due: d.correctionPeriod, provisional: false, paused: true };
  if (named === 'consultation' && d.consultation) return { kind: 'consultation', due: d.consultation, provisional: false, paused: true };
  if (named === 'fee_payment' && d.feePayment) return { kind: 'fee_payment', due: d.feePayment, provisional: false, paused: true };
  return reply;
}
