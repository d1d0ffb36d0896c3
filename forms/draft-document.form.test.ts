import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileDraftDocumentSchema, draftDocumentSchema, type DraftDocumentInput } from './draft-document.form.js';

const body = readFileSync(
  new URL('../../shared/fixtures/puyang-civil-affairs-2020-self-inspection.txt', import.meta.url),
  'utf8',
);
const KEYS: (keyof DraftDocumentInput)[] = [
  'title', 'docNumber', 'categoryId', 'writtenAt', 'body', 'hasStatistics', 'isMajorMatter',
  'attribute', 'channels', 'redactions', 'attributeReason', 'legalGround', 'policyDocumentId',
];

const common = {
  title: '濮阳市民政局2020年度政府信息和政务公开工作自查情况的报告',
  docNumber: '濮民〔2020〕31号',
  categoryId: 'cat-social-assistance',
  writtenAt: '2020-12-10',
  body,
  hasStatistics: true,
};
const docNumberAt = body.indexOf('濮民〔2020〕31号');

function errorsOf(input: Record<string, unknown>) {
  const result = draftDocumentSchema.safeParse(input);
  if (result.success) throw new Error('expected failure');
  return z.flattenError(result.error).fieldErrors as Record<string, string[]>;
}

describe('draftDocumentSchema, valid input for each attribute', () => {
  it('open: channels kept, the rest normalised', () => {
    const doc = draftDocumentSchema.parse({
      ...common,
      attribute: 'open',
      channels: ['portal', 'wechat'],
      redactions: [{ start: 0, end: 2, ground: 'third_party_rights', reason: '残留' }],
      attributeReason: '残留',
      legalGround: 'state_secret',
    });
    expect(Object.keys(doc).sort()).toEqual([...KEYS].sort());
    expect(doc).toMatchObject({
      attribute: 'open',
      channels: ['portal', 'wechat'],
      redactions: [],
      attributeReason: '',
      legalGround: null,
      isMajorMatter: false,
      hasStatistics: true,
      body,
    });
  });

  it('partial: redactions over the body', () => {
    const doc = draftDocumentSchema.parse({
      ...common,
      attribute: 'partial',
      channels: ['portal'],
      redactions: [{ start: docNumberAt, end: docNumberAt + 11, ground: 'third_party_rights', reason: '  内部文号 ' }],
    });
    expect(doc.redactions).toEqual([{ start: docNumberAt, end: docNumberAt + 11, ground: 'third_party_rights', reason: '内部文号' }]);
    expect(body.slice(docNumberAt, docNumberAt + 11)).toBe('濮民〔2020〕31号');
  });

  it('on_request: a reason, no channels', () => {
    const doc = draftDocumentSchema.parse({ ...common, attribute: 'on_request', channels: ['portal'], attributeReason: '仅涉及特定申请人' });
    expect(doc).toMatchObject({ attribute: 'on_request', channels: [], attributeReason: '仅涉及特定申请人', legalGround: null });
  });

  it('non_public: a legal ground and an explanation', () => {
    const doc = draftDocumentSchema.parse({
      ...common,
      docNumber: '',
      attribute: 'non_public',
      attributeReason: '内部人事安排',
      legalGround: 'internal_affairs',
    });
    expect(doc).toMatchObject({ docNumber: '', channels: [], redactions: [], legalGround: 'internal_affairs' });
  });
});

describe('draftDocumentSchema, invalid input', () => {
  it('names every missing field of an empty draft', () => {
    expect(errorsOf({})).toEqual({
      title: ['请填写「标题」'],
      categoryId: ['请选择「主题分类」'],
      writtenAt: ['请填写「成文日期」'],
      body: ['请填写「正文」'],
      attribute: ['请选择「公开属性」'],
    });
  });

  it('open and partial need a channel', () => {
    expect(errorsOf({ ...common, attribute: 'open', channels: [] })).toEqual({ channels: ['请选择「发布渠道」（至少一项）'] });
    expect(errorsOf({ ...common, attribute: 'open', channels: ['fax'] })).toEqual({ channels: ['「发布渠道」包含无效选项'] });
  });

  it('partial needs at least one redaction', () => {
    expect(errorsOf({ ...common, attribute: 'partial', channels: ['portal'] })).toEqual({
      redactions: ['请标出「删减内容」（至少一处）'],
    });
  });

  it('on_request needs its reason, under its own label', () => {
    expect(errorsOf({ ...common, attribute: 'on_request' })).toEqual({ attributeReason: ['请填写「依申请公开理由」'] });
  });

  it('non_public needs a ground from the list and an explanation', () => {
    expect(errorsOf({ ...common, attribute: 'non_public' })).toEqual({
      attributeReason: ['请填写「不予公开说明」'],
      legalGround: ['请选择「不予公开依据」'],
    });
    expect(errorsOf({ ...common, attribute: 'non_public', attributeReason: '略', legalGround: 'because' })).toEqual({
      legalGround: ['「不予公开依据」的选项无效'],
    });
  });

  it('rejects an unknown attribute, a long title and a bad date', () => {
    expect(errorsOf({ ...common, attribute: 'secret', title: '长'.repeat(201), writtenAt: '2020-02-30' })).toEqual({
      title: ['「标题」不能超过 200 个字'],
      writtenAt: ['「成文日期」应为有效日期，格式为 YYYY-MM-DD'],
      attribute: ['「公开属性」的选项无效'],
    });
    expect(errorsOf({ ...common, attribute: 'open', channels: ['portal'], docNumber: '号'.repeat(61) })).toEqual({
      docNumber: ['「发文字号」不能超过 60 个字'],
    });
  });

  it('checks categories when the server supplies them', () => {
    const schema = compileDraftDocumentSchema({ optionSources: { categories: ['cat-a'] } });
    const result = schema.safeParse({ ...common, attribute: 'on_request', attributeReason: '略' });
    expect(result.error?.issues).toEqual([{ code: 'custom', path: ['categoryId'], message: '「主题分类」的选项无效' }]);
  });
});

