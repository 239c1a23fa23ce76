/**
 * Per-year day flags of a production calendar, packed in a `Uint8Array` (one byte per day), and
 * the dense tables built from them (prefix counts of working days and the list of working days)
 * that make working-day arithmetic O(1).
 */
import { dayFromCivil, isoWeekday, parseIsoDate } from './civil-date.ts';
import type { WeekKind, YearData } from './types.ts';

/** The day is worked. */
export const F_WORKING = 1;
/** Worked pre-holiday day, one hour shorter (art. 95). */
export const F_SHORT = 2;
/** Saturday/Sunday made a working day by the transfer decree. */
export const F_TRANSFERRED = 4;
/** Listed as a holiday / moved day off in the production calendar. */
export const F_HOLIDAY = 8;
/** A working day closed by the school (quarantine etc.). */
export const F_CLOSURE = 16;
/** Year without production-calendar data: plain weekends were used. */
export const F_FALLBACK = 32;

/** True when `weekday` (ISO, 1–7) is a weekly day off for the week kind (art. 111). */
export function isWeeklyDayOff(weekKind: WeekKind, weekday: number): boolean {
  return weekKind === 'five_day' ? weekday >= 6 : weekday === 7;
}

function markDates(flags: Uint8Array, firstDay: number, dates: readonly string[], year: number, apply: (f: number) => number): void {
  for (const text of dates) {
    const day = parseIsoDate(text);
    const index = day - firstDay;
    if (index < 0 || index >= flags.length) {
      throw new RangeError(`Calendar year ${year} lists ${text}, which is outside that year`);
    }
    flags[index] = apply(flags[index] ?? 0);
  }
}

/**
 * Flags of every day of `year`: the weekly pattern of the week kind, overlaid with the
 * production-calendar lists (when `data` is given) and the school's closures.
 * @throws RangeError when `data` lists a date outside `year` or an invalid date.
 */
export function buildYearFlags(year: number, weekKind: WeekKind, data: YearData | undefined, closures: ReadonlySet<number>): Uint8Array {
  const firstDay = dayFromCivil(year, 1, 1);
  const flags = new Uint8Array(dayFromCivil(year + 1, 1, 1) - firstDay);
  for (let i = 0; i < flags.length; i++) {
    const weeklyOff = isWeeklyDayOff(weekKind, isoWeekday(firstDay + i));
    flags[i] = (weeklyOff ? 0 : F_WORKING) | (data === undefined ? F_FALLBACK : 0);
  }
  if (data !== undefined) {
    markDates(flags, firstDay, data.holidays, year, (f) => (f & ~F_WORKING) | F_HOLIDAY);
    markDates(flags, firstDay, data.workingWeekends, year, (f) => f | F_WORKING | F_TRANSFERRED);
    markDates(flags, firstDay, data.shortDays, year, (f) => ((f & F_WORKING) !== 0 ? f | F_SHORT : f));
  }
  for (let i = 0; i < flags.length; i++) {
    const f = flags[i] ?? 0;
    if ((f & F_WORKING) !== 0 && closures.has(firstDay + i)) flags[i] = (f & ~F_WORKING) | F_CLOSURE;
  }
  return flags;
}

/** Dense tables over a contiguous range of whole years. */
export interface DayTable {
  readonly firstYear: number;
  readonly lastYear: number;
  /** Day number of 1 January of `firstYear`. */
  readonly firstDay: number;
  /** Day number just after 31 December of `lastYear`. */
  readonly endDay: number;
  /** Flags per day, index = day − firstDay. */
  readonly flags: Uint8Array;
  /** `cum[i]` = number of working days in [firstDay, firstDay + i); length = days + 1. */
  readonly cum: Int32Array;
  /** Day numbers of the working days, ascending. */
  readonly working: Int32Array;
}

/** Concatenates per-year flags (`flagsOf(year)`) for `firstYear..lastYear` into a {@link DayTable}. */
export function buildDayTable(firstYear: number, lastYear: number, flagsOf: (year: number) => Uint8Array): DayTable {
  const firstDay = dayFromCivil(firstYear, 1, 1);
  const endDay = dayFromCivil(lastYear + 1, 1, 1);
  const flags = new Uint8Array(endDay - firstDay);
  for (let year = firstYear; year <= lastYear; year++) {
    flags.set(flagsOf(year), dayFromCivil(year, 1, 1) - firstDay);
  }
  const cum = new Int32Array(flags.length + 1);
  let count = 0;
  for (let i = 0; i < flags.length; i++) {
    cum[i] = count;
    if (((flags[i] ?? 0) & F_WORKING) !== 0) count++;
  }
  cum[flags.length] = count;
  const working = new Int32Array(count);
  for (let i = 0, k = 0; i < flags.length; i++) {
    if (((flags[i] ?? 0) & F_WORKING) !== 0) working[k++] = firstDay + i;
  }
  return { firstYear, lastYear, firstDay, endDay, flags, cum, working };
}
