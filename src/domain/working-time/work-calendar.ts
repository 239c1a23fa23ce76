/**
 * The production calendar of one desk: which civil days are worked, and working-day arithmetic.
 *
 * Implements Labour Code art. 111–112 (weekly days off, public holidays and the government's
 * transfers of days off), art. 95 (pre-holiday days one hour shorter) and art. 14 (a term in
 * calendar days whose last day is non-working ends on the next working day). The regulation's
 * "3 working days" (training of new staff, §2 item 1) is counted with {@link WorkCalendar.addWorkingDays}.
 *
 * All lookups are O(1) on dense per-year tables built once (and grown when a query leaves them).
 */
import { formatIsoDate, parseIsoDate, toDayNumber, yearOfDay, type DateInput } from './civil-date.ts';
import {
  buildDayTable,
  buildYearFlags,
  F_CLOSURE,
  F_FALLBACK,
  F_HOLIDAY,
  F_SHORT,
  F_TRANSFERRED,
  F_WORKING,
  type DayTable,
} from './calendar-table.ts';
import type { CalendarCoverage, CalendarData, DayInfo, DayKind, WeekKind, YearData } from './types.ts';

/** Earliest and latest years the engine computes (a guard against runaway growth). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

/** The output type matches the input: a `YYYY-MM-DD` string in, a string out; a day number in, a number out. */
export type DateOutput<D extends DateInput> = D extends string ? string : number;

/** Options of {@link createWorkCalendar}. */
export interface WorkCalendarOptions extends CalendarData {
  /** Five-day (Sat+Sun off) or six-day (Sun off) week; selects the weekly days off of the fallback. */
  readonly weekKind: WeekKind;
  /**
   * Called once per year the calendar has to compute without production-calendar data (plain
   * weekends are used instead), so the server can warn the admins. Tables cover whole contiguous
   * years, so a query in 2035 with data up to 2027 reports 2028–2035. Never silent: see also
   * {@link WorkCalendar.coverage} and {@link WorkCalendar.missingYears}.
   */
  readonly onFallbackYear?: (year: number) => void;
}

/** Working-day calendar of one desk. Every date argument is a `YYYY-MM-DD` string or a day number. */
export interface WorkCalendar {
  readonly weekKind: WeekKind;
  /** True when the day is worked: not a weekly day off, holiday, moved day off or closure (art. 111–112). */
  isWorkingDay(date: DateInput): boolean;
  /** True for a worked pre-holiday day, one hour shorter (art. 95 part 1). */
  isShortDay(date: DateInput): boolean;
  /**
   * Kind of the day. Precedence: `closure` (a working day closed by the school) › `holiday`
   * (listed day off) › `weekend` (weekly day off) for non-working days; `short` ›
   * `transferred_working` › `working` for worked days (a short working Saturday is `short`).
   * A public holiday falling on a weekly day off is reported as `weekend` for the five-day week,
   * because the production calendar lists only weekday holidays.
   */
  dayKind(date: DateInput): DayKind;
  /** All flags of the day, see {@link DayInfo}. */
  dayInfo(date: DateInput): DayInfo;
  /**
   * `date` + `n` calendar days. With `moveToNextWorkingDay`, a result on a non-working day moves
   * to the next working day (Labour Code art. 14 part 4).
   */
  addCalendarDays<D extends DateInput>(date: D, n: number, options?: { moveToNextWorkingDay?: boolean }): DateOutput<D>;
  /**
   * The `n`-th working day after `date` (n > 0) or before it (n < 0); `n = 0` returns `date`.
   * The start day never counts, whether it is worked or not: 3 working days after Monday 2026-03-02
   * is Thursday 2026-03-05; 1 working day after Saturday is the next working day (Monday).
   */
  addWorkingDays<D extends DateInput>(date: D, n: number): DateOutput<D>;
  /**
   * Signed working-day distance, the inverse of {@link addWorkingDays}: for `a ≤ b` the number of
   * working days in (a, b]; for `b < a` minus the number in [b, a). So
   * `addWorkingDays(a, workingDaysBetween(a, b)) === b` for every working day `b`.
   */
  workingDaysBetween(a: DateInput, b: DateInput): number;
  /** Number of working days in [from, to], both ends included (0 when `to < from`). */
  countWorkingDays(from: DateInput, to: DateInput): number;
  /** `date` itself when worked, else the next working day (art. 14 part 4). */
  workingDayOnOrAfter<D extends DateInput>(date: D): DateOutput<D>;
  /** `date` itself when worked, else the previous working day (an internal target before a legal term). */
  workingDayOnOrBefore<D extends DateInput>(date: D): DateOutput<D>;
  /** Years in [fromYear, toYear] without production-calendar data (they fall back to plain weekends). */
  missingYears(fromYear: number, toYear: number): number[];
  /** Data years and the fallback years used so far. */
  coverage(): CalendarCoverage;
}

