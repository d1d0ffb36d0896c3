/**
 * Time spent per review step, from finished tasks: the median (typical) and the slowest, in
 * hours. Each step's count, median and slowest are worked out beside the query, on the report
 * reader's thread (dashboard-service.ts, server/db/group-medians.ts), so a year of a large
 * bureau comes back as one row per step instead of millions of tasks; this orders and rounds
 * them for the page.
 */
export interface StepTimes {
  step: string;
  count: number;
  medianMs: number;
  slowestMs: number;
}

export interface StepDuration {
  step: string;
  count: number;
  medianHours: number;
  slowestHours: number;
}

const HOUR = 3_600_000;
const round1 = (n: number) => Math.round(n * 10) / 10;

/** One row per step, in the order `stepOrder` gives (steps it does not name come last). */
export function stepDurations(perStep: readonly StepTimes[], stepOrder: readonly string[] = []): StepDuration[] {
  const rank = (step: string) => {
    const i = stepOrder.indexOf(step);
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  return [...perStep]
    .sort((a, b) => rank(a.step) - rank(b.step) || a.step.localeCompare(b.step))
    .map((t) => ({ step: t.step, count: t.count, medianHours: round1(t.medianMs / HOUR), slowestHours: round1(t.slowestMs / HOUR) }));
}

/** The CST months from `from` to `to` (YYYY-MM-DD), each 'YYYY-MM', so empty months show as zero. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const [endY, endM] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  while (y < endY || (y === endY && m <= endM)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) [y, m] = [y + 1, 1];
    if (months.length > 240) break;
  }
  return months;
}
