/**
 * A form is typed data: fields with a type key (see field-types.ts), bilingual labels,
 * rules and conditions. Admins will edit forms at runtime, so every definition can be
 * checked with `formDefinitionSchema` before it is compiled or stored.
 */
import { z } from 'zod';
import { conditionFields, conditionSchema, type Condition } from './conditions.js';

export interface LocalizedText {
  zh: string;
  en: string;
}

export interface FieldOption {
  value: string;
  label: LocalizedText;
}

export interface FieldRules {
  /** Text length in characters (Unicode code points, so a rare CJK character counts once). */
  minLength?: number;
  maxLength?: number;
  /** Numeric bounds for `number`; item counts for list types (`multiselect`, `redactions`). */
  min?: number;
  max?: number;
  /** A JavaScript regular expression source (compiled with the `u` flag) the whole text must match. */
  pattern?: string;
}

export interface FieldDefinition {
  key: string;
  /** A key in the field-type registry, e.g. 'text', 'select', 'redactions'. */
  type: string;
  label: LocalizedText;
  /** A label that replaces `label` while its condition holds (one field, two meanings). */
  labelWhen?: { when: Condition; label: LocalizedText }[];
  help?: LocalizedText;
  placeholder?: LocalizedText;
  /** Required whenever visible. A hidden field is never required. */
  required?: boolean;
  /** Required while this holds (and the field is visible). */
  requiredWhen?: Condition;
  /** Shown, validated and stored only while this holds; otherwise output as its empty value. */
  visibleWhen?: Condition;
  options?: FieldOption[];
  /** Names a runtime option list the caller supplies, e.g. 'categories'. */
  optionsSource?: string;
  /** For `redactions`: the key of the text field the ranges index into. */
  targetField?: string;
  rules?: FieldRules;
  /** For `group` (a repeating group / table): the columns of each row, each validated by its own type. */
  fields?: FieldDefinition[];
}

/**
 * What a form is for: the drafting form of a category (the default; it must keep the core
 * fields the document columns and the workflow read), or the opinion form a reviewer fills at
 * a workflow step (any fields; its values go with the opinion).
 */
export const FORM_PURPOSES = ['draft', 'opinion'] as const;
export type FormPurpose = (typeof FORM_PURPOSES)[number];

export interface FormDefinition {
  key: string;
  version: number;
  title: LocalizedText;
  /** 'draft' when absent, so every definition stored before opinion forms stays a drafting form. */
  purpose?: FormPurpose;
  fields: FieldDefinition[];
}

/** Field keys become object keys in stored JSON, so prototype names are refused. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const keySchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, '键名只能包含字母、数字和下划线，且以字母开头')
  .refine((k) => !RESERVED_KEYS.has(k), '键名为保留字');

export const localizedTextSchema = z.strictObject({ zh: z.string().min(1), en: z.string() });

const rulesSchema = z.strictObject({
  minLength: z.number().int().nonnegative().optional(),
  maxLength: z.number().int().positive().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  pattern: z
    .string()
    .refine((p) => compiles(p), '正则表达式无效')
    .optional(),
});

export const fieldDefinitionSchema: z.ZodType<FieldDefinition> = z.strictObject({
  key: keySchema,
  type: z.string().min(1),
  label: localizedTextSchema,
  labelWhen: z.array(z.strictObject({ when: conditionSchema, label: localizedTextSchema })).optional(),
  help: localizedTextSchema.optional(),
  placeholder: localizedTextSchema.optional(),
  required: z.boolean().optional(),
  requiredWhen: conditionSchema.optional(),
  visibleWhen: conditionSchema.optional(),
  options: z.array(z.strictObject({ value: z.string().min(1), label: localizedTextSchema })).optional(),
  optionsSource: z.string().min(1).optional(),
  targetField: z.string().min(1).optional(),
  rules: rulesSchema.optional(),
  get fields() {
    return z.array(fieldDefinitionSchema).min(1).optional();
  },
});

/**
 * Checks a whole form definition: structure, unique keys, and that every condition and
 * `targetField` names a field of the same form. Field types are checked at compile time,
 * since plugins may register types after a definition is loaded.
 *
 * @example
 * const form = formDefinitionSchema.parse(JSON.parse(adminInput));
 */
export const formDefinitionSchema = z
  .strictObject({
    key: keySchema,
    version: z.number().int().positive(),
    title: localizedTextSchema,
    purpose: z.enum(FORM_PURPOSES).optional(),
    fields: z.array(fieldDefinitionSchema).min(1),
  })
  .superRefine((form, ctx) => {
    const keys = new Set<string>();
    form.fields.forEach((field, i) => {
      if (keys.has(field.key)) {
        ctx.addIssue({ code: 'custom', path: ['fields', i, 'key'], message: `字段键名「${field.key}」重复` });
      }
      keys.add(field.key);
    });
    form.fields.forEach((field, i) => {
      const referenced = [
        ...[field.visibleWhen, field.requiredWhen, ...(field.labelWhen ?? []).map((l) => l.when)]
          .filter((c): c is Condition => c !== undefined)
          .flatMap(conditionFields),
        ...(field.targetField === undefined ? [] : [field.targetField]),
      ];
      for (const ref of referenced) {
        if (!keys.has(ref) || ref === field.key) {
          ctx.addIssue({
            code: 'custom',
            path: ['fields', i],
            message: `字段「${field.label.zh}」引用了无效字段「${ref}」`,
          });
        }
      }
    });
  });

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}
