import type { DraftDocumentInput } from '../../forms/index';
import type { ApiClient } from './api-client';

export const BODY = [
  '为切实保障城乡困难群众基本生活，根据《社会救助暂行办法》有关规定，经市人民政府同意，现就调整我市城乡居民最低生活保障标准有关事项通知如下。',
  '一、自2026年7月1日起，城市低保标准由每人每月860元提高到每人每月900元，农村低保标准由每人每年8400元提高到每人每年8880元。',
  '二、临时救助对象张某某，身份证号码110101199003077777，联系电话13812345678，已按程序审批。',
  '三、各县（区）民政部门要做好标准调整后的资金测算和发放工作，确保按时足额发放到位。',
].join('\n\n');

export const SECRET_PASSAGE = '临时救助对象张某某，身份证号码110101199003077777，联系电话13812345678';

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
    ...overrides,
  };
}

export function partialOverrides(): Partial<DraftDocumentInput> {
  const start = BODY.indexOf(SECRET_PASSAGE);
  return { attribute: 'partial', redactions: [{ start, end: start + SECRET_PASSAGE.length, reason: '涉及个人隐私' }] };
}
