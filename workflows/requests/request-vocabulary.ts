/**
 * The words of information requests (依申请公开), shared by the request flow, the request
 * forms and the annual report. domain.md "Information requests" is the source; the report's
 * rows and columns are built from exactly these lists, so a result added here shows up there.
 */
import { LEGAL_GROUNDS, type LegalGround } from '../../forms/disclosure';

/** Columns of the annual report's request table, in its order (total comes after). */
export const APPLICANT_TYPES = ['natural_person', 'business', 'research', 'public_interest', 'legal_service', 'other_org'] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

export const APPLICANT_TYPE_LABELS: Record<ApplicantType, { zh: string; en: string }> = {
  natural_person: { zh: '自然人', en: 'Natural person' },
  business: { zh: '商业企业', en: 'Business' },
  research: { zh: '科研机构', en: 'Research institution' },
  public_interest: { zh: '社会公益组织', en: 'Social public-interest organisation' },
  legal_service: { zh: '法律服务机构', en: 'Legal-service institution' },
  other_org: { zh: '其他', en: 'Other organisation' },
};

export const REQUEST_CHANNELS = ['online', 'letter', 'in_person'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

export const REQUEST_CHANNEL_LABELS: Record<RequestChannel, { zh: string; en: string }> = {
  online: { zh: '网上申请', en: 'Online' },
  letter: { zh: '信函申请', en: 'Letter' },
  in_person: { zh: '当面申请', en: 'In person' },
};

/** The reply results and their sub-reasons. `withhold` is classified by the legal grounds. */
export const REPLY_RESULTS = ['disclose', 'partial', 'withhold', 'cannot_provide', 'not_processed', 'other'] as const;
export type ReplyResult = (typeof REPLY_RESULTS)[number];

export const CANNOT_PROVIDE_REASONS = ['not_held', 'needs_new_making', 'unclear_after_correction'] as const;
export const NOT_PROCESSED_REASONS = ['petition_complaint', 'repeated_request', 'asks_for_publication', 'mass_repeated', 'confirm_or_reissue'] as const;
export const OTHER_HANDLING_REASONS = ['no_correction_in_time', 'fee_unpaid_in_time', 'other'] as const;

export type ReplySubReason =
  | LegalGround
  | (typeof CANNOT_PROVIDE_REASONS)[number]
  | (typeof NOT_PROCESSED_REASONS)[number]
  | (typeof OTHER_HANDLING_REASONS)[number];

/** Which sub-reasons each result takes; disclose and partial take none. */
export const SUB_REASONS: Record<ReplyResult, readonly ReplySubReason[]> = {
  disclose: [],
  partial: [],
  withhold: LEGAL_GROUNDS,
  cannot_provide: CANNOT_PROVIDE_REASONS,
  not_processed: NOT_PROCESSED_REASONS,
  other: OTHER_HANDLING_REASONS,
};

export const REPLY_RESULT_LABELS: Record<ReplyResult, { zh: string; en: string }> = {
  disclose: { zh: '予以公开', en: 'Disclosed' },
  partial: { zh: '部分公开', en: 'Partly disclosed' },
  withhold: { zh: '不予公开', en: 'Withheld' },
  cannot_provide: { zh: '无法提供', en: 'Cannot be provided' },
  not_processed: { zh: '不予处理', en: 'Not processed' },
  other: { zh: '其他处理', en: 'Other handling' },
};

export const SUB_REASON_LABELS: Record<Exclude<ReplySubReason, LegalGround>, { zh: string; en: string }> = {
  not_held: { zh: '本机关不掌握相关政府信息', en: 'Not held by this agency' },
  needs_new_making: { zh: '没有现成信息需要另行制作', en: 'Would have to be newly made' },
  unclear_after_correction: { zh: '补正后申请内容仍不明确', en: 'Still unclear after correction' },
  petition_complaint: { zh: '信访举报投诉类申请', en: 'Petition, report or complaint' },
  repeated_request: { zh: '重复申请', en: 'Repeated request' },
  asks_for_publication: { zh: '要求提供公开出版物', en: 'Asks for a publication' },
  mass_repeated: { zh: '无正当理由大量反复申请', en: 'Masses of repeated requests without reason' },
  confirm_or_reissue: { zh: '要求行政机关确认或重新出具已获取信息', en: 'Asks to confirm or re-issue information already obtained' },
  no_correction_in_time: { zh: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', en: 'Applicant did not correct in time' },
  fee_unpaid_in_time: { zh: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', en: 'Applicant did not pay the fee in time' },
  other: { zh: '其他', en: 'Other' },
};

/** Whether a result/sub-reason pair is one the Regulations know. */
export function isValidReply(result: ReplyResult, subReason: ReplySubReason | null | undefined): boolean {
  const allowed = SUB_REASONS[result];
  if (allowed.length === 0) return subReason == null;
  return subReason != null && allowed.includes(subReason);
}

/** Review outcomes of reconsideration (行政复议) and litigation (行政诉讼) for the report. */
export const APPEAL_OUTCOMES = ['upheld', 'corrected', 'other', 'pending'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];
export const APPEAL_KINDS = ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];

/** The form in which the applicant wants the information (申请人要求的提供形式). */
export const DELIVERY_FORMS = ['paper', 'electronic'] as const;
export type DeliveryForm = (typeof DELIVERY_FORMS)[number];
export const DELIVERY_FORM_LABELS: Record<DeliveryForm, { zh: string; en: string }> = {
  paper: { zh: '纸质', en: 'Paper' },
  electronic: { zh: '电子文档', en: 'Electronic' },
};

/** How the reply letter reached the applicant (送达方式). */
export const DELIVERY_METHODS = ['post', 'email', 'in_person', 'online'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const DELIVERY_METHOD_LABELS: Record<DeliveryMethod, { zh: string; en: string }> = {
  post: { zh: '邮寄', en: 'Post' },
  email: { zh: '电子邮件', en: 'E-mail' },
  in_person: { zh: '当面领取', en: 'Collected in person' },
  online: { zh: '网上送达', en: 'Online' },
};

export const APPEAL_KIND_LABELS: Record<AppealKind, { zh: string; en: string }> = {
  reconsideration: { zh: '行政复议', en: 'Administrative reconsideration' },
  litigation_direct: { zh: '行政诉讼（未经复议直接起诉）', en: 'Litigation, direct' },
  litigation_after_reconsideration: { zh: '行政诉讼（复议后起诉）', en: 'Litigation after reconsideration' },
};

export const APPEAL_OUTCOME_LABELS: Record<AppealOutcome, { zh: string; en: string }> = {
  upheld: { zh: '维持具体行政行为', en: 'Upheld' },
  corrected: { zh: '结果纠正', en: 'Corrected' },
  other: { zh: '其他结果', en: 'Other' },
  pending: { zh: '尚未审结', en: 'Pending' },
};
