import { cstWallClock } from '../workflows/calendar/cst-wall-clock';

/** Dates as a bureau reads them: China Standard Time, whatever the server's zone. */
const CST_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
const CST_DATE_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** `cstDate(Date.UTC(2026, 0, 31, 20))` → '2026-02-01' (arithmetic since 1992: workflows/calendar/cst-wall-clock.ts). */
export function cstDate(ms: number): string {
  const wall = cstWallClock(ms);
  return wall ? wall.toISOString().slice(0, 10) : CST_DATE.format(new Date(ms));
}

export function cstYear(ms: number): number {
  return Number(cstDate(ms).slice(0, 4));
}

export function cstDateTime(ms: number): string {
  return CST_DATE_TIME.format(new Date(ms));
}
