/**
 * The handling of one information request (依申请公开) as an XState v5 machine:
 *
 * registered → accepted, or awaiting_correction (补正, asked once within 7 working days of
 * receipt; the corrected request restarts the reply clock; no correction in time → closed as
 * other/no_correction_in_time) → optional consultation (征求意见; the reply clock stands
 * still) → optional extension (延期, once, ≤ 20 working days, approved by the disclosure office
 * head — role 'leader' — who is not the one who asked) → optional fee notice (信息处理费;
 * unpaid in time → closed as other/fee_unpaid_in_time) → reply drafted with one result and
 * sub-reason → reviewed by someone other than its drafter → sent → closed.
 *
 * Pure: the guards read the working-day calendar the machine was made with and the dates the
 * events carry; the clock events needed for deadlines live in the context.
 */
import { assign, setup } from 'xstate';
import { CLOCK_EVENTS, type ClockEvent } from '../clocks/index';
import type { IsoDate, WorkCalendar } from '../calendar/index';
import type { Role } from '../roles';
import { isValidReply, type ReplyResult, type ReplySubReason } from './request-vocabulary';
import { REQUEST_EVENTS, requestDeadlines } from './request-clocks';

export const REQUEST_STATES = ['registered', 'awaiting_correction', 'accepted', 'consulting', 'fee_pending', 'reply_drafted', 'reply_reviewed', 'closed'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** States whose clock is still running: everything but closed. */
export const OPEN_REQUEST_STATES = REQUEST_STATES.filter((s) => s !== 'closed');

/** Who approves an extension: 信息公开工作机构负责人, here the 'leader' role. */
export const EXTENSION_APPROVER_ROLE: Role = 'leader';

export const MAX_EXTENSION_DAYS = 20;

export interface RequestActor {
  id: string;
  roles: readonly Role[];
}

export interface RequestContext {
  receivedOn: IsoDate;
  /** Dated events in the order they happened; the clocks read these. */
  clock: ClockEvent[];
  correctionAsked: boolean;
  extension: { requestedBy: string; days: number; approvedBy: string | null } | null;
  feeNotified: boolean;
  reply: { result: ReplyResult; subReason: ReplySubReason | null; draftedBy: string; reviewedBy: string | null } | null;
  outcome: { result: ReplyResult; subReason: ReplySubReason | null; closedOn: IsoDate; repliedOn: IsoDate | null } | null;
}

interface Dated {
  date: IsoDate;
  actor: RequestActor;
}

export type RequestEvent =
  | ({ type: 'ACCEPT' } & Dated)
  | ({ type: 'REQUEST_CORRECTION' } & Dated)
  | ({ type: 'RECEIVE_CORRECTION' } & Dated)
  | ({ type: 'CLOSE_UNCORRECTED' } & Dated)
  | ({ type: 'START_CONSULTATION' } & Dated)
  | ({ type: 'END_CONSULTATION' } & Dated)
  | ({ type: 'REQUEST_EXTENSION'; days: number } & Dated)
  | ({ type: 'APPROVE_EXTENSION' } & Dated)
  | ({ type: 'NOTIFY_FEE' } & Dated)
  | ({ type: 'RECORD_FEE_PAID' } & Dated)
  | ({ type: 'CLOSE_FEE_UNPAID' } & Dated)
  | ({ type: 'DRAFT_REPLY'; result: ReplyResult; subReason: ReplySubReason | null } & Dated)
  | ({ type: 'REVIEW_REPLY' } & Dated)
  | ({ type: 'SEND_REPLY' } & Dated);

export type RequestEventType = RequestEvent['type'];

/** Sub-reasons only the flow itself gives, when the applicant let a limit pass. */
const LAPSE_REASONS: readonly ReplySubReason[] = ['no_correction_in_time', 'fee_unpaid_in_time'];

const lastDate = (context: RequestContext) => context.clock.at(-1)?.date ?? context.receivedOn;
const record = (context: RequestContext, name: string, date: IsoDate, days?: number): ClockEvent[] => [...context.clock, days === undefined ? { name, date } : { name, date, days }];

/**
 * Builds the machine over a calendar. Every guard also checks that the event's date is not
 * before anything already recorded, so the history reads in order.
 *
 * @example
 * const machine = createRequestMachine(calendar);
 * const [s] = initialTransition(machine, { receivedOn: '2026-03-02' }); // s.value === 'registered'
 */
export function createRequestMachine(calendar: WorkCalendar) {
  const deadlines = (context: RequestContext, asOf?: IsoDate) => requestDeadlines(context.clock, calendar, asOf);
  const inOrder = ({ context, event }: { context: RequestContext; event: RequestEvent }) => event.date >= lastDate(context);
  return setup({
    types: { context: {} as RequestContext, events: {} as RequestEvent, input: {} as { receivedOn: IsoDate } },
    guards: {
      inOrder,
      correctionAllowed: ({ context, event }) => {
        const due = deadlines(context).correctionNotice;
        return inOrder({ context, event }) && !context.correctionAsked && due !== null && event.date <= due;
      },
      correctionLapsed: ({ context, event }) => {
        const due = deadlines(context).correctionPeriod;
        return inOrder({ context, event }) && due !== null && event.date > due;
      },
      extensionAllowed: ({ context, event }) => {
        if (event.type !== 'REQUEST_EXTENSION' || context.extension || !inOrder({ context, event })) return false;
        const due = deadlines(context, event.date).reply.due;
        return Number.isInteger(event.days) && event.days >= 1 && event.days <= MAX_EXTENSION_DAYS && due !== null && event.date <= due;
      },
      extensionApprovable: ({ context, event }) => {
        const ext = context.extension;
        if (!ext || ext.approvedBy || !inOrder({ context, event })) return false;
        const due = deadlines(context, event.date).reply.due;
        return event.actor.roles.includes(EXTENSION_APPROVER_ROLE) && event.actor.id !== ext.requestedBy && due !== null && event.date <= due;
      },
      feeAllowed: ({ context, event }) => inOrder({ context, event }) && !context.feeNotified,
      feeLapsed: ({ context, event }) => {
        const due = deadlines(context).feePayment;
        return inOrder({ context, event }) && due !== null && event.date > due;
      },
      replyValid: ({ context, event }) =>
        event.type === 'DRAFT_REPLY' && inOrder({ context, event }) && isValidReply(event.result, event.subReason) && !(event.subReason && LAPSE_REASONS.includes(event.subReason)),
      reviewerIsNotDrafter: ({ context, event }) => inOrder({ context, event }) && context.reply !== null && context.reply.draftedBy !== event.actor.id,
    },
    actions: {
      recordAccepted: assign({ clock: ({ context, event }) => record(context, REQUEST_EVENTS.accepted, event.date) }),
      recordCorrectionAsked: assign({ correctionAsked: true, clock: ({ context, event }) => record(context, REQUEST_EVENTS.correctionNotified, event.date) }),
      recordCorrected: assign({ clock: ({ context, event }) => record(context, CLOCK_EVENTS.requestCorrected, event.date) }),
      closeUncorrected: assign({
        clock: ({ context, event }) => record(context, REQUEST_EVENTS.closed, event.date),
        outcome: ({ event }) => ({ result: 'other' as const, subReason: 'no_correction_in_time' as const, closedOn: event.date, repliedOn: null }),
      }),
      recordConsultationStarted: assign({ clock: ({ context, event }) => record(context, CLOCK_EVENTS.consultationStarted, event.date) }),
      recordConsultationEnded: assign({ clock: ({ context, event }) => record(context, CLOCK_EVENTS.consultationEnded, event.date) }),
      recordExtensionAsked: assign({
        clock: ({ context, event }) => record(context, REQUEST_EVENTS.extensionRequested, event.date, event.type === 'REQUEST_EXTENSION' ? event.days : undefined),
        extension: ({ event }) => ({ requestedBy: event.actor.id, days: event.type === 'REQUEST_EXTENSION' ? event.days : 0, approvedBy: null }),
      }),
      recordExtensionApproved: assign({
        clock: ({ context, event }) => record(context, CLOCK_EVENTS.requestExtended, event.date, context.extension!.days),
        extension: ({ context, event }) => ({ ...context.extension!, approvedBy: event.actor.id }),
      }),
      recordFeeNotified: assign({ feeNotified: true, clock: ({ context, event }) => record(context, CLOCK_EVENTS.feeNotified, event.date) }),
      recordFeePaid: assign({ clock: ({ context, event }) => record(context, REQUEST_EVENTS.feePaid, event.date) }),
      closeFeeUnpaid: assign({
        clock: ({ context, event }) => record(context, REQUEST_EVENTS.closed, event.date),
        outcome: ({ event }) => ({ result: 'other' as const, subReason: 'fee_unpaid_in_time' as const, closedOn: event.date, repliedOn: null }),
      }),
      recordDraft: assign({
        clock: ({ context, event }) => record(context, REQUEST_EVENTS.replyDrafted, event.date),
        reply: ({ event }) => (event.type === 'DRAFT_REPLY' ? { result: event.result, subReason: event.subReason, draftedBy: event.actor.id, reviewedBy: null } : null),
      }),
      recordReview: assign({
        clock: ({ context, event }) => record(context, REQUEST_EVENTS.replyReviewed, event.date),
        reply: ({ context, event }) => ({ ...context.reply!, reviewedBy: event.actor.id }),
      }),
      recordSent: assign({
        clock: ({ context, event }) => record(context, REQUEST_EVENTS.replySent, event.date),
        outcome: ({ context, event }) => ({ result: context.reply!.result, subReason: context.reply!.subReason, closedOn: event.date, repliedOn: event.date }),
      }),
    },
  }).createMachine({
    id: 'info-request',
    initial: 'registered',
    context: ({ input }) => ({
      receivedOn: input.receivedOn,
      clock: [{ name: CLOCK_EVENTS.requestReceived, date: input.receivedOn }],
      correctionAsked: false,
      extension: null,
      feeNotified: false,
      reply: null,
      outcome: null,
    }),
    // Extension can be asked and approved whenever the office is still working on the reply.
    states: {
      registered: {
        on: {
          ACCEPT: { guard: 'inOrder', target: 'accepted', actions: 'recordAccepted' },
          REQUEST_CORRECTION: { guard: 'correctionAllowed', target: 'awaiting_correction', actions: 'recordCorrectionAsked' },
        },
      },
      awaiting_correction: {
        on: {
          RECEIVE_CORRECTION: { guard: 'inOrder', target: 'accepted', actions: 'recordCorrected' },
          CLOSE_UNCORRECTED: { guard: 'correctionLapsed', target: 'closed', actions: 'closeUncorrected' },
        },
      },
      accepted: {
        on: {
          START_CONSULTATION: { guard: 'inOrder', target: 'consulting', actions: 'recordConsultationStarted' },
          NOTIFY_FEE: { guard: 'feeAllowed', target: 'fee_pending', actions: 'recordFeeNotified' },
          DRAFT_REPLY: { guard: 'replyValid', target: 'reply_drafted', actions: 'recordDraft' },
          REQUEST_EXTENSION: { guard: 'extensionAllowed', actions: 'recordExtensionAsked' },
          APPROVE_EXTENSION: { guard: 'extensionApprovable', actions: 'recordExtensionApproved' },
        },
      },
      consulting: {
        on: {
          END_CONSULTATION: { guard: 'inOrder', target: 'accepted', actions: 'recordConsultationEnded' },
          REQUEST_EXTENSION: { guard: 'extensionAllowed', actions: 'recordExtensionAsked' },
          APPROVE_EXTENSION: { guard: 'extensionApprovable', actions: 'recordExtensionApproved' },
        },
      },
      fee_pending: {
        on: {
          RECORD_FEE_PAID: { guard: 'inOrder', target: 'accepted', actions: 'recordFeePaid' },
          CLOSE_FEE_UNPAID: { guard: 'feeLapsed', target: 'closed', actions: 'closeFeeUnpaid' },
        },
      },
      reply_drafted: {
        on: {
          DRAFT_REPLY: { guard: 'replyValid', target: 'reply_drafted', reenter: true, actions: 'recordDraft' },
          REVIEW_REPLY: { guard: 'reviewerIsNotDrafter', target: 'reply_reviewed', actions: 'recordReview' },
          REQUEST_EXTENSION: { guard: 'extensionAllowed', actions: 'recordExtensionAsked' },
          APPROVE_EXTENSION: { guard: 'extensionApprovable', actions: 'recordExtensionApproved' },
        },
      },
      reply_reviewed: {
        on: {
          // A change after review sends the letter back for another review.
          DRAFT_REPLY: { guard: 'replyValid', target: 'reply_drafted', actions: 'recordDraft' },
          SEND_REPLY: { guard: 'inOrder', target: 'closed', actions: 'recordSent' },
        },
      },
      closed: { type: 'final' },
    },
  });
}

export type RequestMachine = ReturnType<typeof createRequestMachine>;
