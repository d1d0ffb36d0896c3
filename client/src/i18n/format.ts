/**
 * Dates as a bureau reads them: China Standard Time, whatever zone the laptop is set to.
 * Formatters are cached per locale because Intl construction is slow.
 */
import { locale, type Locale } from './i18n';

const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();
const dateFormats = new Map<Locale, Intl.DateTimeFormat>();
const weekdayFormats = new Map<Locale, Intl.DateTimeFormat>();

function format(cache: Map<Locale, Intl.DateTimeFormat>, withTime: boolean): Intl.DateTimeFormat {
  const current = locale();
  let f = cache.get(current);
  if (!f) {
    f = new Intl.DateTimeFormat(current === 'zh' ? 'zh-CN' : 'en-GB', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
    });
    cache.set(current, f);
  }
  return f;
}

/** A timestamp (ms) as date and time in CST, e.g. 2026/01/05 14:30. */
export function formatDateTime(ms: number | null | undefined): string {
  return ms == null ? '' : format(dateTimeFormats, true).format(new Date(ms));
}

/** A timestamp (ms) as a CST calendar date. */
export function formatDate(ms: number | null | undefined): string {
  return ms == null ? '' : format(dateFormats, false).format(new Date(ms));
}

function weekday(): Intl.DateTimeFormat {
  const current = locale();
  let f = weekdayFormats.get(current);
  if (!f) {
    f = new Intl.DateTimeFormat(current === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', weekday: 'short' });
    weekdayFormats.set(current, f);
  }
  return f;
}

/**
 * A calendar date the server already counted in CST (a due date, a holiday: '2026-10-12'),
 * written like formatDate; with the weekday (2027/01/04 周一) where days off matter.
 */
export function formatIsoDate(iso: string | null | undefined, withWeekday = false): string {
  if (!iso) return '';
  const at = new Date(Date.parse(`${iso}T12:00:00+08:00`));
  if (Number.isNaN(at.getTime())) return iso;
  const date = format(dateFormats, false).format(at);
  return withWeekday ? `${date} ${weekday().format(at)}` : date;
}

/** A file size for people: 12 KB, 3.4 MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
