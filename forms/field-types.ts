/**
 * The field-type registry. Built-in types are present from the start; a plugin adds its
 * own with `registerFieldType`, and the client registers a renderer under the same key.
 */
import type { FieldType } from './field-type.js';
import { booleanField, departmentField, multiselectField, personField, radioField, selectField } from './field-types-choice.js';
import { fileField } from './field-types-file.js';
import { groupFieldType } from './field-types-group.js';
import { redactionsField } from './field-types-redactions.js';
import { richTextField } from './field-types-richtext.js';
import { dateField, numberField, textareaField, textField } from './field-types-text.js';

export const BUILTIN_FIELD_TYPES: readonly FieldType[] = [
  textField,
  textareaField,
  dateField,
  numberField,
  selectField,
  radioField,
  multiselectField,
  booleanField,
  departmentField,
  personField,
  redactionsField,
  richTextField,
  fileField,
  // The group validates each column with that column's registered type, plugins' included.
  groupFieldType((key) => getFieldType(key)),
] as FieldType[];

const registry = new Map<string, FieldType>(BUILTIN_FIELD_TYPES.map((t) => [t.key, t]));

/**
 * Adds a field type. Registering a key twice is a mistake unless `replace` says otherwise,
 * so two plugins cannot silently fight over one key.
 *
 * @example
 * registerFieldType({
 *   key: 'postcode',
 *   emptyValue: () => '',
 *   isEmpty: isBlank,
 *   requiredMessage: (label) => `请填写「${label}」`,
 *   schema: ({ label }) => z.string().regex(/^\d{6}$/, `「${label}」应为 6 位数字`),
 * });
 */
export function registerFieldType<V>(type: FieldType<V>, opts: { replace?: boolean } = {}): void {
  if (registry.has(type.key) && opts.replace !== true) {
    throw new Error(`field type "${type.key}" is already registered`);
  }
  registry.set(type.key, type as FieldType);
}

/**
 * The registered type for a key, or undefined.
 *
 * @example
 * getFieldType('date')?.emptyValue(field); // null
 */
export function getFieldType(key: string): FieldType | undefined {
  return registry.get(key);
}

/** Every registered key, e.g. for the admin form editor's type picker. */
export function fieldTypeKeys(): string[] {
  return [...registry.keys()];
}
