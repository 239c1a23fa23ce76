/**
 * Imports Russia's production calendar from the shared data set
 * (`ru-production-calendar/YYYY.json`, five-day week) into the project's own format,
 * `data/calendars/ru/YYYY.json`, adding the six-day-week calendar derived from Labour Code
 * art. 112 (see docs/working-time.md).
 *
 * Usage: node scripts/import-shared-calendars.ts [sourceDir] [outDir]
 *   sourceDir defaults to ../shared/data/ru-production-calendar (beside the repository),
 *   outDir to data/calendars/ru.
 * The source's `workingDaysTotal` is checked against the engine's own count before writing.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as prettier from 'prettier';
import { dayFromCivil } from '../src/domain/working-time/civil-date.ts';
import { parseCalendarFile } from '../src/domain/working-time/calendar-file.ts';
import { deriveSixDayYear } from '../src/domain/working-time/six-day.ts';
import { createWorkCalendar } from '../src/domain/working-time/work-calendar.ts';
import type { CalendarFile, YearData } from '../src/domain/working-time/types.ts';

const repoRoot = resolve(import.meta.dirname, '..');
const sourceDir = resolve(process.argv[2] ?? join(repoRoot, '../shared/data/ru-production-calendar'));
const outDir = resolve(process.argv[3] ?? join(repoRoot, 'data/calendars/ru'));

interface SharedYear extends YearData {
  readonly year: number;
  readonly country: string;
  readonly source: string;
  readonly workingDaysTotal: number;
}

function readShared(file: string): SharedYear {
  const json = JSON.parse(readFileSync(join(sourceDir, file), 'utf8')) as SharedYear;
  if (!/^\d{4}\.json$/.test(file) || `${json.year}.json` !== file) throw new Error(`${file}: year mismatch`);
  return json;
}

function toProjectFormat(shared: SharedYear): CalendarFile {
  const week5: YearData = {
    holidays: shared.holidays,
    workingWeekends: shared.workingWeekends,
    shortDays: shared.shortDays,
  };
  return parseCalendarFile({
    year: shared.year,
    country: 'ru',
    source: `week5: ${shared.source}; week6: derived from Labour Code art. 112 by scripts/import-shared-calendars.ts`,
    week5,
    week6: deriveSixDayYear(shared.year),
  });
}

function checkTotal(file: CalendarFile, expected: number): void {
  const calendar = createWorkCalendar({ years: { [file.year]: file.week5 }, weekKind: 'five_day' });
  const total = calendar.countWorkingDays(`${file.year}-01-01`, `${file.year}-12-31`);
  if (total !== expected) throw new Error(`${file.year}: ${total} working days, source says ${expected}`);
}

/** JSON formatted by the project's Prettier settings, so `npm run format` leaves the files alone. */
async function format(file: CalendarFile): Promise<string> {
  const options = (await prettier.resolveConfig(join(outDir, 'x.json'))) ?? {};
  return prettier.format(JSON.stringify(file), { ...options, parser: 'json' });
}

function summary(file: CalendarFile): string {
  const cal6 = createWorkCalendar({ years: { [file.year]: file.week6 }, weekKind: 'six_day' });
  const months = Array.from({ length: 12 }, (_, i) => {
    return cal6.countWorkingDays(dayFromCivil(file.year, i + 1, 1), dayFromCivil(file.year, i + 2, 1) - 1);
  });
  const total = months.reduce((a, b) => a + b, 0);
  return `${file.year} six-day: ${months.join(' ')} = ${total}, short ${file.week6.shortDays.length}`;
}

mkdirSync(outDir, { recursive: true });
const files = readdirSync(sourceDir)
  .filter((f) => /^\d{4}\.json$/.test(f))
  .sort();
for (const name of files) {
  const shared = readShared(name);
  const file = toProjectFormat(shared);
  checkTotal(file, shared.workingDaysTotal);
  writeFileSync(join(outDir, name), await format(file));
  console.log(`${name}: written; ${summary(file)}`);
}
