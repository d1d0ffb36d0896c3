/** The working-day calendar: State Council holidays and make-up days, plus admin overrides. */
export * from './iso-date';
export * from './calendar-overrides';
export * from './work-calendar';
export { packageHolidays, type HolidayData } from './package-holidays';
