/**
 * A small condition language, kept as plain data so a form definition stays
 * serialisable (an admin edits it as JSON) and the server and the client evaluate
 * exactly the same rule.
 */
import { z } from 'zod';

/** A value a condition compares with. Field values are compared with `===`. */
export type ConditionValue = string | number | boolean | null;

export type Condition =
  | { field: string; equals: ConditionValue }
  | { field: string; in: readonly ConditionValue[] }
  | { field: string; notIn: readonly ConditionValue[] }
  | { all: readonly Condition[] }
  | { any: readonly Condition[] }
  | { not: Condition };

const conditionValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** Zod schema for a condition, used when an admin-edited form definition is loaded. */
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ field: z.string().min(1), equals: conditionValueSchema }),
    z.strictObject({ field: z.string().min(1), in: z.array(conditionValueSchema) }),
    z.strictObject({ field: z.string().min(1), notIn: z.array(conditionValueSchema) }),
    z.strictObject({ all: z.array(conditionSchema) }),
    z.strictObject({ any: z.array(conditionSchema) }),
    z.strictObject({ not: conditionSchema }),
  ]),
);

/**
 * Evaluates a condition against the form's current values.
 *
 * A multi-valued field (an array, e.g. a checkbox group) satisfies `equals` / `in`
 * when any selected value does; `notIn` is always the negation of `in`.
 * `all: []` is true and `any: []` is false, as in logic.
 *
 * @example
 * evaluateCondition({ field: 'attribute', in: ['open', 'partial'] }, { attribute: 'open' }); // true
 * evaluateCondition({ not: { field: 'channels', equals: 'wechat' } }, { channels: ['portal'] }); // true
 */
export function evaluateCondition(cond: Condition, values: Readonly<Record<string, unknown>>): boolean {
  if ('all' in cond) return cond.all.every((c) => evaluateCondition(c, values));
  if ('any' in cond) return cond.any.some((c) => evaluateCondition(c, values));
  if ('not' in cond) return !evaluateCondition(cond.not, values);
  // Own properties only: a field named "constructor" must not read Object.prototype.
  const value = Object.hasOwn(values, cond.field) ? values[cond.field] : undefined;
  const candidates: readonly unknown[] = Array.isArray(value) ? value : [value];
  if ('equals' in cond) return candidates.some((v) => v === cond.equals);
  if ('in' in cond) return candidates.some((v) => cond.in.includes(v as ConditionValue));
  return !candidates.some((v) => cond.notIn.includes(v as ConditionValue));
}

/**
 * The field keys a condition reads, so a definition can be checked for dangling references.
 *
 * @example
 * conditionFields({ all: [{ field: 'a', equals: 1 }, { not: { field: 'b', in: [] } }] }); // ['a', 'b']
 */
export function conditionFields(cond: Condition): string[] {
  if ('all' in cond) return cond.all.flatMap(conditionFields);
  if ('any' in cond) return cond.any.flatMap(conditionFields);
  if ('not' in cond) return conditionFields(cond.not);
  return [cond.field];
}
