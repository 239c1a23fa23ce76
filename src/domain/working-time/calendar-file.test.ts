import { describe, expect, it } from 'vitest';
import { parseCalendarFile, yearsFromFiles } from './calendar-file.ts';
import { SHIPPED_RU_CALENDARS } from './shipped-calendars.ts';
import { deriveSixDayYear } from './six-day.ts';

describe('calendar files', () => {
  it('ships 2018–2027 with week6 equal to the art. 112 derivation', () => {
    expect(SHIPPED_RU_CALENDARS.map((f) => f.year)).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    for (const file of SHIPPED_RU_CALENDARS) expect(file.week6).toEqual(deriveSixDayYear(file.year));
  });
  it('selects one week kind per year', () => {
    const years = yearsFromFiles(SHIPPED_RU_CALENDARS, 'six_day');
    expect(years[2026]?.holidays).toContain('2026-05-09');
    expect(yearsFromFiles(SHIPPED_RU_CALENDARS, 'five_day')[2026]?.holidays).toContain('2026-12-31');
  });
  it('rejects malformed files with a clear message', () => {
    const week = { holidays: [], workingWeekends: [], shortDays: [] };
    const good = { year: 2030, country: 'ru', source: 'test', week5: week, week6: week };
    expect(parseCalendarFile(good).year).toBe(2030);
    expect(() => parseCalendarFile({ ...good, year: '2030' })).toThrow(/year must be an integer/);
    expect(() => parseCalendarFile({ ...good, week5: { ...week, holidays: ['2031-01-01'] } })).toThrow(/outside 2030/);
    expect(() => parseCalendarFile({ ...good, week6: { ...week, shortDays: ['2030-02-30'] } })).toThrow(/invalid date/);
    expect(() => parseCalendarFile({ ...good, week6: { ...week, shortDays: ['2030-01-09', '2030-01-09'] } })).toThrow(/twice/);
    expect(() => parseCalendarFile(null)).toThrow(TypeError);
  });
});
