/**
 * Types shared by the working-time engine: production-calendar data as shipped in
 * `data/calendars/ru/YYYY.json`, and the per-school calendar input.
 */

/** Working week of an organisation (Labour Code art. 111): five days (Sat+Sun off) or six (Sun off). */
export type WeekKind = 'five_day' | 'six_day';

/**
 * One year of a production calendar for one kind of week. Dates are `YYYY-MM-DD` civil dates in
 * the desk's calendar (for Russia: Moscow dates).
 */
export interface YearData {
  /**
   * Days that are normally worked (Mon–Fri for the five-day week, Mon–Sat for the six-day week)
   * but are off: public holidays of Labour Code art. 112 and days off moved onto them.
   */
  readonly holidays: readonly string[];
  /** Weekly days off (Sat/Sun) made working days by the government's transfer decree. */
  readonly workingWeekends: readonly string[];
  /** Pre-holiday working days shortened by one hour (Labour Code art. 95 part 1). */
  readonly shortDays: readonly string[];
}

/**
 * Calendar input of one desk: production-calendar years plus the school's own closure days
 * (e.g. quarantine, a day the building is closed), which are treated as non-working days.
 */
export interface CalendarData {
  /** Production-calendar data by year; a missing year falls back to plain weekends (and is reported). */
  readonly years: Readonly<Record<number, YearData>>;
  /** Extra non-working days (`YYYY-MM-DD`) added by the school. */
  readonly closures?: readonly string[];
}

/** Kind of a civil day as shown to users. See {@link WorkCalendar.dayKind} for the precedence. */
export type DayKind = 'working' | 'weekend' | 'holiday' | 'transferred_working' | 'short' | 'closure';

/** Everything the calendar knows about one day. */
export interface DayInfo {
  /** Day number (days since 1970-01-01). */
  readonly day: number;
  /** `YYYY-MM-DD`. */
  readonly date: string;
  readonly kind: DayKind;
  /** True when the day is worked (after closures). */
  readonly working: boolean;
  /** True for a worked pre-holiday day, shortened by one hour (art. 95). */
  readonly short: boolean;
  /** True for a Saturday/Sunday made a working day by the transfer decree. */
  readonly transferredWorking: boolean;
  /** True when the year has no production-calendar data and plain weekends were used. */
  readonly fallback: boolean;
}

/** One shipped calendar file, `data/calendars/ru/YYYY.json`. */
export interface CalendarFile {
  readonly year: number;
  readonly country: string;
  /** Where the day lists came from. */
  readonly source: string;
  /** Calendar of the five-day week (Mon–Fri worked). */
  readonly week5: YearData;
  /** Calendar of the six-day week (Mon–Sat worked), derived from art. 112 (see docs/working-time.md). */
  readonly week6: YearData;
}

/** What the calendar covers, for admin warnings about missing production-calendar years. */
export interface CalendarCoverage {
  /** Years with production-calendar data, ascending. */
  readonly dataYears: readonly number[];
  /** Years without data that computations have used so far (plain-weekend fallback), ascending. */
  readonly fallbackYearsUsed: readonly number[];
}
