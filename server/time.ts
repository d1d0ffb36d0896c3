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

// China has kept UTC+8 without daylight saving since 1992, so in that range the date is plain
// arithmetic; Intl formatting costs ~50× more and lists and seed-scale call this per row.
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;
const FIXED_OFFSET_FROM = Date.UTC(1992, 0, 1);
const FIXED_OFFSET_UNTIL = Date.UTC(9999, 0, 1);

/** `cstDate(Date.UTC(2026, 0, 31, 20))` → '2026-02-01' */
export function cstDate(ms: number): string {
  if (ms >= FIXED_OFFSET_FROM && ms < FIXED_OFFSET_UNTIL) return new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 10);
  return CST_DATE.format(new Date(ms));
}

export function cstYear(ms: number): number {
  return Number(cstDate(ms).slice(0, 4));
}

export function cstDateTime(ms: number): string {
  return CST_DATE_TIME.format(new Date(ms));
}
