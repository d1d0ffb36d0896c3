/**
 * Time spent per review step, from finished tasks: the median (typical) and the slowest,
 * in hours. Pure, so the figures can be checked by hand in a unit test.
 */
export interface FinishedTask {
  step: string;
  createdAt: number;
  completedAt: number;
}

export interface StepDuration {
  step: string;
  count: number;
  medianHours: number;
  slowestHours: number;
}

const HOUR = 3_600_000;
const round1 = (n: number) => Math.round(n * 10) / 10;

export function median(sorted: readonly number[]): number {
  if (sorted.length === 0) return 0;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One row per step, in the order `stepOrder` gives (steps it does not name come last). */
export function stepDurations(tasks: readonly FinishedTask[], stepOrder: readonly string[] = []): StepDuration[] {
  const byStep = new Map<string, number[]>();
  for (const t of tasks) {
    const hours = Math.max(0, t.completedAt - t.createdAt) / HOUR;
    // Appended in place: a year of a big bureau is ~190,000 tasks (copying the list for each took a minute).
    const list = byStep.get(t.step);
    if (list) list.push(hours);
    else byStep.set(t.step, [hours]);
  }
  const rank = (step: string) => {
    const i = stepOrder.indexOf(step);
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  return [...byStep.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([step, hours]) => {
      const sorted = hours.sort((x, y) => x - y);
      return { step, count: sorted.length, medianHours: round1(median(sorted)), slowestHours: round1(sorted[sorted.length - 1]!) };
    });
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
