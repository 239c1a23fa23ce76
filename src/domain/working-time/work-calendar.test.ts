import { describe, expect, it } from 'vitest';
import { civilFromDay, dayFromCivil } from './civil-date.ts';
import { shippedCalendar } from './test-support.ts';
import { createWorkCalendar } from './work-calendar.ts';
import type { WorkCalendar } from './work-calendar.ts';

/**
 * Official working days per month, five-day week, from the README of the shared production
 * calendar (all totals match the published yearly figures; 2027 is provisional).
 */
const OFFICIAL: Record<number, { months: number[]; total: number; shortDays: number; hours: number }> = {
  2018: { months: [17, 19, 20, 21, 20, 20, 22, 23, 20, 23, 21, 21], total: 247, shortDays: 6, hours: 1970 },
  2019: { months: [17, 20, 20, 22, 18, 19, 23, 22, 21, 23, 20, 22], total: 247, shortDays: 6, hours: 1970 },
  2020: { months: [17, 19, 21, 22, 17, 21, 23, 21, 22, 22, 20, 23], total: 248, shortDays: 5, hours: 1979 },
  2021: { months: [15, 19, 22, 22, 19, 21, 22, 22, 22, 21, 20, 22], total: 247, shortDays: 4, hours: 1972 },
  2022: { months: [16, 19, 22, 21, 18, 21, 21, 23, 22, 21, 21, 22], total: 247, shortDays: 3, hours: 1973 },
  2023: { months: [17, 18, 22, 20, 20, 21, 21, 23, 21, 22, 21, 21], total: 247, shortDays: 3, hours: 1973 },
  2024: { months: [17, 20, 20, 21, 20, 19, 23, 22, 21, 23, 21, 21], total: 248, shortDays: 5, hours: 1979 },
  2025: { months: [17, 20, 21, 22, 18, 19, 23, 21, 22, 23, 19, 22], total: 247, shortDays: 4, hours: 1972 },
  2026: { months: [15, 19, 21, 22, 19, 21, 23, 21, 22, 22, 20, 22], total: 247, shortDays: 4, hours: 1972 },
  2027: { months: [15, 19, 22, 22, 19, 21, 22, 22, 22, 21, 20, 22], total: 247, shortDays: 4, hours: 1972 },
};

function monthCounts(calendar: WorkCalendar, year: number): number[] {
  return Array.from({ length: 12 }, (_, i) => {
    const first = dayFromCivil(year, i + 1, 1);
    const last = dayFromCivil(i === 11 ? year + 1 : year, i === 11 ? 1 : i + 2, 1) - 1;
    return calendar.countWorkingDays(first, last);
  });
}

function shortDaysIn(calendar: WorkCalendar, year: number): number {
  let count = 0;
  for (let d = dayFromCivil(year, 1, 1); civilFromDay(d).year === year; d++) if (calendar.isShortDay(d)) count++;
  return count;
}

describe('five-day production calendar 2018–2027 (shipped data)', () => {
  const calendar = shippedCalendar('five_day');
  it.each(Object.entries(OFFICIAL))('%s: working days per month, total, short days and hours', (y, expected) => {
    const year = Number(y);
    const months = monthCounts(calendar, year);
    expect(months).toEqual(expected.months);
    expect(calendar.countWorkingDays(`${year}-01-01`, `${year}-12-31`)).toBe(expected.total);
    expect(shortDaysIn(calendar, year)).toBe(expected.shortDays);
    expect(8 * expected.total - expected.shortDays).toBe(expected.hours);
  });
  it('uses no fallback year for the shipped years', () => {
    expect(calendar.coverage()).toEqual({ dataYears: Object.keys(OFFICIAL).map(Number), fallbackYearsUsed: [] });
  });
});

describe('day kinds', () => {
  const calendar = shippedCalendar('five_day');
  it.each([
    ['2026-01-01', 'holiday'],
    ['2026-01-09', 'holiday'], // moved from Saturday 3 January by decree No. 1466
    ['2026-01-10', 'weekend'],
    ['2026-01-12', 'working'],
    ['2025-11-01', 'short'], // working Saturday (moved from Monday 3 Nov), pre-holiday
    ['2024-12-28', 'transferred_working'], // working Saturday, full day
    ['2026-05-08', 'short'],
    ['2026-05-09', 'weekend'], // Victory Day on a Saturday: the five-day calendar lists weekdays only
    ['2026-12-31', 'holiday'], // moved from Sunday 4 January
  ] as const)('%s is %s', (date, kind) => {
    expect(calendar.dayKind(date)).toBe(kind);
  });
  it('reports the transferred working Saturday 2025-11-01 as working, short and transferred', () => {
    expect(calendar.dayInfo('2025-11-01')).toMatchObject({ working: true, short: true, transferredWorking: true });
    expect(calendar.isWorkingDay('2025-11-03')).toBe(false);
  });
  it('rejects invalid dates', () => {
    expect(() => calendar.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('30.12.2025')).toThrow(RangeError);
    expect(() => calendar.isWorkingDay(1.5)).toThrow(RangeError);
  });
});

