/**
 * The contract a field type fulfils. The pure core registers the validator side of each
 * type (field-types.ts); the client registers a renderer under the same key.
 */
import type { z } from 'zod';
import type { FieldDefinition, FormDefinition } from './form-definition.js';

/** What a field type's zod builder needs to know about one field. */
export interface FieldTypeContext {
  field: FieldDefinition;
  /** The Chinese label to name in messages, already resolved through `labelWhen`. */
  label: string;
  /**
   * Allowed values for choice types: the static options, or the caller's list for
   * `optionsSource`. Undefined when the caller supplied no list: any value is accepted.
   */
  allowedValues?: ReadonlySet<string>;
}

/** An issue found by a type's cross-field check; `path` is relative to the field. */
export interface FieldIssue {
  path: PropertyKey[];
  message: string;
}

export interface CrossCheckContext extends FieldTypeContext {
  form: FormDefinition;
  /** The normalised output values of the whole form. */
  values: Readonly<Record<string, unknown>>;
  /** True when that field is visible and parsed cleanly, so its value can be relied on. */
  isUsable(key: string): boolean;
  /** The resolved Chinese label of another field, for messages. */
  labelOf(key: string): string;
}

export interface FieldType<V = unknown> {
  key: string;
  /**
   * The runtime option list a field of this type chooses from when its definition names
   * none, e.g. 'departments' for the department picker.
   */
  defaultOptionsSource?: string;
  /** Value stored when the field is hidden, or optional and left empty. */
  emptyValue(field: FieldDefinition): V;
  /** True when the raw input means "not filled in"; required checks use this. */
  isEmpty(raw: unknown): boolean;
  /** The Chinese message when a required field is empty, e.g. 请填写「标题」. */
  requiredMessage(label: string): string;
  /** Builds the zod schema for a filled-in value. Every message in Chinese, naming the label. */
  schema(ctx: FieldTypeContext): z.ZodType<V>;
  /** Checks the field's definition when a form is compiled; returns a problem or undefined. */
  checkDefinition?(field: FieldDefinition, form: FormDefinition): string | undefined;
  /** Checks that need other fields' values (run only when this field parsed cleanly). */
  crossCheck?(value: V, ctx: CrossCheckContext): FieldIssue[];
}

/** Wraps a label the way every message names a field: 「标题」. */
export function quoted(label: string): string {
  return `「${label}」`;
}

/** Null, undefined, or a string of only whitespace. */
export function isBlank(raw: unknown): boolean {
  return raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
}
