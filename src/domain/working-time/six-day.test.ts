import { describe, expect, it } from 'vitest';
import { dayFromCivil } from './civil-date.ts';
import { deriveSixDayYear } from './six-day.ts';
import { shippedCalendar } from './test-support.ts';

/**
 * Working days per month of the six-day week as derived from art. 112 (docs/working-time.md).
 * No published six-day table was found to compare with; these pin the derivation.
 */
const DERIVED: Record<number, number[]> = {
  2018: [20, 23, 26, 25, 25, 25, 26, 27, 25, 27, 25, 26],
  2019: [20, 23, 25, 26, 25, 24, 27, 27, 25, 27, 25, 26],
  2020: [20, 24, 25, 26, 24, 25, 27, 26, 26, 27, 24, 27],
  2021: [19, 23, 26, 26, 24, 25, 27, 26, 26, 26, 25, 27],
  2022: [19, 23, 26, 26, 24, 25, 26, 27, 26, 26, 25, 27],
  2023: [20, 23, 26, 25, 25, 25, 26, 27, 26, 26, 25, 26],
  2024: [20, 24, 25, 26, 25, 24, 27, 27, 25, 27, 25, 26],
  2025: [20, 23, 25, 26, 25, 24, 27, 26, 26, 27, 24, 27],
  2026: [20, 23, 25, 26, 24, 25, 27, 26, 26, 27, 24, 27],
  2027: [19, 23, 26, 26, 24, 25, 27, 26, 26, 26, 25, 27],
};

describe('six-day week derived from Labour Code art. 112', () => {
  const calendar = shippedCalendar('six_day');
  it.each(Object.entries(DERIVED))('%s: working days per month', (y, months) => {
    const year = Number(y);
    const counts = months.map((_, i) => calendar.countWorkingDays(dayFromCivil(year, i + 1, 1), dayFromCivil(year, i + 2, 1) - 1));
    expect(counts).toEqual(months);
  });

  it('2026: 300 working days; the five-day decree transfers (9 Jan, 31 Dec) do not apply', () => {
    expect(calendar.countWorkingDays('2026-01-01', '2026-12-31')).toBe(300);
    expect(calendar.isWorkingDay('2026-01-09')).toBe(true);
    expect(calendar.dayKind('2026-12-31')).toBe('short'); // works, pre-holiday before 1 Jan 2027
  });
  it('a Saturday holiday is off on that Saturday; nothing moves', () => {
    expect(calendar.dayKind('2026-05-09')).toBe('holiday');
    expect(calendar.isWorkingDay('2026-05-11')).toBe(true);
    expect(calendar.dayKind('2026-05-08')).toBe('short');
  });
  it('a Sunday holiday moves to Monday (8 March 2026 → 9 March); Saturday before it is short', () => {
    expect(calendar.dayKind('2026-03-09')).toBe('holiday');
    expect(calendar.dayKind('2026-03-07')).toBe('short');
    expect(calendar.dayKind('2026-03-08')).toBe('weekend');
  });
  it('January holidays on a Sunday do not move (4 Jan 2026)', () => {
    expect(calendar.isWorkingDay('2026-01-09')).toBe(true);
    expect(deriveSixDayYear(2026).holidays).not.toContain('2026-01-04');
  });
  it('Saturday 2025-11-01 is an ordinary full working day and Monday 3 Nov is worked (short)', () => {
    expect(calendar.dayKind('2025-11-01')).toBe('working');
    expect(calendar.dayKind('2025-11-03')).toBe('short');
  });
  it('a holiday on Monday gives no short day (the day before is Sunday): 23 Feb 2026', () => {
    expect(calendar.dayKind('2026-02-21')).toBe('working');
  });
  it('moves past another holiday: 23 Feb 2025 (Sunday) → Monday 24 Feb', () => {
    expect(deriveSixDayYear(2025).holidays).toContain('2025-02-24');
  });
  it('counts 3 working days after Friday 2026-05-08 as 12, 13, 14 May (Sat 9 May off, Mon 11 May worked)', () => {
    expect(calendar.addWorkingDays('2026-05-08', 3)).toBe('2026-05-13');
  });
});
