/**
 * The disclosure vocabulary of the Regulations on Open Government Information:
 * attributes chosen at drafting, the eight legal grounds for withholding, and the
 * publication channels. Defined once here; the server, the client and the workflow
 * guards all import these keys.
 */

export const DISCLOSURE_ATTRIBUTES = ['open', 'partial', 'on_request', 'non_public'] as const;
export type DisclosureAttribute = (typeof DISCLOSURE_ATTRIBUTES)[number];

export const ATTRIBUTE_LABELS: Record<DisclosureAttribute, { zh: string; en: string }> = {
  open: { zh: '主动公开', en: 'Open' },
  partial: { zh: '删减后公开', en: 'Partial (redacted)' },
  on_request: { zh: '依申请公开', en: 'On request' },
  non_public: { zh: '不予公开', en: 'Non-public' },
};

/** Attributes whose documents are published to the catalog after review. */
export const PUBLISHABLE_ATTRIBUTES: readonly DisclosureAttribute[] = ['open', 'partial'];

/** True when a document with this attribute may ever reach the public catalog. */
export function isPublishable(attribute: DisclosureAttribute): boolean {
  return PUBLISHABLE_ATTRIBUTES.includes(attribute);
}

/** The eight legal grounds, in the order of the Regulations (1..8). */
export const LEGAL_GROUNDS = [
  'state_secret',
  'prohibited_by_law',
  'three_securities_one_stability',
  'third_party_rights',
  'internal_affairs',
  'process_information',
  'enforcement_case_file',
  'administrative_query',
] as const;
export type LegalGround = (typeof LEGAL_GROUNDS)[number];

export const LEGAL_GROUND_LABELS: Record<LegalGround, { zh: string; en: string }> = {
  state_secret: { zh: '属于国家秘密', en: 'State secret' },
  prohibited_by_law: { zh: '其他法律行政法规禁止公开', en: 'Forbidden by other laws or regulations' },
  three_securities_one_stability: {
    zh: '危及"三安全一稳定"',
    en: 'Endangers national, public, economic security or social stability',
  },
  third_party_rights: { zh: '保护第三方合法权益', en: "Protects a third party's lawful rights" },
  internal_affairs: { zh: '属于三类内部事务信息', en: 'Internal affairs' },
  process_information: { zh: '属于四类过程性信息', en: 'Process information' },
  enforcement_case_file: { zh: '属于行政执法案卷', en: 'Administrative law-enforcement case file' },
  administrative_query: { zh: '属于行政查询事项', en: 'Administrative query matter' },
};

export const CHANNELS = ['portal', 'wechat', 'notice_board', 'broadcast'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, { zh: string; en: string }> = {
  portal: { zh: '门户网站栏目', en: 'Portal column' },
  wechat: { zh: '微信公众号', en: 'WeChat account' },
  notice_board: { zh: '政务公开栏/电子显示屏', en: 'Notice board / screen' },
  broadcast: { zh: '广播电视报纸', en: 'Radio / TV / newspaper' },
};

/** The five checks (五关) every reviewer records. */
export const FIVE_CHECKS = ['political', 'legal', 'policy', 'secrecy', 'wording'] as const;
export type FiveCheck = (typeof FIVE_CHECKS)[number];

export const FIVE_CHECK_LABELS: Record<FiveCheck, { zh: string; en: string }> = {
  political: { zh: '政治关', en: 'Political' },
  legal: { zh: '法律关', en: 'Legal' },
  policy: { zh: '政策关', en: 'Policy' },
  secrecy: { zh: '保密关', en: 'Secrecy' },
  wording: { zh: '文字关', en: 'Wording' },
};
