/** Calendars for the clock tests: the real one, and one that stops at 2026 whatever the package knows. */
import { createWorkCalendar, packageHolidays } from '../calendar/index';
import type { ClockEvent } from './clock-events';

export const calendar = createWorkCalendar();
export const calendarUpTo2026 = createWorkCalendar({}, { ...packageHolidays, knownYears: new Set([2026]) });

export const on = (date: string, name: string, days?: number): ClockEvent => (days === undefined ? { name, date } : { name, date, days });
