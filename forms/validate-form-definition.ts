/**
 * Static validation of a drafting-form definition before it may be published. Pure, so
 * the form builder shows the same issues live that the server refuses a publish with.
 *
 * Beyond the structural checks of `formDefinitionSchema` (unique keys, conditions naming
 * existing fields), a drafting form must keep the fields the rest of Shenfa reads: the
 * document columns and, above all, the ones the workflow guards decide on (hasStatistics,
 * isMajorMatter, attribute). Their wording may change; their key, type, options and
 * conditions may not, because review routing and the disclosure rules depend on them.
 */
import { z } from 'zod';
import { compileFormSchema } from './compile-zod.js';
import { draftDocumentForm } from './draft-document.form.js';
import { getFieldType } from './field-types.js';
import { formDefinitionSchema, type FieldDefinition, type FormDefinition } from './form-definition.js';

export interface FormDefinitionIssue {
  /** Where in the definition, e.g. ['fields', 3, 'visibleWhen']. */
  path: (string | number)[];
  /** The field the issue is about, when there is one (the builder marks it). */
  fieldKey?: string;
  /** Chinese, naming the field. */
  message: string;
}

/** Fields the workflow's guards read: removing or changing them would misroute reviews. */
export const WORKFLOW_GUARD_FIELDS: readonly string[] = ['hasStatistics', 'isMajorMatter', 'attribute'];

/** Every field of the shipped drafting form is a document column; extra fields go to `extra_fields`. */
export const CORE_DRAFT_FIELDS: readonly string[] = draftDocumentForm.fields.map((f) => f.key);

/** Properties of a core field that decide what is stored and how reviews route; only wording may change. */
const LOCKED_PROPERTIES = ['type', 'options', 'optionsSource', 'visibleWhen', 'required', 'requiredWhen', 'targetField'] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function coreIssues(form: FormDefinition): FormDefinitionIssue[] {
  // An opinion form is not a document: it has no core fields to keep.
  if (form.purpose === 'opinion') return [];
  const issues: FormDefinitionIssue[] = [];
  for (const core of draftDocumentForm.fields) {
    const index = form.fields.findIndex((f) => f.key === core.key);
    const why = WORKFLOW_GUARD_FIELDS.includes(core.key) ? '审查流程的条件依赖该字段' : '文件保存与发布需要该字段';
    if (index < 0) {
      issues.push({ path: ['fields'], fieldKey: core.key, message: `不能删除字段「${core.label.zh}」（${core.key}）：${why}` });
      continue;
    }
    const field = form.fields[index]!;
    for (const prop of LOCKED_PROPERTIES) {
      // The server fills the 发布渠道 options from its channel registry when it loads any version.
      if (core.key === 'channels' && prop === 'options') continue;
      if (!same(field[prop], core[prop])) {
        issues.push({ path: ['fields', index, prop], fieldKey: core.key, message: `字段「${field.label.zh}」（${core.key}）的${PROP_NAMES[prop]}不能修改：${why}` });
      }
    }
  }
  return issues;
}

const PROP_NAMES: Record<(typeof LOCKED_PROPERTIES)[number], string> = {
  type: '类型',
  options: '选项',
  optionsSource: '选项来源',
  visibleWhen: '显示条件',
  required: '必填设置',
  requiredWhen: '必填条件',
  targetField: '关联字段',
};

function fieldIssues(field: FieldDefinition, index: number, form: FormDefinition): FormDefinitionIssue[] {
  const at = (...rest: (string | number)[]) => ['fields', index, ...rest];
  const name = `字段「${field.label.zh}」`;
  const type = getFieldType(field.type);
  if (type === undefined) return [{ path: at('type'), fieldKey: field.key, message: `${name}的类型「${field.type}」不存在` }];
  const issues: FormDefinitionIssue[] = [];
  const problem = type.checkDefinition?.(field, form);
  if (problem !== undefined) issues.push({ path: at(), fieldKey: field.key, message: problem });
  const { min, max, minLength, maxLength } = field.rules ?? {};
  if (min !== undefined && max !== undefined && min > max) issues.push({ path: at('rules'), fieldKey: field.key, message: `${name}的最小值大于最大值` });
  if (minLength !== undefined && maxLength !== undefined && minLength > maxLength) {
    issues.push({ path: at('rules'), fieldKey: field.key, message: `${name}的最少字数大于最多字数` });
  }
  const values = (field.options ?? []).map((o) => o.value);
  if (new Set(values).size !== values.length) issues.push({ path: at('options'), fieldKey: field.key, message: `${name}有重复的选项值` });
  if (field.required === true && field.requiredWhen !== undefined) {
    issues.push({ path: at('requiredWhen'), fieldKey: field.key, message: `${name}已设为必填，不需要再设必填条件` });
  }
  return issues;
}

function structureIssues(error: z.ZodError, raw: unknown): FormDefinitionIssue[] {
  const fields = (raw as { fields?: unknown } | null)?.fields;
  return error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const index = path[0] === 'fields' && typeof path[1] === 'number' ? path[1] : undefined;
    const field = index !== undefined && Array.isArray(fields) ? (fields[index] as { key?: unknown; label?: { zh?: unknown } } | undefined) : undefined;
    const fieldKey = typeof field?.key === 'string' ? field.key : undefined;
    // Our own refinements already name the field; zod's generic ones get the field and the property.
    const named = issue.message.includes('「');
    const where = index === undefined ? '' : `第 ${index + 1} 个字段${typeof field?.label?.zh === 'string' ? `「${field.label.zh}」` : ''}`;
    const prop = path.slice(index === undefined ? 0 : 2).join('.');
    const message = named ? issue.message : `${where}${prop ? `（${prop}）` : ''}：${issue.message}`;
    return { path, ...(fieldKey === undefined ? {} : { fieldKey }), message };
  });
}

/**
 * Every issue of a drafting-form definition, in Chinese; [] when it may be published.
 *
 * @example
 * validateFormDefinition({ ...draftDocumentForm, fields: draftDocumentForm.fields.filter((f) => f.key !== 'hasStatistics') });
 * // [{ path: ['fields'], fieldKey: 'hasStatistics', message: '不能删除字段「含统计数据」（hasStatistics）：审查流程的条件依赖该字段' }]
 */
export function validateFormDefinition(raw: unknown): FormDefinitionIssue[] {
  const parsed = formDefinitionSchema.safeParse(raw);
  if (!parsed.success) {
    // Removing a guarded field also breaks the conditions naming it; say the cause first.
    const fields = (raw as { fields?: unknown } | null)?.fields;
    const loose = Array.isArray(fields) ? fields.filter((f): f is FieldDefinition => typeof f === 'object' && f !== null && typeof (f as { key?: unknown }).key === 'string') : [];
    const purpose = (raw as { purpose?: unknown } | null)?.purpose === 'opinion' ? 'opinion' : 'draft';
    const core = loose.length ? coreIssues({ purpose, fields: loose.map((f) => ({ ...f, label: { zh: String(f.label?.zh ?? f.key), en: '' } })) } as FormDefinition) : [];
    return [...core, ...structureIssues(parsed.error, raw)];
  }
  const form = parsed.data as FormDefinition;
  const issues = [...coreIssues(form), ...form.fields.flatMap((f, i) => fieldIssues(f, i, form))];
  if (issues.length) return issues;
  try {
    compileFormSchema(form);
  } catch (error) {
    return [{ path: [], message: `表单无法编译：${error instanceof Error ? error.message : String(error)}` }];
  }
  return [];
}
