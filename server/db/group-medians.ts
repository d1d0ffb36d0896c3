import quickselect from 'quickselect';

/**
 * Exact medians of groups of whole numbers, which SQLite has no aggregate for. A query hands
 * each group over as one row: its key and `group_concat` of its values (non-negative integers,
 * comma-separated, in any order). Counting them into buckets with GROUP BY made SQLite sort
 * every value (two million durations a year at a million documents: seconds); one string per
 * group comes straight off an index, and the middle is found by selection, not by sorting.
 * Pure: the report reader's thread runs it beside the query (report-reader-worker.ts), and the
 * client's own connection does when there is no thread.
 */

export interface GroupMedian {
  key: string;
  count: number;
  /** The middle value; for an even count, the mean of the two middle ones. */
  median: number;
  max: number;
}

const COMMA = 44;
const ZERO = 48;

/** The numbers of a `group_concat` of non-negative integers ('' or null: none). */
export function parseIntegerList(list: string | null): Float64Array {
  if (!list) return new Float64Array(0);
  let count = 1;
  for (let i = 0; i < list.length; i++) if (list.charCodeAt(i) === COMMA) count++;
  const values = new Float64Array(count);
  let at = 0;
  let value = 0;
  for (let i = 0; i < list.length; i++) {
    const code = list.charCodeAt(i);
    if (code === COMMA) {
      values[at++] = value;
      value = 0;
      continue;
    }
    const digit = code - ZERO;
    if (digit < 0 || digit > 9) throw new RangeError(`not a list of non-negative integers: …${list.slice(Math.max(0, i - 10), i + 10)}…`);
    value = value * 10 + digit;
  }
  values[at] = value;
  return values;
}

/** Count, median and maximum of `values` (reordered in place); null when there are none. */
export function medianOf(values: Float64Array): Omit<GroupMedian, 'key'> | null {
  const n = values.length;
  if (!n) return null;
  const lower = (n - 1) >> 1;
  // quickselect is typed for arrays; a Float64Array indexes and compares the same way.
  quickselect(values as unknown as number[], lower, 0, n - 1, (a, b) => a - b);
  // Everything after `lower` is now at least values[lower]: the upper middle (even n) is their least.
  let upper = values[lower]!;
  let max = values[lower]!;
  if (lower + 1 < n) {
    upper = Infinity;
    for (let i = lower + 1; i < n; i++) {
      const v = values[i]!;
      if (v < upper) upper = v;
      if (v > max) max = v;
    }
  }
  return { count: n, median: n % 2 ? values[lower]! : (values[lower]! + upper) / 2, max };
}

/** One GroupMedian per row of [key, list] that holds any value, in the rows' order. */
export function groupMedians(rows: Iterable<readonly [unknown, unknown]>): GroupMedian[] {
  const groups: GroupMedian[] = [];
  for (const [key, list] of rows) {
    const summary = medianOf(parseIntegerList(list === null || list === undefined ? null : String(list)));
    if (summary) groups.push({ key: String(key), ...summary });
  }
  return groups;
}
