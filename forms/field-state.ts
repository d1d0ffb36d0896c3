/**
 * Which fields are visible and required, and under which label, for given values.
 * The server's validation and the client's rendering both call this, so a field the
 * drafter cannot see is never demanded of them.
 */
import { evaluateCondition } from './conditions.js';
import { getFieldType } from './field-types.js';
import type { FieldDefinition, FormDefinition, LocalizedText } from './form-definition.js';

export interface FieldState {
  visible: boolean;
  /** Only ever true for a visible field. */
  required: boolean;
  label: LocalizedText;
}

export interface FormState {
  fields: Record<string, FieldState>;
  /** The values conditions saw: every field present, hidden ones as their empty value. */
  values: Record<string, unknown>;
}

/** The value a field holds while hidden or left empty (null for an unknown type). */
export function emptyValueOf(field: FieldDefinition): unknown {
  return getFieldType(field.type)?.emptyValue(field) ?? null;
}

/**
 * Resolves visibility, required-ness and labels. A hidden field counts as empty for the
 * conditions of others, so hiding cascades (hide A → B that depends on A hides too).
 *
 * @example
 * const { fields } = resolveFormState(draftDocumentForm, { attribute: 'partial' });
 * fields.redactions?.visible;  // true
 * fields.legalGround?.visible; // false
 */
export function resolveFormState(form: FormDefinition, values: Readonly<Record<string, unknown>>): FormState {
  const given = (field: FieldDefinition) => (Object.hasOwn(values, field.key) ? values[field.key] : undefined);
  let hidden = new Set<string>();
  let current: Record<string, unknown> = {};
  // A few passes reach a fixed point for any sane form; the cap stops a definition whose
  // conditions contradict each other from looping forever.
  for (let pass = 0; pass <= form.fields.length; pass++) {
    current = Object.fromEntries(
      form.fields.map((f) => [f.key, hidden.has(f.key) ? emptyValueOf(f) : given(f)]),
    );
    const next = new Set(
      form.fields.filter((f) => f.visibleWhen && !evaluateCondition(f.visibleWhen, current)).map((f) => f.key),
    );
    if (next.size === hidden.size && [...next].every((k) => hidden.has(k))) break;
    hidden = next;
  }
  const fields: Record<string, FieldState> = {};
  for (const f of form.fields) {
    const visible = !hidden.has(f.key);
    const required = visible && (f.required === true || (f.requiredWhen !== undefined && evaluateCondition(f.requiredWhen, current)));
    const label = f.labelWhen?.find((l) => evaluateCondition(l.when, current))?.label ?? f.label;
    fields[f.key] = { visible, required, label };
  }
  return { fields, values: current };
}
