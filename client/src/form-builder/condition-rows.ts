/**
 * Conditions as the form builder edits them: rows of "FIELD is / is not VALUE", joined by
 * 全部满足 (all) or 任一满足 (any). Pure, so reading a stored condition into rows and writing
 * rows back are tested without a browser. A condition that does not fit this shape (nested
 * groups, several values in one `in`) is not representable and the editor shows it read-only.
 */
import type { Condition, ConditionValue } from '../../../forms/index';

export interface ConditionRow {
  field: string;
  /** True for "is not". */
  negate: boolean;
  value: ConditionValue;
}

export interface ConditionRows {
  mode: 'all' | 'any';
  rows: ConditionRow[];
}

function rowOf(cond: Condition): ConditionRow | undefined {
  if ('equals' in cond) return { field: cond.field, negate: false, value: cond.equals };
  if ('in' in cond && cond.in.length === 1) return { field: cond.field, negate: false, value: cond.in[0]! };
  if ('notIn' in cond && cond.notIn.length === 1) return { field: cond.field, negate: true, value: cond.notIn[0]! };
  if ('not' in cond && 'equals' in cond.not) return { field: cond.not.field, negate: true, value: cond.not.equals };
  return undefined;
}

/**
 * The rows of a stored condition; no rows for none; undefined when it is not representable.
 * @example conditionRows({ any: [{ field: 'a', equals: 1 }, { not: { field: 'b', equals: true } }] })
 * // { mode: 'any', rows: [{ field: 'a', negate: false, value: 1 }, { field: 'b', negate: true, value: true }] }
 */
export function conditionRows(cond: Condition | undefined): ConditionRows | undefined {
  if (cond === undefined) return { mode: 'all', rows: [] };
  const group = 'all' in cond ? { mode: 'all' as const, list: cond.all } : 'any' in cond ? { mode: 'any' as const, list: cond.any } : undefined;
  if (!group) {
    const row = rowOf(cond);
    return row ? { mode: 'all', rows: [row] } : undefined;
  }
  const rows = group.list.map(rowOf);
  return rows.every((r): r is ConditionRow => r !== undefined) ? { mode: group.mode, rows } : undefined;
}

function conditionOfRow(row: ConditionRow): Condition {
  const is: Condition = { field: row.field, equals: row.value };
  return row.negate ? { not: is } : is;
}

/** The stored condition for rows: none for none, the row itself for one, a group for several. */
export function conditionFromRows({ mode, rows }: ConditionRows): Condition | undefined {
  const used = rows.filter((r) => r.field !== '');
  if (used.length === 0) return undefined;
  if (used.length === 1) return conditionOfRow(used[0]!);
  return mode === 'all' ? { all: used.map(conditionOfRow) } : { any: used.map(conditionOfRow) };
}
