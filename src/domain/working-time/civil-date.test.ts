import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilFromDay, dayFromCivil, formatIsoDate, isoWeekday, parseIsoDate } from './civil-date.ts';
import { timeZone } from './time-zone.ts';

describe('civil dates as day numbers', () => {
  it('matches known days and weekdays', () => {
    expect(dayFromCivil(1970, 1, 1)).toBe(0);
    expect(parseIsoDate('2026-01-01')).toBe(20454);
    expect(isoWeekday(parseIsoDate('2026-01-01'))).toBe(4); // Thursday
    expect(isoWeekday(parseIsoDate('2025-11-01'))).toBe(6); // Saturday
    expect(isoWeekday(-1)).toBe(3); // 1969-12-31, Wednesday
    expect(formatIsoDate(parseIsoDate('2024-02-29'))).toBe('2024-02-29');
  });
  it('round-trips and agrees with Date.UTC for any day 1900–2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_567, max: 84_000 }), (day) => {
        const { year, month, day: d } = civilFromDay(day);
        expect(dayFromCivil(year, month, d)).toBe(day);
        expect(Date.UTC(year, month - 1, d) / 86_400_000).toBe(day);
        expect(parseIsoDate(formatIsoDate(day))).toBe(day);
      }),
    );
  });
  it('rejects impossible dates', () => {
    for (const bad of ['2025-02-29', '2026-13-01', '2026-00-10', '2026-1-1', '']) {
      expect(() => parseIsoDate(bad)).toThrow(RangeError);
    }
  });
});

describe('time zones through Intl, not the machine zone', () => {
  it('Moscow is UTC+3 since 26 Oct 2014 and was +4 before', () => {
    const moscow = timeZone('Europe/Moscow');
    expect(moscow.offsetAt(Date.UTC(2026, 6, 1))).toBe(3 * 3_600_000);
    expect(moscow.offsetAt(Date.UTC(2014, 9, 25, 21, 59))).toBe(4 * 3_600_000);
    expect(moscow.offsetAt(Date.UTC(2014, 9, 25, 22, 0))).toBe(3 * 3_600_000);
  });
  it('resolves skipped and repeated local times like Temporal "compatible"', () => {
    const berlin = timeZone('Europe/Berlin');
    expect(berlin.fromLocalMs(Date.UTC(2026, 2, 29, 2, 30))).toBe(Date.UTC(2026, 2, 29, 1, 30));
    expect(berlin.fromLocalMs(Date.UTC(2026, 9, 25, 2, 30))).toBe(Date.UTC(2026, 9, 25, 0, 30));
    expect(berlin.localDay(Date.UTC(2026, 2, 28, 23, 30))).toBe(parseIsoDate('2026-03-29'));
  });
  it('round-trips local times in a DST zone', () => {
    const zone = timeZone('America/New_York');
    fc.assert(
      fc.property(fc.integer({ min: 1_500_000_000_000, max: 1_900_000_000_000 }), (ms) => {
        const local = zone.toLocalMs(ms);
        const back = zone.fromLocalMs(local);
        expect(zone.toLocalMs(back)).toBe(local);
      }),
    );
  });
});
