/**
 * Applying redactions (删减) to a body: what the public sees, and what a reviewer sees.
 * Used by server rendering of published pages and by the client's preview.
 */
import type { Redaction } from './field-types-redactions.js';

/** A range with the text shown for it: the drafter's reason to reviewers, the legal ground's label to the public. */
export type RedactionRange = Pick<Redaction, 'start' | 'end' | 'reason'>;

/** What the public sees: kept text, and a marker where something was removed. */
export type PublicSegment = { kind: 'text'; text: string } | { kind: 'removed'; reason: string };

/** What a reviewer sees: all text, the redacted parts marked with their reason. */
export type ReviewSegment =
  | { kind: 'text'; text: string }
  | { kind: 'redaction'; text: string; reason: string; index: number };

interface Range {
  start: number;
  end: number;
  reason: string;
  index: number;
}

const isLowSurrogate = (text: string, i: number) => {
  const code = text.charCodeAt(i);
  return code >= 0xdc00 && code <= 0xdfff;
};

/**
 * Sorted, clamped ranges. Validation normally guarantees clean input; this is the last
 * line before publication, so it widens a range that splits a character rather than
 * publish half of it, and refuses offsets it cannot interpret.
 */
function normalise(body: string, redactions: readonly RedactionRange[]): Range[] {
  const ranges: Range[] = [];
  redactions.forEach((r, index) => {
    if (!Number.isInteger(r.start) || !Number.isInteger(r.end)) {
      throw new RangeError(`redaction ${index + 1} has non-integer offsets`);
    }
    let start = Math.max(0, Math.min(r.start, body.length));
    let end = Math.max(0, Math.min(r.end, body.length));
    if (start > 0 && isLowSurrogate(body, start)) start -= 1;
    if (end < body.length && end > 0 && isLowSurrogate(body, end)) end += 1;
    if (start < end) ranges.push({ start, end, reason: r.reason, index });
  });
  return ranges.sort((a, b) => a.start - b.start || a.index - b.index);
}

/**
 * The body as the public sees it. Removed text never appears, even when ranges overlap
 * (overlapping ranges become one removal whose reason lists both).
 *
 * @example
 * redactedSegments('低保对象张三，身份证号略。', [{ start: 4, end: 6, reason: '个人隐私' }]);
 * // [{ kind: 'text', text: '低保对象' }, { kind: 'removed', reason: '个人隐私' }, { kind: 'text', text: '，身份证号略。' }]
 */
export function redactedSegments(body: string, redactions: readonly RedactionRange[]): PublicSegment[] {
  const merged: { start: number; end: number; reasons: string[] }[] = [];
  for (const r of normalise(body, redactions)) {
    const last = merged.at(-1);
    if (last !== undefined && r.start < last.end) {
      last.end = Math.max(last.end, r.end);
      if (!last.reasons.includes(r.reason)) last.reasons.push(r.reason);
    } else {
      merged.push({ start: r.start, end: r.end, reasons: [r.reason] });
    }
  }
  const segments: PublicSegment[] = [];
  let cursor = 0;
  for (const m of merged) {
    if (m.start > cursor) segments.push({ kind: 'text', text: body.slice(cursor, m.start) });
    segments.push({ kind: 'removed', reason: m.reasons.join('；') });
    cursor = m.end;
  }
  if (cursor < body.length) segments.push({ kind: 'text', text: body.slice(cursor) });
  return segments;
}

/**
 * The whole body for a reviewer, each redaction marked with its reason and its index in
 * `redactions` (so the secrecy reviewer can confirm them one by one). Text covered by two
 * overlapping ranges is shown once, under the earlier one.
 *
 * @example
 * highlightSegments('张三领取低保', [{ start: 0, end: 2, reason: '个人隐私' }]);
 * // [{ kind: 'redaction', text: '张三', reason: '个人隐私', index: 0 }, { kind: 'text', text: '领取低保' }]
 */
export function highlightSegments(body: string, redactions: readonly RedactionRange[]): ReviewSegment[] {
  const segments: ReviewSegment[] = [];
  let cursor = 0;
  for (const r of normalise(body, redactions)) {
    const start = Math.max(r.start, cursor);
    if (start >= r.end) continue;
    if (start > cursor) segments.push({ kind: 'text', text: body.slice(cursor, start) });
    segments.push({ kind: 'redaction', text: body.slice(start, r.end), reason: r.reason, index: r.index });
    cursor = r.end;
  }
  if (cursor < body.length) segments.push({ kind: 'text', text: body.slice(cursor) });
  return segments;
}
