/**
 * The reply letter (政府信息公开申请答复告知书): a template per result with {{placeholders}},
 * filled from the request. Admins edit the templates; these are the defaults.
 */
import { LEGAL_GROUND_LABELS, type LegalGround } from '../../forms/disclosure';
import { SUB_REASON_LABELS, type ReplyResult, type ReplySubReason } from './request-vocabulary';

export const LETTER_PLACEHOLDERS = ['申请人', '申请编号', '收到日期', '申请内容', '具体情形', '答复日期', '机关名称'] as const;
export type LetterPlaceholder = (typeof LETTER_PLACEHOLDERS)[number];

const REMEDY = '如对本答复不服，可以在收到本答复之日起六十日内依法申请行政复议，或者在六个月内依法提起行政诉讼。';

const opening = '{{申请人}}：\n\n本机关于{{收到日期}}收到您（单位）提出的政府信息公开申请（编号：{{申请编号}}），申请获取“{{申请内容}}”。经审查，现答复如下：\n\n';
const closing = `\n\n${REMEDY}\n\n{{机关名称}}\n{{答复日期}}`;

export const DEFAULT_REPLY_TEMPLATES: Record<ReplyResult, { title: string; body: string }> = {
  disclose: { title: '政府信息公开申请答复告知书（予以公开）', body: `${opening}您申请获取的政府信息属于公开范围，现予以提供，详见附件。${closing}` },
  partial: { title: '政府信息公开申请答复告知书（部分公开）', body: `${opening}您申请获取的政府信息中，部分内容可以公开，现提供可以公开的部分（详见附件）；其余部分不予公开，理由和依据为：（请写明不予公开部分的理由及《中华人民共和国政府信息公开条例》相应条款）。${closing}` },
  withhold: { title: '政府信息公开申请答复告知书（不予公开）', body: `${opening}您申请获取的政府信息{{具体情形}}，根据《中华人民共和国政府信息公开条例》的规定，不予公开。${closing}` },
  cannot_provide: { title: '政府信息公开申请答复告知书（无法提供）', body: `${opening}经检索查找，{{具体情形}}，本机关无法提供。${closing}` },
  not_processed: { title: '政府信息公开申请答复告知书（不予处理）', body: `${opening}您的申请属于“{{具体情形}}”的情形，根据《中华人民共和国政府信息公开条例》的规定，本机关不予处理。${closing}` },
  other: { title: '政府信息公开申请处理告知书', body: `${opening}{{具体情形}}。${closing}` },
};

/** The words of a sub-reason for the letter; a withholding ground by its legal label. */
export function subReasonText(subReason: ReplySubReason | null): string {
  if (!subReason) return '';
  if (subReason in LEGAL_GROUND_LABELS) return LEGAL_GROUND_LABELS[subReason as LegalGround].zh;
  return SUB_REASON_LABELS[subReason as keyof typeof SUB_REASON_LABELS]?.zh ?? subReason;
}

/**
 * Fills every {{placeholder}}; unknown ones stay as typed so an admin sees the mistake.
 *
 * @example fillTemplate('{{申请人}}：', { 申请人: '张三' }) // '张三：'
 */
export function fillTemplate(template: string, values: Partial<Record<LetterPlaceholder, string>>): string {
  return template.replace(/\{\{([^{}]{1,10})\}\}/g, (whole, key: string) => values[key as LetterPlaceholder] ?? whole);
}