describe('redaction ranges', () => {
  const partial = (redactions: unknown) => ({ ...common, body: '低保对象张三，住址某村。', attribute: 'partial', channels: ['portal'], redactions });
  const issuesOf = (redactions: unknown) =>
    (draftDocumentSchema.safeParse(partial(redactions)).error?.issues ?? []).map((i) => [i.path, i.message]);

  it('accepts ranges inside the body, up to its very end', () => {
    expect(draftDocumentSchema.parse(partial([{ start: 9, end: 12, ground: 'third_party_rights', reason: '住址' }, { start: 4, end: 6, ground: 'third_party_rights', reason: '姓名' }])).redactions).toHaveLength(2);
  });

  it('rejects a range outside the body', () => {
    expect(issuesOf([{ start: 4, end: 6, ground: 'third_party_rights', reason: '姓名' }, { start: 10, end: 13, ground: 'third_party_rights', reason: '住址' }])).toEqual([
      [['redactions', 1], '「删减内容」第 2 处超出正文范围'],
    ]);
  });

  it('rejects overlapping ranges, naming both', () => {
    expect(issuesOf([{ start: 4, end: 8, ground: 'third_party_rights', reason: '甲' }, { start: 0, end: 5, ground: 'third_party_rights', reason: '乙' }])).toEqual([
      [['redactions', 1], '「删减内容」第 2 处与第 1 处重叠'],
    ]);
  });

  it('allows ranges that touch', () => {
    expect(issuesOf([{ start: 4, end: 6, ground: 'third_party_rights', reason: '甲' }, { start: 6, end: 7, ground: 'third_party_rights', reason: '乙' }])).toEqual([]);
  });

  it('rejects an empty reason and start >= end', () => {
    expect(issuesOf([{ start: 4, end: 6, ground: 'third_party_rights', reason: '  ' }, { start: 6, end: 6, ground: 'third_party_rights', reason: '乙' }, { start: 7, end: 5, ground: 'third_party_rights', reason: '丙' }])).toEqual([
      [['redactions', 0, 'reason'], '「删减内容」第 1 处请填写删减理由'],
      [['redactions', 1, 'end'], '「删减内容」第 2 处的起点必须在终点之前'],
      [['redactions', 2, 'end'], '「删减内容」第 3 处的起点必须在终点之前'],
    ]);
  });

  it('rejects malformed entries', () => {
    expect(issuesOf([null, { start: -1, end: 1.5, ground: 'third_party_rights', reason: '甲' }])).toEqual([
      [['redactions', 0], '「删减内容」第 1 处格式不正确'],
      [['redactions', 1, 'start'], '「删减内容」第 2 处的起点应为非负整数'],
      [['redactions', 1, 'end'], '「删减内容」第 2 处的终点应为非负整数'],
    ]);
    expect(issuesOf('4-6')).toEqual([[['redactions'], '「删减内容」格式不正确']]);
  });

  it('rejects a boundary inside a surrogate pair', () => {
    const doc = { ...partial([{ start: 3, end: 4, ground: 'third_party_rights', reason: '姓名' }]), body: '户主𠮷某' };
    const result = draftDocumentSchema.safeParse(doc);
    expect(result.error?.issues.map((i) => i.message)).toEqual(['「删减内容」第 1 处的起止位置落在一个字符中间']);
  });

  it('does not add range errors when the body itself is missing', () => {
    const result = draftDocumentSchema.safeParse({ ...partial([{ start: 0, end: 5, ground: 'third_party_rights', reason: '甲' }]), body: '' });
    expect(z.flattenError(result.error!).fieldErrors).toEqual({ body: ['请填写「正文」'] });
  });

  it('requires one of the eight legal grounds for each range', () => {
    expect(issuesOf([{ start: 4, end: 6, reason: '姓名' }, { start: 9, end: 12, ground: 'because', reason: '住址' }])).toEqual([
      [['redactions', 0, 'ground'], '「删减内容」第 1 处请选择删减依据'],
      [['redactions', 1, 'ground'], '「删减内容」第 2 处请选择删减依据'],
    ]);
  });
});
