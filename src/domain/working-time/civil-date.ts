/**
 * Civil (calendar) dates as integer day numbers.
 *
 * A civil date is represented by the number of days since 1970-01-01 (day 0), independent of any
 * time zone: `2026-01-01` is always day 20454. All arithmetic is integer arithmetic (Howard
 * Hinnant's `days_from_civil` algorithm), so nothing here allocates a `Date` or depends on the
 * machine's time zone.
 */

/** Milliseconds in a civil day (no leap seconds, as in ECMAScript time values). */
export const DAY_MS = 86_400_000;
/** Milliseconds in a minute. */
export const MINUTE_MS = 60_000;
/** Milliseconds in an hour. */
export const HOUR_MS = 3_600_000;

/** A civil date: either an ISO string `YYYY-MM-DD` or a day number since 1970-01-01. */
export type DateInput = string | number;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Day number (days since 1970-01-01) of a proleptic Gregorian date; `month` is 1–12. */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Inverse of {@link dayFromCivil}: the year, month (1–12) and day of a day number. */
export function civilFromDay(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The calendar year a day number falls in. */
export function yearOfDay(dayNumber: number): number {
  return civilFromDay(dayNumber).year;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number. 1970-01-01 was a Thursday. */
export function isoWeekday(dayNumber: number): IsoWeekday {
  return (((((dayNumber + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

function daysInMonth(year: number, month: number): number {
  return dayFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - dayFromCivil(year, month, 1);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses a strict ISO date `YYYY-MM-DD` into a day number.
 * @throws RangeError when the text is not a valid calendar date (e.g. `2026-02-30`).
 */
export function parseIsoDate(text: string): number {
  const m = ISO_DATE.exec(text);
  if (m === null) throw new RangeError(`Invalid date "${text}": expected YYYY-MM-DD`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Invalid date "${text}": no such calendar day`);
  }
  return dayFromCivil(year, month, day);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Formats a day number as `YYYY-MM-DD` (years 0–9999). */
export function formatIsoDate(dayNumber: number): string {
  const { year, month, day } = civilFromDay(dayNumber);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/**
 * Normalises a {@link DateInput} to a day number.
 * @throws RangeError for an invalid string or a non-integer number.
 */
export function toDayNumber(date: DateInput): number {
  if (typeof date === 'number') {
    if (!Number.isInteger(date)) throw new RangeError(`Invalid day number ${date}: expected an integer`);
    return date;
  }
  return parseIsoDate(date);
}
