/**
 * What the grid shows: the production-calendar months, optionally with a school's closure days
 * laid over them (a closed working day stops being a working day). Pure, so the page and the
 * school settings compute the same figures.
 */
import type { CalendarYearInfo, DayKind, DaySetting, GridDay, GridMonth, YearGrid } from './calendar-api.ts';

export interface ViewDay extends GridDay {
  /** The reason of a school closure on this day. */
  reason?: string;
}

export interface ViewMonth {
  month: number;
  days: ViewDay[];
  workingDays: number;
  daysOff: number;
  shortDays: number;
  /** Norm of hours of a 40-hour week (production calendar, closures do not change it). */
  hours40: number;
}

export interface ViewTotals {
  workingDays: number;
  daysOff: number;
  shortDays: number;
  hours40: number;
}

export function viewMonths(grid: YearGrid, closures?: ReadonlyMap<string, string>): ViewMonth[] {
  return grid.months.map((month) => {
    if (!closures || closures.size === 0) return { ...month };
    const days: ViewDay[] = month.days.map((day) => {
      const reason = closures.get(day.date);
      return reason === undefined ? day : { ...day, kind: 'closure', working: false, reason };
    });
    const workingDays = days.filter((d) => d.working).length;
    return {
      month: month.month,
      days,
      workingDays,
      daysOff: days.length - workingDays,
      shortDays: days.filter((d) => d.kind === 'short').length,
      hours40: month.hours40,
    };
  });
}

export function totalsOf(months: readonly Pick<GridMonth, 'workingDays' | 'daysOff' | 'shortDays' | 'hours40'>[]): ViewTotals {
  const sum = (pick: (m: ViewTotals) => number) => months.reduce((total, m) => total + pick(m), 0);
  return {
    workingDays: sum((m) => m.workingDays),
    daysOff: sum((m) => m.daysOff),
    shortDays: sum((m) => m.shortDays),
    hours40: sum((m) => m.hours40),
  };
}

/**
 * Norm of hours for a shorter working week (art. 95 and the Order of the Ministry of Health and
 * Social Development No. 588n): hours a day = weekly hours / 5, one hour less on a shortened day;
 * always counted on the five-day calendar, whatever the week kind of the organisation.
 */
export function hoursNorm(weeklyHours: number, fiveDay: { workingDays: number; shortDays: number }): number {
  return Math.round(((weeklyHours / 5) * fiveDay.workingDays - fiveDay.shortDays) * 10) / 10;
}

/** The menu choice that describes the day as it is now. */
export function settingOf(kind: DayKind): Exclude<DaySetting, 'default'> | null {
  if (kind === 'working' || kind === 'transferred_working') return 'working';
  if (kind === 'short') return 'short';
  if (kind === 'weekend' || kind === 'holiday') return 'holiday';
  return null;
}

/** Week rows Monday–Sunday, with `null` for the cells before the 1st and after the last day. */
export function weeksOf<T extends { weekday: number }>(days: readonly T[]): Array<Array<T | null>> {
  const cells: Array<T | null> = [...Array.from({ length: (days[0]?.weekday ?? 1) - 1 }, () => null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: Array<Array<T | null>> = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

/** A year from the URL, or null when it is not one the API accepts. */
export function parseYear(value: string | null): number | null {
  const year = Number(value);
  return value && Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR ? year : null;
}

/** Years to offer: those with data, the current one, the one shown, and the next missing one. */
export function yearOptions(years: readonly Pick<CalendarYearInfo, 'year'>[], current: number, shown: number): number[] {
  const set = new Set([...years.map((y) => y.year), current, shown]);
  let next = Math.max(...set) + 1;
  while (set.has(next)) next += 1;
  if (next <= MAX_YEAR) set.add(next);
  return [...set].sort((a, b) => a - b);
}
