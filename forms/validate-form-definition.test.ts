import { describe, expect, it } from 'vitest';
import { draftDocumentForm } from './draft-document.form.js';
import type { FieldDefinition, FormDefinition } from './form-definition.js';
import { validateFormDefinition } from './validate-form-definition.js';

const fundAmount: FieldDefinition = {
  key: 'fundAmount',
  type: 'number',
  label: { zh: '涉及资金金额（万元）', en: 'Funds involved (10k yuan)' },
  visibleWhen: { field: 'hasStatistics', equals: true },
  required: true,
  rules: { min: 0 },
};

const withFields = (fields: FieldDefinition[]): FormDefinition => ({ ...draftDocumentForm, fields });
const messages = (raw: unknown) => validateFormDefinition(raw).map((i) => i.message);

describe('validateFormDefinition', () => {
  it('accepts the shipped drafting form and one with an added conditional field', () => {
    expect(validateFormDefinition(draftDocumentForm)).toEqual([]);
    expect(validateFormDefinition(withFields([...draftDocumentForm.fields, fundAmount]))).toEqual([]);
  });

  it('accepts reordered core fields and reworded labels and help', () => {
    const [first, ...rest] = draftDocumentForm.fields;
    const fields = [...rest, { ...first!, label: { zh: '文件标题', en: 'Title' }, help: { zh: '完整标题', en: 'Full title' } }];
    expect(validateFormDefinition(withFields(fields))).toEqual([]);
  });

  it('refuses removing a field a workflow guard reads', () => {
    for (const key of ['hasStatistics', 'isMajorMatter', 'attribute']) {
      const issues = validateFormDefinition(withFields(draftDocumentForm.fields.filter((f) => f.key !== key)));
      expect(issues.some((i) => i.fieldKey === key && /不能删除字段.*审查流程的条件依赖该字段/.test(i.message))).toBe(true);
    }
  });

  it('refuses changing the type or conditions of a core field', () => {
    const fields = draftDocumentForm.fields.map((f) =>
      f.key === 'hasStatistics' ? { ...f, type: 'text' } : f.key === 'channels' ? { ...f, visibleWhen: undefined } : f,
    );
    const found = messages(withFields(fields));
    expect(found).toContain('字段「含统计数据」（hasStatistics）的类型不能修改：审查流程的条件依赖该字段');
    expect(found).toContain('字段「发布渠道」（channels）的显示条件不能修改：文件保存与发布需要该字段');
  });

  it('refuses a condition naming a missing field', () => {
    const bad = { ...fundAmount, visibleWhen: { field: 'noSuchField', equals: true } };
    expect(messages(withFields([...draftDocumentForm.fields, bad]))).toContain('字段「涉及资金金额（万元）」引用了无效字段「noSuchField」');
  });

  it('refuses duplicate keys, unknown types, contradictory rules and duplicate options', () => {
    expect(messages(withFields([...draftDocumentForm.fields, { ...fundAmount, key: 'title' }]))).toContain('字段键名「title」重复');
    expect(messages(withFields([...draftDocumentForm.fields, { ...fundAmount, type: 'hologram' }]))).toContain(
      '字段「涉及资金金额（万元）」的类型「hologram」不存在',
    );
    expect(messages(withFields([...draftDocumentForm.fields, { ...fundAmount, rules: { min: 10, max: 1 } }]))).toContain(
      '字段「涉及资金金额（万元）」的最小值大于最大值',
    );
    const choice: FieldDefinition = {
      key: 'level',
      type: 'select',
      label: { zh: '级别', en: 'Level' },
      options: [
        { value: 'a', label: { zh: '甲', en: 'A' } },
        { value: 'a', label: { zh: '乙', en: 'B' } },
      ],
    };
    expect(messages(withFields([...draftDocumentForm.fields, choice]))).toContain('字段「级别」有重复的选项值');
    expect(messages(withFields([...draftDocumentForm.fields, { ...choice, options: undefined }]))).toContain('字段「级别」需要 options 或 optionsSource');
  });

  it('words structural problems in Chinese with the field they are about', () => {
    const issues = validateFormDefinition(withFields([...draftDocumentForm.fields, { ...fundAmount, key: '1bad' }]));
    expect(issues[0]?.message).toMatch(/键名只能包含字母/);
    expect(validateFormDefinition(null).length).toBeGreaterThan(0);
    expect(validateFormDefinition({ ...draftDocumentForm, fields: [] })[0]?.path).toEqual(['fields']);
  });
});
