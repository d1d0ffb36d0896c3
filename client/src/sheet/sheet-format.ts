/**
 * How the printed review sheet writes dates and decisions: always in Chinese and in China
 * Standard Time, whatever the UI language or the laptop's zone, because the sheet is the
 * paper a 公开办 files.
 */
import { zh, type MessageKey } from '../i18n/zh';

const cst = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function cstParts(ms: number): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const parts = Object.fromEntries(cst.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return { year: parts.year ?? '', month: parts.month ?? '', day: parts.day ?? '', hour: parts.hour ?? '', minute: parts.minute ?? '' };
}

/** @example sheetDateTime(Date.UTC(2026, 9, 15, 1, 30)) // '2026年10月15日 09:30' */
export function sheetDateTime(ms: number | null | undefined): string {
  if (ms == null) return '';
  const p = cstParts(ms);
  return `${p.year}年${p.month}月${p.day}日 ${p.hour}:${p.minute}`;
}

/** @example sheetDate(Date.UTC(2026, 9, 15, 20, 0)) // '2026年10月16日' (already the 16th in CST) */
export function sheetDate(ms: number | null | undefined): string {
  if (ms == null) return '';
  const p = cstParts(ms);
  return `${p.year}年${p.month}月${p.day}日`;
}

/** @example sheetTime(Date.UTC(2026, 9, 15, 1, 30)) // '09:30' */
export function sheetTime(ms: number | null | undefined): string {
  if (ms == null) return '';
  const p = cstParts(ms);
  return `${p.hour}:${p.minute}`;
}

/** A calendar date as stored ('2026-10-15') in the form's style; anything else as it is. */
export function sheetCalendarDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? `${m[1]}年${m[2]}月${m[3]}日` : isoDate;
}

/** A review record's decision in Chinese (同意, 退回, 不予通过…); an unknown one as its key. */
export function sheetDecision(decision: string): string {
  const key = `history.review.${decision}` as MessageKey;
  return key in zh ? zh[key] : decision;
}
