/**
 * Names of the events that start, pause, extend or restart statutory clocks. Defined once
 * here; the server records events under these names and the rules refer to them. An
 * agency's own rule may use other names of the same shape.
 */
export const CLOCK_EVENTS = {
  /** Information formed (制作) or obtained: starts proactive disclosure. */
  documentFormed: 'document.formed',
  /** Information changed: proactive disclosure runs again from the change. */
  documentChanged: 'document.changed',
  /** A licensing, penalty or other law-enforcement decision made. */
  decisionMade: 'decision.made',
  /** A published penalty decision changed, revoked, confirmed illegal or void. */
  penaltyChanged: 'penalty.changed',
  policyPublished: 'policy.published',
  /** Budget or final accounts approved by the people's congress (standing committee). */
  budgetApproved: 'budget.approved',
  requestReceived: 'request.received',
  /** The applicant's corrected request (补正) arrived: the reply clock starts again. */
  requestCorrected: 'request.corrected',
  /** The disclosure office head approved an extension (延期答复). */
  requestExtended: 'request.extended',
  /** A third party or another agency was consulted (征求意见) … */
  consultationStarted: 'consultation.started',
  /** … and answered, or its time ran out. */
  consultationEnded: 'consultation.ended',
  /** The applicant was told a processing fee is due (收费通知). */
  feeNotified: 'fee.notified',
} as const;

export type ClockEventName = (typeof CLOCK_EVENTS)[keyof typeof CLOCK_EVENTS];

/**
 * Something that happened on a day. `days` is only read on an extension event: the
 * number of days granted, when fewer than the rule's maximum.
 */
export interface ClockEvent {
  name: string;
  date: string;
  days?: number;
}
