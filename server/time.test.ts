import { describe, expect, it } from 'vitest';
import { cstDate } from './time';

const viaIntl = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

describe('cstDate', () => {
  it('gives the China Standard Time date, as Intl does, around midnight and across years', () => {
    expect(cstDate(Date.UTC(2026, 0, 31, 20))).toBe('2026-02-01');
    expect(cstDate(Date.UTC(2026, 0, 31, 15, 59, 59, 999))).toBe('2026-01-31');
    expect(cstDate(Date.UTC(2026, 0, 31, 16))).toBe('2026-02-01');
    for (let ms = Date.UTC(1992, 0, 1); ms < Date.UTC(2040, 0, 1); ms += 7 * 3_600_000 + 123_457) expect(cstDate(ms)).toBe(viaIntl.format(new Date(ms)));
  });

  it('still asks Intl before 1992, when China kept daylight saving time', () => {
    const summer1990 = Date.UTC(1990, 6, 1, 15, 30);
    expect(cstDate(summer1990)).toBe(viaIntl.format(new Date(summer1990)));
  });
});
