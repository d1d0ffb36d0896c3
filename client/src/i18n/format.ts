/**
 * Dates as a bureau reads them: China Standard Time, whatever zone the laptop is set to.
 *
 * Since 1992 China has kept UTC+8 without daylight saving, so there a date is arithmetic, by
 * the rule the server uses too (workflows/calendar/cst-wall-clock.ts), written as Intl writes
 * it for zh-CN and en-GB (format.test.ts compares the two over 1992–2040). Why not Intl: a browser tab's first
 * `Intl.DateTimeFormat` loads its locale and zone data, 20–45 ms on the inbox's first load,
 * after the answer and before the first row (BENCHMARKS.md, "Session of 15:13"). Intl stays
 * for dates outside that span; its formatters are cached per locale because construction is slow.
 */
import { cstWallClock } from '../../../workflows/calendar/cst-wall-clock';
import { locale, type Locale } from './i18n';

const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();
const dateFormats = new Map<Locale, Intl.DateTimeFormat>();
const weekdayFormats = new Map<Locale, Intl.DateTimeFormat>();

const WEEKDAYS: Record<Locale, readonly string[]> = {
  zh: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};

const twoDigits = (n: number) => (n < 10 ? `0${n}` : String(n));

/** As Intl writes it: zh-CN 2026/01/05 (14:30), en-GB 05/01/2026(, 14:30). */
function written(wall: Date, current: Locale, withTime: boolean): string {
  const [y, m, d] = [String(wall.getUTCFullYear()), twoDigits(wall.getUTCMonth() + 1), twoDigits(wall.getUTCDate())];
  const date = current === 'zh' ? `${y}/${m}/${d}` : `${d}/${m}/${y}`;
  if (!withTime) return date;
  const time = `${twoDigits(wall.getUTCHours())}:${twoDigits(wall.getUTCMinutes())}`;
  return current === 'zh' ? `${date} ${time}` : `${date}, ${time}`;
}

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
  if (ms == null) return '';
  const wall = cstWallClock(ms);
  return wall ? written(wall, locale(), true) : format(dateTimeFormats, true).format(new Date(ms));
}

/** A timestamp (ms) as a CST calendar date. */
export function formatDate(ms: number | null | undefined): string {
  if (ms == null) return '';
  const wall = cstWallClock(ms);
  return wall ? written(wall, locale(), false) : format(dateFormats, false).format(new Date(ms));
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
  const at = Date.parse(`${iso}T12:00:00+08:00`);
  if (Number.isNaN(at)) return iso;
  const wall = cstWallClock(at);
  if (wall) return withWeekday ? `${written(wall, locale(), false)} ${WEEKDAYS[locale()][wall.getUTCDay()]}` : written(wall, locale(), false);
  const date = format(dateFormats, false).format(new Date(at));
  return withWeekday ? `${date} ${weekday().format(new Date(at))}` : date;
}

/** A file size for people: 12 KB, 3.4 MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
