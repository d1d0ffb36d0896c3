import type { DraftDocumentInput } from '../../forms/index';
import type { ApiClient } from './api-client';

const PARAGRAPHS = [
  '为切实保障城乡困难群众基本生活，根据《社会救助暂行办法》有关规定，经市人民政府同意，现就调整我市城乡居民最低生活保障标准有关事项通知如下。',
  '一、自2026年7月1日起，城市低保标准由每人每月860元提高到每人每月900元，农村低保标准由每人每年8400元提高到每人每年8880元。',
  '三、各县（区）民政部门要做好标准调整后的资金测算和发放工作，确保按时足额发放到位。',
];

/** A body with no personal data in it. */
export const BODY = PARAGRAPHS.join('\n\n');

/** Personal data (a valid resident ID and a mobile number) that a partial document removes. */
export const SECRET_PASSAGE = '临时救助对象张某某，身份证号码11010519491231002X，联系电话13812345678';

/** The same notice with a paragraph naming an aid recipient. */
export const BODY_WITH_SECRET = [PARAGRAPHS[0], PARAGRAPHS[1], `二、${SECRET_PASSAGE}，已按程序审批。`, PARAGRAPHS[2]].join('\n\n');

export async function categoryId(client: ApiClient, code: string): Promise<string> {
  const categories = await client.trpc.documents.categories.query();
  const found = categories.find((c) => c.code === code) ?? categories[0];
  if (!found) throw new Error('no categories seeded');
  return found.id;
}

/** A valid drafting-form input; override what a test is about. */
export function draftInput(categoryIdValue: string, overrides: Partial<DraftDocumentInput> = {}): DraftDocumentInput {
  return {
    title: '关于调整城乡居民最低生活保障标准的通知',
    docNumber: '清民〔2026〕88号',
    categoryId: categoryIdValue,
    writtenAt: '2026-06-20',
    body: BODY,
    hasStatistics: false,
    isMajorMatter: false,
    attribute: 'open',
    channels: ['portal'],
    redactions: [],
    attributeReason: '',
    legalGround: null,
    policyDocumentId: null,
    ...overrides,
  };
}

export function partialOverrides(): Partial<DraftDocumentInput> {
  const start = BODY_WITH_SECRET.indexOf(SECRET_PASSAGE);
  return { attribute: 'partial', body: BODY_WITH_SECRET, redactions: [{ start, end: start + SECRET_PASSAGE.length, ground: 'third_party_rights', reason: '涉及个人隐私' }] };
}
