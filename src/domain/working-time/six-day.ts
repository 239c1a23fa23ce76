/**
 * Production calendar of the six-day week (Monday–Saturday worked, Sunday the weekly day off),
 * derived from the list of public holidays of Labour Code art. 112. See docs/working-time.md.
 *
 * Rules (Labour Code art. 95, 111, 112):
 * 1. every non-working public holiday of art. 112 part 1 is a day off;
 * 2. a holiday falling on Sunday (the weekly day off) gives a day off on the next working day
 *    (art. 112 part 2) — except the January holidays (1–8 January), which are not moved;
 * 3. a holiday falling on Saturday is off on that Saturday, nothing moves (Saturday is a working day);
 * 4. the government's yearly transfer decree (art. 112 part 5) moves days off of the five-day week
 *    only, so it is not applied;
 * 5. a working day immediately before a public holiday is one hour shorter (art. 95 part 1).
 */
import { civilFromDay, dayFromCivil, formatIsoDate, isoWeekday } from './civil-date.ts';
import type { YearData } from './types.ts';

/** Non-working public holidays of Labour Code art. 112 part 1 (in force since 2013), as [month, day]. */
export const ART_112_HOLIDAYS: ReadonlyArray<readonly [number, number]> = [
  [1, 1],
  [1, 2],
  [1, 3],
  [1, 4],
  [1, 5],
  [1, 6],
  [1, 7],
  [1, 8],
  [2, 23],
  [3, 8],
  [5, 1],
  [5, 9],
  [6, 12],
  [11, 4],
];

const SUNDAY = 7;

/** True when the day number is one of the art. 112 public holidays. */
export function isArt112Holiday(dayNumber: number): boolean {
  const { month, day } = civilFromDay(dayNumber);
  return ART_112_HOLIDAYS.some(([m, d]) => m === month && d === day);
}

/**
 * Derives the six-day-week calendar of `year` from art. 112 (see the module rules).
 * `workingWeekends` is always empty: no transfer decree applies to the six-day week.
 */
export function deriveSixDayYear(year: number): YearData {
  const holidays = ART_112_HOLIDAYS.map(([m, d]) => dayFromCivil(year, m, d));
  const isHoliday = new Set(holidays);
  const off = new Set<number>();
  for (const day of holidays) if (isoWeekday(day) !== SUNDAY) off.add(day);
  for (const day of holidays) {
    if (isoWeekday(day) !== SUNDAY || civilFromDay(day).month === 1) continue;
    let moved = day + 1;
    while (isoWeekday(moved) === SUNDAY || isHoliday.has(moved) || off.has(moved)) moved++;
    off.add(moved);
  }
  const first = dayFromCivil(year, 1, 1);
  const end = dayFromCivil(year + 1, 1, 1);
  const shortDays: string[] = [];
  for (let day = first; day < end; day++) {
    const working = isoWeekday(day) !== SUNDAY && !off.has(day);
    if (working && isArt112Holiday(day + 1)) shortDays.push(formatIsoDate(day));
  }
  return {
    holidays: [...off].sort((a, b) => a - b).map(formatIsoDate),
    workingWeekends: [],
    shortDays,
  };
}
