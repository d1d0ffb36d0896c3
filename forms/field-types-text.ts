/** Built-in field types whose value is typed in: text, textarea, date, number. */
import { z } from 'zod';
import { isIsoDate } from './calendar-date.js';
import { isBlank, quoted, type FieldType, type FieldTypeContext } from './field-type.js';

/**
 * Length rules count code points, so a rare character outside the BMP (e.g. 𠮷 in a
 * name) counts as one 字, as the user sees it.
 */
function textSchema(ctx: FieldTypeContext, trim: boolean): z.ZodType<string> {
  const { label } = ctx;
  const { minLength, maxLength, pattern } = ctx.field.rules ?? {};
  const regex = pattern === undefined ? undefined : new RegExp(pattern, 'u');
  const base = z.string({ error: `${quoted(label)}应为文本` });
  return (trim ? base.trim() : base).superRefine((value, issues) => {
    const length = [...value].length;
    if (minLength !== undefined && length < minLength) {
      issues.addIssue({ code: 'custom', message: `${quoted(label)}至少需要 ${minLength} 个字` });
    }
    if (maxLength !== undefined && length > maxLength) {
      issues.addIssue({ code: 'custom', message: `${quoted(label)}不能超过 ${maxLength} 个字` });
    }
    if (regex !== undefined && !regex.test(value)) {
      issues.addIssue({ code: 'custom', message: `${quoted(label)}格式不正确` });
    }
  });
}

/** One line of text, trimmed. */
export const textField: FieldType<string> = {
  key: 'text',
  emptyValue: () => '',
  isEmpty: isBlank,
  requiredMessage: (label) => `请填写${quoted(label)}`,
  schema: (ctx) => textSchema(ctx, true),
};

/**
 * Multi-line text, kept exactly as sent (no trim, no newline normalisation), because
 * redaction offsets index into it.
 */
export const textareaField: FieldType<string> = {
  key: 'textarea',
  emptyValue: () => '',
  isEmpty: isBlank,
  requiredMessage: (label) => `请填写${quoted(label)}`,
  schema: (ctx) => textSchema(ctx, false),
};

/** A calendar date as `YYYY-MM-DD`; empty is `null`. */
export const dateField: FieldType<string | null> = {
  key: 'date',
  emptyValue: () => null,
  isEmpty: isBlank,
  requiredMessage: (label) => `请填写${quoted(label)}`,
  schema: ({ label }) =>
    z
      .string({ error: `${quoted(label)}应为日期` })
      .trim()
      .refine(isIsoDate, `${quoted(label)}应为有效日期，格式为 YYYY-MM-DD`),
};

/** A finite number; numeric strings are accepted because plain HTML forms post text. */
export const numberField: FieldType<number | null> = {
  key: 'number',
  emptyValue: () => null,
  isEmpty: isBlank,
  requiredMessage: (label) => `请填写${quoted(label)}`,
  schema: ({ label, field }) =>
    z.unknown().transform((raw, issues) => {
      const n =
        typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : NaN;
      const { min, max } = field.rules ?? {};
      const problem = !Number.isFinite(n)
        ? `${quoted(label)}应为数字`
        : min !== undefined && n < min
          ? `${quoted(label)}不能小于 ${min}`
          : max !== undefined && n > max
            ? `${quoted(label)}不能大于 ${max}`
            : undefined;
      if (problem === undefined) return n;
      issues.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }),
};
