import { describe, expect, it } from 'vitest';

// i18n.ts reads localStorage and sets <html lang>; give it the two globals a browser has.
const store = new Map<string, string>();
Object.assign(globalThis, {
  localStorage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) },
  document: { documentElement: { lang: '' } },
});
const { setLocale } = await import('./i18n');
const { formatDate, formatDateTime, formatIsoDate } = await import('./format');

const INTL_LOCALE = { zh: 'zh-CN', en: 'en-GB' } as const;
const DATE = { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' } as const;

/** What Intl writes, the reference the arithmetic must equal. */
function intl(locale: 'zh' | 'en', ms: number, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], options).format(new Date(ms));
}

/** Runs `work` with Intl.DateTimeFormat refusing to be built: the arithmetic must not need it. */
function withoutIntl<T>(work: () => T): T {
  const original = Intl.DateTimeFormat;
  Intl.DateTimeFormat = function refused() {
    throw new Error('Intl.DateTimeFormat was built');
  } as unknown as typeof Intl.DateTimeFormat;
  try {
    return work();
  } finally {
    Intl.DateTimeFormat = original;
  }
}

/** Timestamps over 1992–2040: a seeded spread, and the instants around CST midnight and New Year. */
function instants(): number[] {
  const out: number[] = [];
  let seed = 20261125;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const from = Date.UTC(1992, 0, 1);
  const to = Date.UTC(2041, 0, 1);
  for (let i = 0; i < 3000; i++) out.push(Math.floor(from + random() * (to - from)));
  for (const year of [1993, 1999, 2000, 2024, 2026, 2040]) {
    const cstNewYear = Date.UTC(year, 0, 1) - 8 * 3600_000;
    out.push(cstNewYear - 60_000, cstNewYear - 1, cstNewYear, cstNewYear + 59_999, Date.UTC(year, 1, 29, 15, 59), Date.UTC(year, 1, 29, 16, 0));
  }
  return out;
}

describe('dates in China Standard Time', () => {
  for (const locale of ['zh', 'en'] as const) {
    it(`writes dates and times as Intl does for ${INTL_LOCALE[locale]}, without Intl, over 1992–2040`, async () => {
      await setLocale(locale);
      const all = instants();
      const expected = all.map((ms) => [intl(locale, ms, { ...DATE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }), intl(locale, ms, DATE)]);
      const actual = withoutIntl(() => all.map((ms) => [formatDateTime(ms), formatDate(ms)]));
      const differing = all.filter((ms, i) => actual[i]!.join() !== expected[i]!.join()).map((ms) => `${ms}: ${actual[all.indexOf(ms)]} ≠ ${expected[all.indexOf(ms)]}`);
      expect(differing).toEqual([]);
    });

    it(`writes a calendar date with its weekday as Intl does for ${INTL_LOCALE[locale]}`, async () => {
      await setLocale(locale);
      const days: string[] = [];
      for (let day = Date.UTC(2025, 11, 20); day < Date.UTC(2027, 0, 10); day += 86_400_000) days.push(new Date(day).toISOString().slice(0, 10));
      const expected = days.map((iso) => {
        const noon = Date.parse(`${iso}T12:00:00+08:00`);
        return [`${intl(locale, noon, DATE)} ${intl(locale, noon, { timeZone: 'Asia/Shanghai', weekday: 'short' })}`, intl(locale, noon, DATE)].join();
      });
      const actual = withoutIntl(() => days.map((iso) => [formatIsoDate(iso, true), formatIsoDate(iso)].join()));
      expect(actual).toEqual(expected);
    });
  }

  it('is CST whatever the zone of the machine, and keeps Intl for dates before 1992', async () => {
    await setLocale('zh');
    // 2026-01-04 16:05 UTC is already the 5th in Beijing.
    expect(formatDateTime(Date.UTC(2026, 0, 4, 16, 5))).toBe('2026/01/05 00:05');
    expect(formatIsoDate('2027-01-04', true)).toBe('2027/01/04 周一');
    // 1988 still had daylight saving in China: 1988-06-01 12:00 UTC was 21:00 in Beijing.
    const summer1988 = Date.UTC(1988, 5, 1, 12);
    expect(formatDateTime(summer1988)).toBe(intl('zh', summer1988, { ...DATE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }));
    expect(formatDateTime(null)).toBe('');
    expect(formatIsoDate('not a date')).toBe('not a date');
  });
});