describe('working-day arithmetic (the start day never counts)', () => {
  const calendar = shippedCalendar('five_day');
  it('3 working days after Monday 2026-03-02 is Thursday 2026-03-05', () => {
    expect(calendar.addWorkingDays('2026-03-02', 3)).toBe('2026-03-05');
  });
  it('3 working days after 30 Dec 2025 is 14 Jan 2026 (31 Dec 2025 and 1–11 Jan 2026 are off)', () => {
    expect(calendar.isWorkingDay('2025-12-31')).toBe(false);
    expect(calendar.addWorkingDays('2025-12-30', 3)).toBe('2026-01-14');
    expect(calendar.workingDaysBetween('2025-12-30', '2026-01-14')).toBe(3);
  });
  it('a non-working start day: 1 working day after Saturday is Monday', () => {
    expect(calendar.addWorkingDays('2026-03-14', 1)).toBe('2026-03-16');
    expect(calendar.addWorkingDays('2026-03-14', -1)).toBe('2026-03-13');
  });
  it('counts the transferred working Saturday 2025-11-01', () => {
    expect(calendar.addWorkingDays('2025-10-31', 1)).toBe('2025-11-01');
    expect(calendar.addWorkingDays('2025-11-01', 1)).toBe('2025-11-05');
  });
  it('keeps the input type: day number in, day number out; 0 days returns the date', () => {
    const day = dayFromCivil(2026, 3, 2);
    expect(calendar.addWorkingDays(day, 3)).toBe(day + 3);
    expect(calendar.addWorkingDays('2026-03-07', 0)).toBe('2026-03-07');
  });
  it('workingDaysBetween is signed', () => {
    expect(calendar.workingDaysBetween('2026-03-05', '2026-03-02')).toBe(-3);
    expect(calendar.workingDaysBetween('2026-03-02', '2026-03-02')).toBe(0);
  });
  it('adds calendar days and moves a non-working last day (art. 14)', () => {
    expect(calendar.addCalendarDays('2026-04-24', 7)).toBe('2026-05-01');
    expect(calendar.addCalendarDays('2026-04-24', 7, { moveToNextWorkingDay: true })).toBe('2026-05-04');
    expect(calendar.workingDayOnOrBefore('2026-05-01')).toBe('2026-04-30');
    expect(calendar.workingDayOnOrAfter('2026-04-30')).toBe('2026-04-30');
  });
});

describe('closures (quarantine and other days a school is closed)', () => {
  const calendar = shippedCalendar('five_day', { closures: ['2026-02-09', '2026-02-10', '2026-02-14'] });
  it('makes working days non-working and leaves other days as they were', () => {
    expect(calendar.dayKind('2026-02-09')).toBe('closure');
    expect(calendar.isWorkingDay('2026-02-10')).toBe(false);
    expect(calendar.dayKind('2026-02-14')).toBe('weekend');
  });
  it('is skipped by working-day arithmetic', () => {
    expect(calendar.addWorkingDays('2026-02-06', 1)).toBe('2026-02-11');
    expect(calendar.countWorkingDays('2026-02-01', '2026-02-28')).toBe(17);
  });
});

describe('missing years fall back to plain weekends, never silently', () => {
  it('warns once per fallback year and lists missing years', () => {
    const warned: number[] = [];
    const calendar = shippedCalendar('five_day', { onFallbackYear: (year) => warned.push(year) });
    expect(calendar.missingYears(2017, 2029)).toEqual([2017, 2028, 2029]);
    expect(calendar.isWorkingDay('2028-01-03')).toBe(true); // a Monday; the real calendar will differ
    expect(calendar.dayInfo('2028-01-03').fallback).toBe(true);
    expect(calendar.addWorkingDays('2027-12-30', 1)).toBe('2028-01-03'); // 2027-12-31 is off (moved from 3 Jan)
    expect(calendar.isWorkingDay('2028-05-01')).toBe(true);
    expect(warned).toEqual([2028]);
    expect(calendar.coverage().fallbackYearsUsed).toEqual([2028]);
  });
  it('uses Sunday only as the weekly day off for the six-day week', () => {
    const calendar = createWorkCalendar({ years: {}, weekKind: 'six_day' });
    expect(calendar.isWorkingDay('2030-01-05')).toBe(true); // Saturday
    expect(calendar.isWorkingDay('2030-01-06')).toBe(false); // Sunday
    expect(calendar.coverage()).toEqual({ dataYears: [], fallbackYearsUsed: [2030] });
  });
  it('reports a gap inside the data at creation', () => {
    const warned: number[] = [];
    const empty = { holidays: [], workingWeekends: [], shortDays: [] };
    createWorkCalendar({ years: { 2024: empty, 2026: empty }, weekKind: 'five_day', onFallbackYear: (y) => warned.push(y) });
    expect(warned).toEqual([2025]);
  });
  it('rejects a date listed under the wrong year', () => {
    const bad = { holidays: ['2025-05-01'], workingWeekends: [], shortDays: [] };
    expect(() => createWorkCalendar({ years: { 2026: bad }, weekKind: 'five_day' })).toThrow(/outside that year/);
  });
});
