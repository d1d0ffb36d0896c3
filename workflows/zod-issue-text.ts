/**
 * Turns the schema's issues into definition issues with Chinese text. The structural rules
 * of definition.ts carry their own code and Chinese text in `params`; zod's built-in issues
 * (a missing field, a wrong type, an unknown kind) get a Chinese sentence naming the field.
 */
import type { z } from 'zod';
import type { DefinitionIssueParams } from './definition';
import type { DefinitionIssue } from './validate-definition';

const FIELD_LABELS: Record<string, string> = {
  key: '标识',
  version: '版本',
  name: '名称',
  zh: '中文',
  en: '英文',
  steps: '步骤',
  id: '编号',
  kind: '类型',
  label: '名称',
  role: '角色',
  signers: '签批人',
  userId: '人员',
  mode: '会签方式',
  when: '条件',
  guard: '条件名',
  not: '取反',
  dueWorkingDays: '办理时限（工作日）',
  returnTargets: '退回目标',
  effects: '动作',
  checks: '审查职责',
  requires: '前置检查',
  flow: '流程类别',
  deadline: '时限',
  transitions: '流转',
  event: '事件',
  to: '目标步骤',
  guards: '条件',
};

function fieldOf(path: readonly PropertyKey[]): string {
  // Inside a step the step is named separately: 'steps' then only says where.
  const inStep = path[0] === 'steps' && typeof path[1] === 'number';
  const parts = path.filter((p, i): p is string => typeof p === 'string' && !(inStep && i === 0)).map((p) => FIELD_LABELS[p] ?? p);
  return parts.length ? parts.join('·') : '流程定义';
}

function chineseText(issue: z.core.$ZodIssue): string {
  const field = fieldOf(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return `「${field}」缺失或类型不正确`;
    case 'too_small':
      return issue.origin === 'array' ? `「${field}」至少需要 ${String(issue.minimum)} 项` : issue.origin === 'string' ? `「${field}」不能为空` : `「${field}」必须大于 0`;
    case 'too_big':
      return `「${field}」超出允许范围`;
    case 'invalid_format':
      return field === '标识'
        ? '「标识」只能由小写字母、数字和连字符组成，且以字母开头'
        : `「${field}」只能由小写字母、数字和下划线组成，且以字母开头`;
    case 'invalid_value':
      return `「${field}」的取值不在允许范围内（可选：${issue.values.map(String).join('、')}）`;
    case 'invalid_union':
      return `「${field}」须指定一个角色或一名人员`;
    case 'unrecognized_keys':
      return `「${field}」含有不认识的字段：${issue.keys.join('、')}`;
    default:
      return `「${field}」不正确`;
  }
}

/** The id and label of the step an issue path points into, read from the raw input. */
function stepAt(input: unknown, path: readonly PropertyKey[]): { id?: string; label?: string } {
  if (path[0] !== 'steps' || typeof path[1] !== 'number') return {};
  const steps = (input as { steps?: unknown } | null)?.steps;
  const step = Array.isArray(steps) ? (steps[path[1]] as { id?: unknown; label?: { zh?: unknown } } | undefined) : undefined;
  return {
    ...(typeof step?.id === 'string' ? { id: step.id } : {}),
    ...(typeof step?.label?.zh === 'string' && step.label.zh ? { label: step.label.zh } : {}),
  };
}

/**
 * One zod issue as a definition issue.
 * @example zodIssueToDefinitionIssue(issue, def).message.zh // '步骤「合法性审查」（legality_review）：该步骤没有指定办理角色'
 */
export function zodIssueToDefinitionIssue(issue: z.core.$ZodIssue, input: unknown): DefinitionIssue {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const params = issue.code === 'custom' ? (issue.params as DefinitionIssueParams | undefined) : undefined;
  const zh = params?.zh ?? chineseText(issue);
  const step = stepAt(input, path);
  const where = step.id ? `步骤「${step.label ?? step.id}」（${step.id}）：` : '';
  return {
    ...(step.id ? { stepId: step.id } : {}),
    path,
    code: params?.code ?? issue.code,
    message: { zh: `${where}${zh}`, en: `${step.id ? `step '${step.id}': ` : ''}${issue.message}` },
  };
}
