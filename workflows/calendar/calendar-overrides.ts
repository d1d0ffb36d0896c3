/**
 * What an admin may add on top of the package's holiday data, stored by the server and
 * passed to `createWorkCalendar`. The same schema validates the admin's input and the
 * calendar's own options, so a bad row is refused at entry, not at deadline time.
 */
import { z } from 'zod';
import { isIsoDate } from './iso-date';

export const isoDateSchema = z.string().refine(isIsoDate, { message: '日期格式应为 YYYY-MM-DD 且为有效日期' });

/**
 * One day whose status differs from the package: a holiday the package lacks (a year it
 * does not know yet, a local holiday) or a working day (调休上班 on a weekend, or a
 * package holiday cancelled). Overrides always win over the package.
 */
export const calendarOverrideSchema = z.strictObject({
  date: isoDateSchema,
  kind: z.enum(['workday', 'holiday']),
  note: z.string().max(200).optional(),
});
export type CalendarOverride = z.infer<typeof calendarOverrideSchema>;

export const calendarYearSchema = z.number().int().min(1949).max(9999);

/**
 * `knownYears`: years whose State Council notice the admin has entered completely as
 * overrides. A separate list rather than an override kind because a single override (a
 * local holiday, one make-up day) must not, by itself, declare a whole year settled.
 */
export const workCalendarOptionsSchema = z.strictObject({
  overrides: z.array(calendarOverrideSchema).optional(),
  knownYears: z.array(calendarYearSchema).optional(),
});
export type WorkCalendarOptions = z.infer<typeof workCalendarOptionsSchema>;
