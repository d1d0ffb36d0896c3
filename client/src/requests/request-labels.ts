/** Labels of the request vocabulary in the current language, from the one list in workflows/requests. */
import { LEGAL_GROUND_LABELS, type LegalGround } from '../../../forms/disclosure';
import {
  APPEAL_KIND_LABELS, APPEAL_OUTCOME_LABELS, APPLICANT_TYPE_LABELS, DELIVERY_FORM_LABELS, DELIVERY_METHOD_LABELS, REPLY_RESULT_LABELS,
  REQUEST_CHANNEL_LABELS, SUB_REASON_LABELS,
} from '../../../workflows/requests/request-vocabulary';
import { localized, tKnown } from '../i18n/i18n';

type Labels = Record<string, { zh: string; en: string }>;
const label = (labels: Labels) => (key: string | null | undefined) => (key ? localized(labels[key]) || key : '');

export const applicantTypeLabel = label(APPLICANT_TYPE_LABELS);
export const channelLabel = label(REQUEST_CHANNEL_LABELS);
export const resultLabel = label(REPLY_RESULT_LABELS);
export const deliveryFormLabel = label(DELIVERY_FORM_LABELS);
export const deliveryMethodLabel = label(DELIVERY_METHOD_LABELS);
export const appealKindLabel = label(APPEAL_KIND_LABELS);
export const appealOutcomeLabel = label(APPEAL_OUTCOME_LABELS);

export function subReasonLabel(key: string | null | undefined): string {
  if (!key) return '';
  if (key in LEGAL_GROUND_LABELS) return localized(LEGAL_GROUND_LABELS[key as LegalGround]);
  return label(SUB_REASON_LABELS as Labels)(key);
}

/** Today in CST, as the server counts days. */
export function todayCst(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/**
 * A request's status in words: the catalog's label for the shipped steps, else the step's
 * name in the flow version the request is pinned to (an admin may add steps).
 */
export function statusLabel(status: string, stepLabel?: { zh: string; en: string } | null): string {
  const known = tKnown('requests.status', status);
  return known === status && stepLabel ? localized(stepLabel) : known;
}
