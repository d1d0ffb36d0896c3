/**
 * The shipped request flow, version 1: the statute's path, as data (seeded into
 * workflow_definitions by migration). It compiles to the machine the request tests describe.
 */
import type { RequestFlowDefinition, RequestTransition } from './request-flow-definition';

export const REQUEST_FLOW_KEY = 'info-request';

/** An extension may be asked and approved whenever the office is still working on the reply. */
const extension: RequestTransition[] = [{ event: 'REQUEST_EXTENSION' }, { event: 'APPROVE_EXTENSION' }];

export const requestFlowDefinition: RequestFlowDefinition = {
  key: REQUEST_FLOW_KEY,
  version: 1,
  flow: 'request',
  name: { zh: '依申请公开办理', en: 'Information request handling' },
  steps: [
    {
      id: 'registered',
      kind: 'intake',
      label: { zh: '登记待审查', en: 'Registered' },
      role: 'publisher',
      deadline: 'correction_notice',
      transitions: [
        { event: 'ACCEPT', to: 'accepted' },
        { event: 'REQUEST_CORRECTION', to: 'awaiting_correction' },
      ],
    },
    {
      id: 'awaiting_correction',
      kind: 'wait_correction',
      label: { zh: '等待补正', en: 'Awaiting correction' },
      role: 'publisher',
      deadline: 'correction_period',
      transitions: [
        { event: 'RECEIVE_CORRECTION', to: 'accepted' },
        { event: 'CLOSE_UNCORRECTED', to: 'closed' },
      ],
    },
    {
      id: 'accepted',
      kind: 'handling',
      label: { zh: '已受理办理中', en: 'Accepted' },
      role: 'publisher',
      deadline: 'reply',
      transitions: [
        { event: 'START_CONSULTATION', to: 'consulting' },
        { event: 'NOTIFY_FEE', to: 'fee_pending' },
        { event: 'DRAFT_REPLY', to: 'reply_drafted' },
        ...extension,
      ],
    },
    {
      id: 'consulting',
      kind: 'wait_consultation',
      label: { zh: '征求意见中', en: 'Consulting' },
      role: 'publisher',
      deadline: 'consultation',
      transitions: [{ event: 'END_CONSULTATION', to: 'accepted' }, ...extension],
    },
    {
      id: 'fee_pending',
      kind: 'wait_fee',
      label: { zh: '等待缴费', en: 'Fee pending' },
      role: 'publisher',
      deadline: 'fee_payment',
      transitions: [
        { event: 'RECORD_FEE_PAID', to: 'accepted' },
        { event: 'CLOSE_FEE_UNPAID', to: 'closed' },
      ],
    },
    {
      id: 'reply_drafted',
      kind: 'reply_review',
      label: { zh: '答复书待审核', en: 'Reply awaiting review' },
      role: 'publisher',
      deadline: 'reply',
      transitions: [
        { event: 'DRAFT_REPLY', to: 'reply_drafted' },
        { event: 'REVIEW_REPLY', to: 'reply_reviewed' },
        ...extension,
      ],
    },
    {
      id: 'reply_reviewed',
      kind: 'reply_send',
      label: { zh: '答复书已审核待送达', en: 'Reply reviewed, to be sent' },
      role: 'publisher',
      deadline: 'reply',
      transitions: [
        // A change after review sends the letter back for another review.
        { event: 'DRAFT_REPLY', to: 'reply_drafted' },
        { event: 'SEND_REPLY', to: 'closed' },
      ],
    },
    { id: 'closed', kind: 'end', label: { zh: '已办结', en: 'Closed' } },
  ],
};
