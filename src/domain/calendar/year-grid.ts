/**
 * The familiar 12-month production-calendar grid of one year, computed from a WorkCalendar:
 * each day's kind and the monthly figures (working days, days off, hours of a 40- and 36-hour week).
 */
import { civilFromDay, dayFromCivil, isoWeekday, type DayKind, type WorkCalendar } from '../working-time/index.ts';

export interface GridDay {
  date: string;
  day: number;
  weekday: number;
  kind: DayKind;
  working: boolean;
}

export interface GridMonth {
  month: number;
  days: GridDay[];
  workingDays: number;
  daysOff: number;
  shortDays: number;
  /** Norm of hours for a 40-hour five-day week: 8 × working days − short days (art. 95). */
  hours40: number;
}

export interface YearGrid {
  year: number;
  months: GridMonth[];
  workingDays: number;
  daysOff: number;
  shortDays: number;
  hours40: number;
  /** True when the year had no production-calendar data and plain weekends were used. */
  fallback: boolean;
}

export function yearGrid(calendar: WorkCalendar, year: number): YearGrid {
  const months: GridMonth[] = [];
  let fallback = false;
  for (let month = 1; month <= 12; month += 1) {
    const first = dayFromCivil(year, month, 1);
    const next = month === 12 ? dayFromCivil(year + 1, 1, 1) : dayFromCivil(year, month + 1, 1);
    const days: GridDay[] = [];
    for (let day = first; day < next; day += 1) {
      const info = calendar.dayInfo(day);
      fallback ||= info.fallback;
      days.push({ date: info.date, day: civilFromDay(day).day, weekday: isoWeekday(day), kind: info.kind, working: info.working });
    }
    const workingDays = days.filter((d) => d.working).length;
    const shortDays = days.filter((d) => d.kind === 'short').length;
    months.push({ month, days, workingDays, daysOff: days.length - workingDays, shortDays, hours40: workingDays * 8 - shortDays });
  }
  const sum = (pick: (m: GridMonth) => number) => months.reduce((total, m) => total + pick(m), 0);
  return {
    year,
    months,
    workingDays: sum((m) => m.workingDays),
    daysOff: sum((m) => m.daysOff),
    shortDays: sum((m) => m.shortDays),
    hours40: sum((m) => m.hours40),
    fallback,
  };
}