function sameKind<D extends DateInput>(input: D, day: number): DateOutput<D> {
  return (typeof input === 'string' ? formatIsoDate(day) : day) as DateOutput<D>;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Year ${year} is outside the supported range ${MIN_YEAR}–${MAX_YEAR}`);
  }
}

function kindOf(flags: number): DayKind {
  if ((flags & F_CLOSURE) !== 0) return 'closure';
  if ((flags & F_WORKING) === 0) return (flags & F_HOLIDAY) !== 0 ? 'holiday' : 'weekend';
  if ((flags & F_SHORT) !== 0) return 'short';
  return (flags & F_TRANSFERRED) !== 0 ? 'transferred_working' : 'working';
}

/**
 * Builds the working-day calendar of a desk from production-calendar years, the week kind and the
 * school's closures. Data years are validated eagerly.
 * @throws RangeError for an invalid date or a date listed under the wrong year.
 */
export function createWorkCalendar(options: WorkCalendarOptions): WorkCalendar {
  const { weekKind, onFallbackYear } = options;
  const years = new Map<number, YearData>();
  for (const [key, data] of Object.entries(options.years)) {
    checkYear(Number(key));
    years.set(Number(key), data);
  }
  const dataYears = [...years.keys()].sort((a, b) => a - b);
  const closures = new Set((options.closures ?? []).map(parseIsoDate));
  const yearFlags = new Map<number, Uint8Array>();
  const fallbackUsed = new Set<number>();

  function flagsOf(year: number): Uint8Array {
    let flags = yearFlags.get(year);
    if (flags === undefined) {
      const data = years.get(year);
      flags = buildYearFlags(year, weekKind, data, closures);
      yearFlags.set(year, flags);
      if (data === undefined && !fallbackUsed.has(year)) {
        fallbackUsed.add(year);
        onFallbackYear?.(year);
      }
    }
    return flags;
  }

  let table: DayTable | undefined;
  function cover(firstYear: number, lastYear: number): DayTable {
    if (table !== undefined && firstYear >= table.firstYear && lastYear <= table.lastYear) return table;
    const from = table === undefined ? firstYear : Math.min(firstYear, table.firstYear);
    const to = table === undefined ? lastYear : Math.max(lastYear, table.lastYear);
    checkYear(from);
    checkYear(to);
    table = buildDayTable(from, to, flagsOf);
    return table;
  }
  if (dataYears.length > 0) cover(dataYears[0] ?? 0, dataYears[dataYears.length - 1] ?? 0);

  function tableFor(day: number): DayTable {
    if (table !== undefined && day >= table.firstDay && day < table.endDay) return table;
    const year = yearOfDay(day);
    return cover(year, year);
  }
  function flagsAt(day: number): number {
    const t = tableFor(day);
    return t.flags[day - t.firstDay] ?? 0;
  }
  function isWorking(day: number): boolean {
    return (flagsAt(day) & F_WORKING) !== 0;
  }

  function addWorking(day: number, n: number): number {
    if (!Number.isInteger(n)) throw new RangeError(`Working-day count must be an integer, got ${n}`);
    let t = tableFor(day);
    if (n === 0) return day;
    for (;;) {
      const index = n > 0 ? (t.cum[day - t.firstDay + 1] ?? 0) + n - 1 : (t.cum[day - t.firstDay] ?? 0) + n;
      if (index >= 0 && index < t.working.length) return t.working[index] ?? day;
      const extraYears = 1 + Math.floor(Math.abs(index < 0 ? index : index - t.working.length) / 250);
      t = n > 0 ? cover(t.firstYear, t.lastYear + extraYears) : cover(t.firstYear - extraYears, t.lastYear);
    }
  }

  /** A table containing both days. */
  function tableSpanning(a: number, b: number): DayTable {
    const t = tableFor(a);
    if (b >= t.firstDay && b < t.endDay) return t;
    return cover(yearOfDay(Math.min(a, b)), yearOfDay(Math.max(a, b)));
  }

  function between(a: number, b: number): number {
    const t = tableSpanning(a, b);
    const at = (day: number): number => t.cum[day - t.firstDay] ?? 0;
    return a <= b ? at(b + 1) - at(a + 1) : -(at(a) - at(b));
  }

  function countInclusive(a: number, b: number): number {
    if (b < a) return 0;
    const t = tableSpanning(a, b);
    return (t.cum[b - t.firstDay + 1] ?? 0) - (t.cum[a - t.firstDay] ?? 0);
  }

  return {
    weekKind,
    isWorkingDay: (date) => isWorking(toDayNumber(date)),
    isShortDay: (date) => (flagsAt(toDayNumber(date)) & (F_WORKING | F_SHORT)) === (F_WORKING | F_SHORT),
    dayKind: (date) => kindOf(flagsAt(toDayNumber(date))),
    dayInfo(date) {
      const day = toDayNumber(date);
      const flags = flagsAt(day);
      const working = (flags & F_WORKING) !== 0;
      return {
        day,
        date: formatIsoDate(day),
        kind: kindOf(flags),
        working,
        short: working && (flags & F_SHORT) !== 0,
        transferredWorking: working && (flags & F_TRANSFERRED) !== 0,
        fallback: (flags & F_FALLBACK) !== 0,
      };
    },
    addCalendarDays(date, n, opts) {
      if (!Number.isInteger(n)) throw new RangeError(`Calendar-day count must be an integer, got ${n}`);
      const end = toDayNumber(date) + n;
      return sameKind(date, opts?.moveToNextWorkingDay === true && !isWorking(end) ? addWorking(end, 1) : end);
    },
    addWorkingDays: (date, n) => sameKind(date, addWorking(toDayNumber(date), n)),
    workingDaysBetween: (a, b) => between(toDayNumber(a), toDayNumber(b)),
    countWorkingDays: (from, to) => countInclusive(toDayNumber(from), toDayNumber(to)),
    workingDayOnOrAfter(date) {
      const day = toDayNumber(date);
      return sameKind(date, isWorking(day) ? day : addWorking(day, 1));
    },
    workingDayOnOrBefore(date) {
      const day = toDayNumber(date);
      return sameKind(date, isWorking(day) ? day : addWorking(day, -1));
    },
    missingYears(fromYear, toYear) {
      const missing: number[] = [];
      for (let year = fromYear; year <= toYear; year++) if (!years.has(year)) missing.push(year);
      return missing;
    },
    coverage: () => ({ dataYears: [...dataYears], fallbackYearsUsed: [...fallbackUsed].sort((a, b) => a - b) }),
  };
}
