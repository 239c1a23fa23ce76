/**
 * Editing one production-calendar year by hand and comparing two versions of it (for the import
 * report). Pure: works on the YearData lists only.
 */
import { isoWeekday, parseIsoDate, type WeekKind, type YearData } from '../working-time/index.ts';

/** What an admin can set a day to. `default` returns it to the week's normal rule. */
export type DaySetting = 'working' | 'short' | 'holiday' | 'default';

function isWeeklyDayOff(weekKind: WeekKind, date: string): boolean {
  const weekday = isoWeekday(parseIsoDate(date));
  return weekKind === 'five_day' ? weekday >= 6 : weekday === 7;
}

/** Returns the year with `date` set as asked; the lists stay sorted and free of duplicates. */
export function setDay(data: YearData, weekKind: WeekKind, date: string, setting: DaySetting): YearData {
  const without = (list: readonly string[]) => list.filter((d) => d !== date);
  let holidays = without(data.holidays);
  let workingWeekends = without(data.workingWeekends);
  let shortDays = without(data.shortDays);
  const dayOff = isWeeklyDayOff(weekKind, date);
  if (setting === 'holiday' && !dayOff) holidays = [...holidays, date];
  if ((setting === 'working' || setting === 'short') && dayOff) workingWeekends = [...workingWeekends, date];
  if (setting === 'short') shortDays = [...shortDays, date];
  const sorted = (list: string[]) => [...new Set(list)].sort();
  return { holidays: sorted(holidays), workingWeekends: sorted(workingWeekends), shortDays: sorted(shortDays) };
}

export interface YearDiff {
  addedHolidays: string[];
  removedHolidays: string[];
  addedWorkingWeekends: string[];
  removedWorkingWeekends: string[];
  addedShortDays: string[];
  removedShortDays: string[];
  changed: number;
}

export function diffYears(before: YearData | null, after: YearData): YearDiff {
  const added = (a: readonly string[], b: readonly string[]) => b.filter((d) => !a.includes(d));
  const diff = {
    addedHolidays: added(before?.holidays ?? [], after.holidays),
    removedHolidays: added(after.holidays, before?.holidays ?? []),
    addedWorkingWeekends: added(before?.workingWeekends ?? [], after.workingWeekends),
    removedWorkingWeekends: added(after.workingWeekends, before?.workingWeekends ?? []),
    addedShortDays: added(before?.shortDays ?? [], after.shortDays),
    removedShortDays: added(after.shortDays, before?.shortDays ?? []),
  };
  const changed = Object.values(diff).reduce((total, list) => total + list.length, 0);
  return { ...diff, changed };
}
