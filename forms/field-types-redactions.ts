/**
 * The `redactions` field type: ranges of another text field (named by `targetField`)
 * that a partially public document (删减后公开) removes before publication.
 */
import { z } from 'zod';
import { quoted, type FieldIssue, type FieldType } from './field-type.js';
import { LEGAL_GROUNDS, type LegalGround } from './disclosure.js';

/** A range of the target text: JS string indices (UTF-16 code units), end exclusive. */
export interface Redaction {
  start: number;
  end: number;
  /** The legal ground for removing it (one of the eight); the public sees only this. */
  ground: LegalGround;
  /** The drafter's explanation, for the reviewers; never published. */
  reason: string;
}

const isGround = (v: unknown): v is LegalGround => typeof v === 'string' && (LEGAL_GROUNDS as readonly string[]).includes(v);

const isOffset = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** A low surrogate at `i` means `i` sits inside one character. */
function splitsCharacter(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return i > 0 && i < text.length && code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Validates each range on its own and against the others; input order is kept so
 * "第 N 处" in a message is the Nth range the drafter marked.
 */
function parseRedactions(items: unknown[], label: string, issues: z.RefinementCtx): Redaction[] {
  const out: Redaction[] = [];
  const add = (path: PropertyKey[], message: string) => issues.addIssue({ code: 'custom', path, message });
  items.forEach((item, i) => {
    const nth = `${quoted(label)}第 ${i + 1} 处`;
    if (typeof item !== 'object' || item === null) return add([i], `${nth}格式不正确`);
    const { start, end, reason, ground } = item as Record<string, unknown>;
    if (!isOffset(start)) add([i, 'start'], `${nth}的起点应为非负整数`);
    if (!isOffset(end)) add([i, 'end'], `${nth}的终点应为非负整数`);
    if (isOffset(start) && isOffset(end) && start >= end) add([i, 'end'], `${nth}的起点必须在终点之前`);
    const trimmed = typeof reason === 'string' ? reason.trim() : '';
    if (trimmed === '') add([i, 'reason'], `${nth}请填写删减理由`);
    if (!isGround(ground)) add([i, 'ground'], `${nth}请选择删减依据`);
    out.push({ start: start as number, end: end as number, ground: ground as LegalGround, reason: trimmed });
  });
  const valid = out
    .map((r, i) => ({ ...r, i }))
    .filter((r) => isOffset(r.start) && isOffset(r.end) && r.start < r.end)
    .sort((a, b) => a.start - b.start || a.i - b.i);
  valid.forEach((r, k) => {
    const overlapped = valid.slice(0, k).find((p) => p.end > r.start);
    if (overlapped !== undefined) {
      const [first, second] = [overlapped.i, r.i].sort((a, b) => a - b) as [number, number];
      add([second], `${quoted(label)}第 ${second + 1} 处与第 ${first + 1} 处重叠`);
    }
  });
  return out;
}

export const redactionsField: FieldType<Redaction[]> = {
  key: 'redactions',
  emptyValue: () => [],
  isEmpty: (raw) => raw === null || raw === undefined || (Array.isArray(raw) && raw.length === 0),
  requiredMessage: (label) => `请标出${quoted(label)}（至少一处）`,
  checkDefinition: (field) =>
    field.targetField === undefined ? `字段「${field.label.zh}」需要 targetField` : undefined,
  schema: ({ label, field }) =>
    z.array(z.unknown(), { error: `${quoted(label)}格式不正确` }).transform((items, issues) => {
      const { min, max } = field.rules ?? {};
      if (min !== undefined && items.length < min) {
        issues.addIssue({ code: 'custom', message: `${quoted(label)}至少需要 ${min} 处` });
      }
      if (max !== undefined && items.length > max) {
        issues.addIssue({ code: 'custom', message: `${quoted(label)}最多 ${max} 处` });
      }
      return parseRedactions(items, label, issues);
    }),
  crossCheck: (redactions, ctx) => {
    const target = ctx.field.targetField;
    // A missing or invalid target already has its own message; ranges over it would only add noise.
    if (target === undefined || !ctx.isUsable(target)) return [];
    const text = ctx.values[target];
    if (typeof text !== 'string') return [];
    const issues: FieldIssue[] = [];
    redactions.forEach((r, i) => {
      const nth = `${quoted(ctx.label)}第 ${i + 1} 处`;
      if (r.end > text.length) {
        issues.push({ path: [i], message: `${nth}超出${ctx.labelOf(target)}范围` });
      } else if (splitsCharacter(text, r.start) || splitsCharacter(text, r.end)) {
        issues.push({ path: [i], message: `${nth}的起止位置落在一个字符中间` });
      }
    });
    return issues;
  },
};
