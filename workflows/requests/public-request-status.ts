/**
 * What an applicant is told about their request on the public status page. It is read from
 * the KIND of the step the request stands at in its pinned flow, never from the step's own
 * label or id: an admin names steps for the office ("分管领导签发", a colleague's desk), and
 * none of that is the applicant's business. Every internal handling step reads as 办理中; the
 * applicant hears only what concerns them (a correction or a fee they owe, a consultation
 * that stops the clock, the end).
 */
import type { LocalizedText } from '../definition';
import type { RequestFlowDefinition, RequestStepKind } from './request-flow-definition';

const HANDLING: LocalizedText = { zh: '办理中', en: 'Being handled' };

export const PUBLIC_STATUS_OF_KIND: Record<RequestStepKind, LocalizedText> = {
  intake: { zh: '已收到，待审查', en: 'Received, to be examined' },
  wait_correction: { zh: '待申请人补正', en: 'Waiting for your correction' },
  handling: HANDLING,
  wait_consultation: {
    zh: '办理中（征求第三方或有关机关意见，该期间不计入答复期限）',
    en: 'Being handled (a third party or another agency is consulted; this time does not count toward the reply limit)',
  },
  wait_fee: { zh: '待申请人缴纳信息处理费', en: 'Waiting for your payment of the processing fee' },
  reply_review: HANDLING,
  reply_send: HANDLING,
  end: { zh: '已办结', en: 'Closed' },
};

/** Kinds while the reply limit is not what the applicant waits on: the correction restarts it, the fee holds it. */
const REPLY_DUE_HIDDEN: readonly RequestStepKind[] = ['wait_correction', 'wait_fee'];

export interface PublicRequestStatus {
  label: LocalizedText;
  /** Whether the page shows the reply's last day. */
  showReplyDue: boolean;
}

/**
 * The applicant's view of a request at `stepId` in `flow`; a step the flow does not know reads as 办理中.
 * @example publicRequestStatus(withLeaderSignoff(), 'reply_signed').label.zh // '办理中'
 */
export function publicRequestStatus(flow: RequestFlowDefinition, stepId: string): PublicRequestStatus {
  const kind = flow.steps.find((s) => s.id === stepId)?.kind;
  if (!kind) return { label: HANDLING, showReplyDue: true };
  return { label: PUBLIC_STATUS_OF_KIND[kind], showReplyDue: !REPLY_DUE_HIDDEN.includes(kind) };
}
