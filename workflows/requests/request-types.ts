/**
 * The words of the request flow's machine: its context, the events staff send and the
 * statutory limits the events are checked against. Shared by the compiled definition
 * (compile-request-flow.ts), the engine and the server.
 */
import type { ClockEvent } from '../clocks/index';
import type { IsoDate } from '../calendar/index';
import type { Role } from '../roles';
import type { ReplyResult, ReplySubReason } from './request-vocabulary';

/** The states of the shipped request flow (version 1). A later version may name others. */
export const REQUEST_STATES = ['registered', 'awaiting_correction', 'accepted', 'consulting', 'fee_pending', 'reply_drafted', 'reply_reviewed', 'closed'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** Every request flow ends in this one final state. */
export const REQUEST_CLOSED_STATE = 'closed';

/** States of the shipped flow whose clock is still running: everything but closed. */
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

export const REQUEST_EVENT_TYPES = [
  'ACCEPT', 'REQUEST_CORRECTION', 'RECEIVE_CORRECTION', 'CLOSE_UNCORRECTED', 'START_CONSULTATION', 'END_CONSULTATION',
  'REQUEST_EXTENSION', 'APPROVE_EXTENSION', 'NOTIFY_FEE', 'RECORD_FEE_PAID', 'CLOSE_FEE_UNPAID', 'DRAFT_REPLY', 'REVIEW_REPLY', 'SEND_REPLY',
] as const;

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
