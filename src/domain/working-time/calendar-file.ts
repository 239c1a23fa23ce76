/**
 * The project's production-calendar file format, `data/calendars/<country>/YYYY.json`:
 * `{ year, country, source, week5: YearData, week6: YearData }`. Validation here is shared by the
 * import script, the server (loading shipped or admin-edited calendars) and the tests.
 */
import { parseIsoDate } from './civil-date.ts';
import type { CalendarFile, WeekKind, YearData } from './types.ts';

function fail(message: string): never {
  throw new TypeError(`Invalid calendar file: ${message}`);
}

function dateList(value: unknown, where: string, year: number): string[] {
  if (!Array.isArray(value)) fail(`${where} must be an array of YYYY-MM-DD dates`);
  const seen = new Set<string>();
  return value.map((item: unknown) => {
    if (typeof item !== 'string') fail(`${where} must contain strings`);
    try {
      parseIsoDate(item);
    } catch {
      fail(`${where} has an invalid date "${item}"`);
    }
    if (!item.startsWith(`${year}-`)) fail(`${where} lists ${item}, outside ${year}`);
    if (seen.has(item)) fail(`${where} lists ${item} twice`);
    seen.add(item);
    return item;
  });
}

function yearData(value: unknown, where: string, year: number): YearData {
  if (typeof value !== 'object' || value === null) fail(`${where} must be an object`);
  const v = value as Record<string, unknown>;
  return {
    holidays: dateList(v['holidays'], `${where}.holidays`, year),
    workingWeekends: dateList(v['workingWeekends'], `${where}.workingWeekends`, year),
    shortDays: dateList(v['shortDays'], `${where}.shortDays`, year),
  };
}

/**
 * Validates parsed JSON as a {@link CalendarFile}.
 * @throws TypeError naming the first problem found.
 */
export function parseCalendarFile(json: unknown): CalendarFile {
  if (typeof json !== 'object' || json === null) fail('expected an object');
  const v = json as Record<string, unknown>;
  const year = v['year'];
  if (typeof year !== 'number' || !Number.isInteger(year)) fail('year must be an integer');
  if (year < 1990 || year > 2100) fail('year must be between 1990 and 2100');
  if (typeof v['country'] !== 'string' || v['country'] === '') fail('country must be a non-empty string');
  if (typeof v['source'] !== 'string') fail('source must be a string');
  return {
    year,
    country: v['country'],
    source: v['source'],
    week5: yearData(v['week5'], 'week5', year),
    week6: yearData(v['week6'], 'week6', year),
  };
}

/** The `years` input of `createWorkCalendar` for one week kind, from calendar files. */
export function yearsFromFiles(files: readonly CalendarFile[], weekKind: WeekKind): Record<number, YearData> {
  const years: Record<number, YearData> = {};
  for (const file of files) years[file.year] = weekKind === 'five_day' ? file.week5 : file.week6;
  return years;
}
