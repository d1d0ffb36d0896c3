/**
 * Compiles a form definition into one zod schema, so the server and the client run the
 * same validation. The output holds every field (hidden and empty optional ones as their
 * empty value), ready to store; every message is Chinese and names the field's label.
 */
import { z } from 'zod';
import { quoted, type FieldType } from './field-type.js';
import { getFieldType } from './field-types.js';
import { resolveFormState } from './field-state.js';
import { formDefinitionSchema, type FieldDefinition, type FormDefinition } from './form-definition.js';

export type FormValues = Record<string, unknown>;
/** Input: the form's raw values by field key. Output: normalised values for every field. */
export type FormSchema = z.ZodType<FormValues, Record<string, unknown>>;

export interface CompileOptions {
  /**
   * Runtime option lists for fields with `optionsSource`, e.g. `{ categories: ['c1', 'c2'] }`.
   * Without a list such a field accepts any value, so the server must always pass them.
   */
  optionSources?: Readonly<Record<string, readonly (string | { value: string })[]>>;
}

interface CompiledField {
  field: FieldDefinition;
  type: FieldType;
  allowedValues: ReadonlySet<string> | undefined;
  schemaFor(label: string): z.ZodType;
}

function allowedValuesOf(field: FieldDefinition, type: FieldType, opts: CompileOptions): ReadonlySet<string> | undefined {
  const sourceKey = field.optionsSource ?? type.defaultOptionsSource;
  const source = sourceKey === undefined ? undefined : opts.optionSources?.[sourceKey];
  if (source !== undefined) return new Set(source.map((o) => (typeof o === 'string' ? o : o.value)));
  return field.options === undefined ? undefined : new Set(field.options.map((o) => o.value));
}

function compileField(field: FieldDefinition, form: FormDefinition, opts: CompileOptions): CompiledField {
  const type = getFieldType(field.type);
  if (type === undefined) throw new Error(`form "${form.key}": field "${field.key}" has unknown type "${field.type}"`);
  const problem = type.checkDefinition?.(field, form);
  if (problem !== undefined) throw new Error(`form "${form.key}": ${problem}`);
  const allowedValues = allowedValuesOf(field, type, opts);
  // Messages name the label, and `labelWhen` can change it, so one schema per label seen.
  const schemas = new Map<string, z.ZodType>();
  const schemaFor = (label: string) => {
    const cached = schemas.get(label);
    if (cached !== undefined) return cached;
    const built = type.schema({ field, label, allowedValues });
    schemas.set(label, built);
    return built;
  };
  return { field, type, allowedValues, schemaFor };
}

/** Catches any zod issue a type's builder did not word itself (zod's defaults are English). */
const fallbackMessage = (label: string) => () => `${quoted(label)}填写有误`;

/**
 * Compiles a form. Throws (at compile time, not parse time) when the definition is invalid,
 * names an unknown field type, or a type rejects a field's definition.
 *
 * @example
 * const schema = compileFormSchema(form, { optionSources: { categories: ['c1'] } });
 * const result = schema.safeParse(input);
 * if (!result.success) z.flattenError(result.error).fieldErrors; // { title: ['请填写「标题」'] }
 */
export function compileFormSchema(form: FormDefinition, opts: CompileOptions = {}): FormSchema {
  const checked = formDefinitionSchema.safeParse(form);
  if (!checked.success) {
    throw new Error(`invalid form definition "${form.key}":\n${z.prettifyError(checked.error)}`);
  }
  // Parsed copy: a caller mutating its definition later cannot change this schema.
  const def: FormDefinition = checked.data;
  const compiled = def.fields.map((field) => compileField(field, def, opts));
  const shape = Object.fromEntries(def.fields.map((f) => [f.key, z.unknown().optional()]));

  return z.object(shape, { error: '表单数据格式不正确' }).transform((raw, ctx) => {
    let failed = false;
    const report = (path: PropertyKey[], message: string) => {
      failed = true;
      ctx.addIssue({ code: 'custom', path, message });
    };

    // First pass with the default labels: conditions need parsed values before anyone
    // knows which fields are visible.
    const parsed = new Map<string, z.ZodSafeParseResult<unknown>>();
    const conditionValues: FormValues = {};
    for (const { field, type, schemaFor } of compiled) {
      const value = raw[field.key];
      if (type.isEmpty(value)) {
        conditionValues[field.key] = type.emptyValue(field);
        continue;
      }
      const result = schemaFor(field.label.zh).safeParse(value, { error: fallbackMessage(field.label.zh) });
      parsed.set(field.key, result);
      conditionValues[field.key] = result.success ? result.data : undefined;
    }
    const state = resolveFormState(def, conditionValues);

    const out: FormValues = {};
    const usable = new Set<string>();
    for (const { field, type, schemaFor } of compiled) {
      const { visible, required, label } = state.fields[field.key]!;
      const result = parsed.get(field.key);
      if (!visible || result === undefined) {
        if (visible && required) report([field.key], type.requiredMessage(label.zh));
        else if (visible) usable.add(field.key);
        out[field.key] = type.emptyValue(field);
        continue;
      }
      const labelled =
        result.success || label.zh === field.label.zh
          ? result
          : schemaFor(label.zh).safeParse(raw[field.key], { error: fallbackMessage(label.zh) });
      if (labelled.success) {
        out[field.key] = labelled.data;
        usable.add(field.key);
      } else {
        for (const issue of labelled.error.issues) report([field.key, ...issue.path], issue.message);
      }
    }

    for (const { field, type, allowedValues } of compiled) {
      if (type.crossCheck === undefined || !usable.has(field.key)) continue;
      const issues = type.crossCheck(out[field.key], {
        field,
        label: state.fields[field.key]!.label.zh,
        allowedValues,
        form: def,
        values: out,
        isUsable: (key) => usable.has(key),
        labelOf: (key) => state.fields[key]?.label.zh ?? key,
      });
      for (const issue of issues) report([field.key, ...issue.path], issue.message);
    }
    return failed ? z.NEVER : out;
  });
}
