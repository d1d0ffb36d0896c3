/** Built-in field types chosen from options: select, radio, multiselect, boolean. */
import { z } from 'zod';
import type { FieldDefinition } from './form-definition.js';
import { isBlank, quoted, type FieldType, type FieldTypeContext } from './field-type.js';

function needsOptions(field: FieldDefinition): string | undefined {
  return field.options === undefined && field.optionsSource === undefined
    ? `字段「${field.label.zh}」需要 options 或 optionsSource`
    : undefined;
}

function singleChoiceSchema({ label, allowedValues }: FieldTypeContext): z.ZodType<string> {
  return z
    .string({ error: `请选择${quoted(label)}` })
    .refine((v) => allowedValues === undefined || allowedValues.has(v), `${quoted(label)}的选项无效`);
}

function singleChoice(key: string): FieldType<string | null> {
  return {
    key,
    emptyValue: () => null,
    isEmpty: isBlank,
    requiredMessage: (label) => `请选择${quoted(label)}`,
    schema: singleChoiceSchema,
    checkDefinition: needsOptions,
  };
}

/** A drop-down; the value is one option's `value`, empty is `null`. */
export const selectField = singleChoice('select');

/** A radio group; same value rules as `select`, rendered differently. */
export const radioField = singleChoice('radio');

/**
 * A checkbox group; the value is a list of option values without duplicates, in the
 * order given. A single string is accepted because a plain HTML form posts one value as text.
 */
export const multiselectField: FieldType<string[]> = {
  key: 'multiselect',
  emptyValue: () => [],
  isEmpty: (raw) => isBlank(raw) || (Array.isArray(raw) && raw.length === 0),
  requiredMessage: (label) => `请选择${quoted(label)}（至少一项）`,
  checkDefinition: needsOptions,
  schema: ({ label, allowedValues, field }) =>
    z
      .preprocess(
        (raw) => (typeof raw === 'string' ? [raw] : raw),
        z.array(z.string({ error: `${quoted(label)}的选项无效` }), { error: `${quoted(label)}应为选项列表` }),
      )
      .transform((values, issues) => {
        const unique = [...new Set(values)];
        const { min, max } = field.rules ?? {};
        if (allowedValues !== undefined && unique.some((v) => !allowedValues.has(v))) {
          issues.addIssue({ code: 'custom', message: `${quoted(label)}包含无效选项` });
        }
        if (min !== undefined && unique.length < min) {
          issues.addIssue({ code: 'custom', message: `${quoted(label)}至少选择 ${min} 项` });
        }
        if (max !== undefined && unique.length > max) {
          issues.addIssue({ code: 'custom', message: `${quoted(label)}最多选择 ${max} 项` });
        }
        return unique;
      }),
};

const TRUE_INPUTS: readonly unknown[] = [true, 'true', 'on', '1', 1];
const FALSE_INPUTS: readonly unknown[] = [false, 'false', '0', 0, '', null, undefined];

/**
 * A single checkbox. Unchecked is "empty", so `required: true` means it must be ticked
 * (a confirmation). HTML-form spellings ('on', 'true', '1') are accepted.
 */
export const booleanField: FieldType<boolean> = {
  key: 'boolean',
  emptyValue: () => false,
  isEmpty: (raw) => FALSE_INPUTS.includes(raw),
  requiredMessage: (label) => `请勾选${quoted(label)}`,
  schema: ({ label }) =>
    z.unknown().transform((raw, issues) => {
      if (TRUE_INPUTS.includes(raw)) return true;
      if (FALSE_INPUTS.includes(raw)) return false;
      issues.addIssue({ code: 'custom', message: `${quoted(label)}应为“是”或“否”` });
      return z.NEVER;
    }),
};

/**
 * A picker over a list only the server knows (departments, people): one id, empty is
 * `null`. The list comes from the caller's `optionSources` under the type's default source
 * (or the field's own `optionsSource`); without it any id passes the schema, so the server
 * also checks the ids against its tables.
 */
function picker(key: string, source: string): FieldType<string | null> {
  return {
    key,
    defaultOptionsSource: source,
    emptyValue: () => null,
    isEmpty: isBlank,
    requiredMessage: (label) => `请选择${quoted(label)}`,
    schema: singleChoiceSchema,
  };
}

/** 科室选择: the value is a department id. */
export const departmentField = picker('department', 'departments');

/** 人员选择: the value is a user id. */
export const personField = picker('person', 'people');
