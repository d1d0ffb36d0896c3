/**
 * Where a clock stands, computed from its rule and the events recorded so far.
 *
 * Counting follows the calendar's rule that the day of an event does not count: a clock
 * started on day S runs from S + 1. A pause opened on day P and closed on day R stands the
 * clock still on the days P + 1 … R, so the consultation's own days are the ones that do
 * not count toward the reply. A restart event counts from itself with the full length.
 */
import { addDays, compareDates, toDayNumber, yearOf, type IsoDate, type WorkCalendar } from '../calendar/index';
import type { ClockEvent } from './clock-events';
import type { ClockRule } from './clock-rule';

export interface DeadlineResult {
  /** The last day to act; null while the starting event has not happened. */
  due: IsoDate | null;
  /** The count ran into a year whose holiday notice is not known yet. */
  provisional: boolean;
  /** A pause is open: show "暂停中", not overdue. */
  paused: boolean;
  /** Units (working or calendar days, per the rule) the pauses added to the deadline. */
  daysPaused: number;
  /** The day the count runs from: the start event, or the latest restart. */
  startedOn: IsoDate | null;
  /** Units added by extensions. */
  extendedBy: number;
}

export interface ComputeDeadlineOptions {
  /**
   * Evaluate as of this day: later events are ignored and an open pause counts through
   * it. Without it an open pause has added nothing yet, so `due` is the earliest it can be.
   */
  asOf?: IsoDate;
}

/** Paused days are those after `from` up to and including `until`. */
interface PauseSpan {
  from: IsoDate;
  until: IsoDate;
}

const NOT_STARTED: DeadlineResult = { due: null, provisional: false, paused: false, daysPaused: 0, startedOn: null, extendedBy: 0 };

/**
 * @example
 * computeDeadline(defaultClockRule('request_reply'), [
 *   { name: 'request.received', date: '2026-09-25' },
 *   { name: 'consultation.started', date: '2026-10-12' },
 *   { name: 'consultation.ended', date: '2026-10-16' },
 * ], calendar);
 * // → { due: '2026-11-04', provisional: false, paused: false, daysPaused: 4, startedOn: '2026-09-25', extendedBy: 0 }
 */
export function computeDeadline(rule: ClockRule, events: readonly ClockEvent[], calendar: WorkCalendar, options: ComputeDeadlineOptions = {}): DeadlineResult {
  const { asOf } = options;
  events.forEach((event) => toDayNumber(event.date));
  // A stable sort keeps the recorded order of events on the same day.
  const sorted = [...events]
    .filter((event) => asOf === undefined || compareDates(event.date, asOf) <= 0)
    .sort((a, b) => compareDates(a.date, b.date));

  const firstStart = sorted.findIndex((event) => event.name === rule.start);
  if (firstStart < 0) return NOT_STARTED;
  const anchorNames = new Set([rule.start, ...(rule.restartOn ?? [])]);
  let anchor = firstStart;
  sorted.forEach((event, index) => {
    if (index > firstStart && anchorNames.has(event.name)) anchor = index;
  });
  const startedOn = sorted[anchor]!.date;
  // Pauses and extensions before a restart belonged to the clock that was restarted.
  const since = sorted.slice(anchor + 1);

  const { spans, open } = pauseSpans(rule, since, asOf);
  const extendedBy = extensionDays(rule, since);
  const isPaused = (date: IsoDate) => spans.some((span) => compareDates(span.from, date) < 0 && compareDates(date, span.until) <= 0);

  const counts = rule.unit === 'working_days' ? (date: IsoDate) => calendar.isWorkingDay(date) : () => true;
  let remaining = rule.length + extendedBy;
  let date = startedOn;
  let daysPaused = 0;
  let provisional = false;
  while (remaining > 0) {
    date = addDays(date, 1);
    if (rule.unit === 'working_days' && !calendar.isYearKnown(yearOf(date))) provisional = true;
    if (!counts(date)) continue;
    if (isPaused(date)) daysPaused += 1;
    else remaining -= 1;
  }
  return { due: date, provisional, paused: open, daysPaused, startedOn, extendedBy };
}

function pauseSpans(rule: ClockRule, events: readonly ClockEvent[], asOf: IsoDate | undefined): { spans: PauseSpan[]; open: boolean } {
  const spans: PauseSpan[] = [];
  let open = false;
  for (const pause of rule.pauses ?? []) {
    let openedOn: IsoDate | null = null;
    for (const event of events) {
      if (event.name === pause.from && openedOn === null) openedOn = event.date;
      else if (event.name === pause.until && openedOn !== null) {
        spans.push({ from: openedOn, until: event.date });
        openedOn = null;
      }
    }
    if (openedOn !== null) {
      open = true;
      if (asOf !== undefined && compareDates(openedOn, asOf) < 0) spans.push({ from: openedOn, until: asOf });
    }
  }
  return { spans, open };
}

/** Each extension applies once; an event's `days` may grant less than the rule's maximum. */
function extensionDays(rule: ClockRule, events: readonly ClockEvent[]): number {
  let total = 0;
  for (const extension of rule.extensions ?? []) {
    const granted = events.find((event) => event.name === extension.on);
    if (!granted) continue;
    const days = granted.days;
    total += days !== undefined && Number.isSafeInteger(days) && days >= 0 ? Math.min(days, extension.length) : extension.length;
  }
  return total;
}
