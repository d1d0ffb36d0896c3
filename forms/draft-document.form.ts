/**
 * The drafting form (起草): what a drafter fills in, including the disclosure decision
 * every document carries from the moment it is drafted (domain.md, "Disclosure attribute").
 */
import type { z } from 'zod';
import { compileFormSchema, type CompileOptions } from './compile-zod.js';
import {
  ATTRIBUTE_LABELS,
  CHANNEL_LABELS,
  CHANNELS,
  DISCLOSURE_ATTRIBUTES,
  LEGAL_GROUND_LABELS,
  LEGAL_GROUNDS,
  type Channel,
  type DisclosureAttribute,
  type LegalGround,
} from './disclosure.js';
import type { Redaction } from './field-types-redactions.js';
import type { FormDefinition } from './form-definition.js';

/** The parsed drafting form: every key is always present, hidden ones normalised. */
export interface DraftDocumentInput {
  title: string;
  /** 发文字号, e.g. 濮民〔2020〕31号; '' when none. */
  docNumber: string;
  categoryId: string;
  /** 成文日期, YYYY-MM-DD. */
  writtenAt: string;
  /** Kept exactly as typed: redaction offsets index into it. */
  body: string;
  hasStatistics: boolean;
  isMajorMatter: boolean;
  attribute: DisclosureAttribute;
  /** ≥ 1 when open or partial; [] otherwise. */
  channels: Channel[];
  /** ≥ 1 when partial; [] otherwise. */
  redactions: Redaction[];
  /** Required when on_request or non_public; '' otherwise. */
  attributeReason: string;
  /** Required when non_public; null otherwise. */
  legalGround: LegalGround | null;
  /** For a policy interpretation (政策解读): the policy document it explains; null otherwise. */
  policyDocumentId: string | null;
}

/** What a client may send: any subset; hidden fields may be omitted. */
export type DraftDocumentRawInput = { [K in keyof DraftDocumentInput]?: unknown };

const PUBLISHED = { field: 'attribute', in: ['open', 'partial'] } as const;
const WITHHELD = { field: 'attribute', in: ['on_request', 'non_public'] } as const;

export const draftDocumentForm: FormDefinition = {
  key: 'draft_document',
  version: 1,
  title: { zh: '起草文件', en: 'Draft document' },
  fields: [
    { key: 'title', type: 'text', label: { zh: '标题', en: 'Title' }, required: true, rules: { maxLength: 200 } },
    {
      key: 'docNumber',
      type: 'text',
      label: { zh: '发文字号', en: 'Document number' },
      placeholder: { zh: '如：濮民〔2020〕31号', en: 'e.g. 濮民〔2020〕31号' },
      rules: { maxLength: 60 },
    },
    {
      key: 'categoryId',
      type: 'select',
      label: { zh: '主题分类', en: 'Subject category' },
      optionsSource: 'categories',
      required: true,
    },
    { key: 'writtenAt', type: 'date', label: { zh: '成文日期', en: 'Date written' }, required: true },
    {
      key: 'policyDocumentId',
      type: 'select',
      label: { zh: '关联政策文件', en: 'Policy document explained' },
      help: { zh: '政策解读填写：与政策文件同步审签、同步发布', en: 'For an interpretation: signed off and published together with its policy' },
      optionsSource: 'policies',
    },
    { key: 'body', type: 'textarea', label: { zh: '正文', en: 'Body' }, required: true, rules: { maxLength: 200_000 } },
    {
      key: 'hasStatistics',
      type: 'boolean',
      label: { zh: '含统计数据', en: 'Contains statistics' },
      help: { zh: '勾选后须经统计口径审查', en: 'Adds the statistics review step' },
    },
    {
      key: 'isMajorMatter',
      type: 'boolean',
      label: { zh: '重大事项', en: 'Major matter' },
      help: { zh: '勾选后须经党组会议审定', en: 'Adds the party-committee decision step' },
    },
    {
      key: 'attribute',
      type: 'radio',
      label: { zh: '公开属性', en: 'Disclosure attribute' },
      options: DISCLOSURE_ATTRIBUTES.map((value) => ({ value, label: ATTRIBUTE_LABELS[value] })),
      required: true,
    },
    {
      key: 'channels',
      type: 'multiselect',
      label: { zh: '发布渠道', en: 'Channels' },
      options: CHANNELS.map((value) => ({ value, label: CHANNEL_LABELS[value] })),
      visibleWhen: PUBLISHED,
      required: true,
    },
    {
      key: 'redactions',
      type: 'redactions',
      label: { zh: '删减内容', en: 'Redactions' },
      help: { zh: '在正文中标出删减的部分并说明理由', en: 'Mark the removed parts of the body, each with a reason' },
      targetField: 'body',
      visibleWhen: { field: 'attribute', equals: 'partial' },
      required: true,
    },
    {
      key: 'attributeReason',
      type: 'textarea',
      label: { zh: '公开属性说明', en: 'Reason' },
      labelWhen: [
        { when: { field: 'attribute', equals: 'on_request' }, label: { zh: '依申请公开理由', en: 'Reason for on-request only' } },
        { when: { field: 'attribute', equals: 'non_public' }, label: { zh: '不予公开说明', en: 'Explanation for withholding' } },
      ],
      visibleWhen: WITHHELD,
      required: true,
      rules: { maxLength: 5000 },
    },
    {
      key: 'legalGround',
      type: 'select',
      label: { zh: '不予公开依据', en: 'Legal ground for withholding' },
      options: LEGAL_GROUNDS.map((value) => ({ value, label: LEGAL_GROUND_LABELS[value] })),
      visibleWhen: { field: 'attribute', equals: 'non_public' },
      required: true,
    },
  ],
};

export type DraftDocumentSchema = z.ZodType<DraftDocumentInput, DraftDocumentRawInput>;

/**
 * The drafting schema with the agency's categories, which only the server knows.
 *
 * @example
 * const schema = compileDraftDocumentSchema({ optionSources: { categories: categoryIds } });
 * const doc: DraftDocumentInput = schema.parse(input);
 */
export function compileDraftDocumentSchema(opts: CompileOptions = {}): DraftDocumentSchema {
  // The cast is the contract the tests in draft-document.form.test.ts hold the form to.
  return compileFormSchema(draftDocumentForm, opts) as unknown as DraftDocumentSchema;
}

/** The drafting schema without a category list: any categoryId is accepted (client side). */
export const draftDocumentSchema: DraftDocumentSchema = compileDraftDocumentSchema();
