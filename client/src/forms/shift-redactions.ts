/**
 * Keeps marked redactions on the same words while the drafter edits the body. One edit
 * (typing, pasting, deleting a selection) changes one region; ranges before it stay,
 * ranges after it move by the length difference, and ranges it touches are dropped,
 * because their words changed and the drafter must look at them again.
 */
import type { Redaction } from '../../../forms/index';

export interface ShiftResult {
  kept: Redaction[];
  dropped: number;
}

/**
 * @example
 * shiftRedactions('张三领取低保', '某村张三领取低保', [{ start: 0, end: 2, reason: '隐私' }]);
 * // { kept: [{ start: 2, end: 4, reason: '隐私' }], dropped: 0 }
 */
export function shiftRedactions(before: string, after: string, redactions: readonly Redaction[]): ShiftResult {
  if (before === after || redactions.length === 0) return { kept: [...redactions], dropped: 0 };
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  const changedEnd = before.length - suffix;
  const delta = after.length - before.length;
  const kept: Redaction[] = [];
  let dropped = 0;
  for (const r of redactions) {
    if (r.end <= prefix) kept.push({ ...r });
    else if (r.start >= changedEnd) kept.push({ ...r, start: r.start + delta, end: r.end + delta });
    else dropped++;
  }
  return { kept, dropped };
}
