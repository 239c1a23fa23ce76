/**
 * Working-time engine of Opora: production calendars (five- and six-day week), school closures,
 * working-day arithmetic, business hours in the desk's time zone, and SLA deadlines.
 * Pure: no I/O, no clock, no environment. Conventions: docs/working-time.md.
 */
export {
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  civilFromDay,
  dayFromCivil,
  formatIsoDate,
  isoWeekday,
  parseIsoDate,
  toDayNumber,
  yearOfDay,
  type DateInput,
  type IsoWeekday,
} from './civil-date.ts';
export type { CalendarCoverage, CalendarData, CalendarFile, DayInfo, DayKind, WeekKind, YearData } from './types.ts';
export { parseCalendarFile, yearsFromFiles } from './calendar-file.ts';
export { isWeeklyDayOff } from './calendar-table.ts';
export { ART_112_HOLIDAYS, deriveSixDayYear, isArt112Holiday } from './six-day.ts';
export { MAX_YEAR, MIN_YEAR, createWorkCalendar, type DateOutput, type WorkCalendar, type WorkCalendarOptions } from './work-calendar.ts';
export { timeZone, type TimeZone } from './time-zone.ts';
export { DEFAULT_BUSINESS_HOURS, defaultBusinessHours, type BusinessHours, type OpeningWindow } from './business-hours.ts';
export type { Interval } from './intervals.ts';
export { createBusinessClock, type BusinessClock, type BusinessClockOptions } from './business-clock.ts';
export {
  computeDeadline,
  computeDeadlineWithPauses,
  endOfLocalDay,
  type DeadlineOptions,
  type NonWorkingLastDay,
  type Term,
  type TermUnit,
} from './deadline.ts';
export { SHIPPED_RU_CALENDARS } from './shipped-calendars.ts';
