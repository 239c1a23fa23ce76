import { describe, expect, it } from 'vitest';
import { HOUR_MS, MINUTE_MS } from './civil-date.ts';
import { createBusinessClock } from './business-clock.ts';
import { defaultBusinessHours } from './business-hours.ts';
import { at, msk, shippedCalendar, shippedClock, showMsk } from './test-support.ts';

describe('business hours Mon–Fri 9:00–18:00 Moscow (regulation §6)', () => {
  const clock = shippedClock();
  it('Friday 2026-05-08 18:30 → next opening Tuesday 2026-05-12 09:00 (9–11 May are off)', () => {
    expect(showMsk(clock.nextOpening(msk('2026-05-08', '18:30')))).toBe('2026-05-12 09:00');
  });
  it('a request at 17:59 gets 1 minute that day', () => {
    expect(showMsk(clock.addBusinessTime(msk('2026-03-12', '17:59'), MINUTE_MS))).toBe('2026-03-12 18:00');
    expect(showMsk(clock.addBusinessTime(msk('2026-03-12', '17:59'), 2 * MINUTE_MS))).toBe('2026-03-13 09:01');
  });
  it('a request at 03:00 on a holiday starts at the next opening', () => {
    expect(showMsk(clock.addBusinessTime(msk('2026-01-07', '03:00'), HOUR_MS))).toBe('2026-01-12 10:00');
    expect(clock.businessTimeBetween(msk('2026-01-07', '03:00'), msk('2026-01-12', '09:00'))).toBe(0);
  });
  it('is open at 9:00, closed at 18:00; nextOpening of an open instant is the instant', () => {
    expect(clock.isOpen(msk('2026-03-12', '09:00'))).toBe(true);
    expect(clock.isOpen(msk('2026-03-12', '18:00'))).toBe(false);
    expect(clock.nextOpening(msk('2026-03-12', '12:34'))).toBe(msk('2026-03-12', '12:34'));
  });
  it('a short pre-holiday day ends at 17:00 (art. 95)', () => {
    expect(clock.isOpen(msk('2026-04-30', '16:59'))).toBe(true);
    expect(clock.isOpen(msk('2026-04-30', '17:00'))).toBe(false);
    expect(clock.businessTimeBetween(msk('2026-04-30', '00:00'), msk('2026-05-01', '00:00'))).toBe(8 * HOUR_MS);
  });
  it('the transferred working Saturday 2025-11-01 is open 9:00–17:00 (short)', () => {
    expect(clock.isOpen(msk('2025-11-01', '10:00'))).toBe(true);
    expect(showMsk(clock.nextOpening(msk('2025-11-01', '17:00')))).toBe('2025-11-05 09:00');
  });
  it('counts 45 h of business time over the New Year holidays', () => {
    expect(showMsk(clock.addBusinessTime(msk('2025-12-30', '09:00'), 45 * HOUR_MS))).toBe('2026-01-15 18:00'); // 9 h on 30 Dec + 4 × 9 h;
  });
  it('excludes pauses (waiting for the requester), overlapping pauses once', () => {
    const start = msk('2026-03-10', '09:00');
    const end = msk('2026-03-11', '18:00');
    const pauses = [
      { from: msk('2026-03-10', '12:00'), to: msk('2026-03-10', '14:00') },
      { from: msk('2026-03-10', '13:00'), to: msk('2026-03-10', '20:00') },
    ];
    expect(clock.businessTimeBetween(start, end, pauses)).toBe(12 * HOUR_MS);
    expect(() => clock.businessTimeBetween(start, end, [{ from: end, to: start }])).toThrow(RangeError);
  });
  it('is negative when the end is before the start', () => {
    expect(clock.businessTimeBetween(msk('2026-03-10', '10:00'), msk('2026-03-10', '09:00'))).toBe(-HOUR_MS);
  });
});

describe('six-day week with Saturday hours', () => {
  const calendar = shippedCalendar('six_day');
  const clock = createBusinessClock({ calendar, hours: defaultBusinessHours('six_day') });
  it('opens on Saturday 9:00–14:00, and 9:00–13:00 on a pre-holiday Saturday', () => {
    expect(clock.isOpen(msk('2026-03-14', '13:30'))).toBe(true);
    expect(clock.isOpen(msk('2026-03-07', '13:30'))).toBe(false);
    expect(showMsk(clock.nextOpening(msk('2026-03-07', '13:00')))).toBe('2026-03-10 09:00');
  });
  it('Friday 2026-05-08 18:30 → Monday 2026-05-11 09:00 (only Saturday 9 May is off)', () => {
    expect(showMsk(clock.nextOpening(msk('2026-05-08', '18:30')))).toBe('2026-05-11 09:00');
  });
});

describe('time zones other than Moscow', () => {
  it('Asia/Yekaterinburg (UTC+5): 9:00 local is 04:00 UTC', () => {
    const clock = createBusinessClock({ calendar: shippedCalendar(), hours: defaultBusinessHours('five_day', 'Asia/Yekaterinburg') });
    expect(clock.nextOpening(at(5, '2026-05-08', '18:30'))).toBe(at(5, '2026-05-12', '09:00'));
    expect(clock.isOpen(at(3, '2026-03-12', '16:30'))).toBe(false); // 18:30 in Yekaterinburg
  });
  it('Europe/Berlin across the DST change keeps 9:00–18:00 local (7 h then 8 h offset change)', () => {
    const empty = shippedCalendar();
    const clock = createBusinessClock({ calendar: empty, hours: defaultBusinessHours('five_day', 'Europe/Berlin') });
    expect(clock.nextOpening(at(1, '2026-03-27', '19:00'))).toBe(at(2, '2026-03-30', '09:00'));
    expect(clock.businessTimeBetween(at(1, '2026-03-27', '09:00'), at(2, '2026-03-30', '18:00'))).toBe(18 * HOUR_MS);
  });
  it('rejects an unknown zone and malformed windows', () => {
    const calendar = shippedCalendar();
    expect(() => createBusinessClock({ calendar, hours: { timeZone: 'Mars/Olympus', weekly: {} } })).toThrow(RangeError);
    const bad = { timeZone: 'Europe/Moscow', weekly: { 1: [{ from: '18:00', to: '09:00' }] } };
    expect(() => createBusinessClock({ calendar, hours: bad })).toThrow(RangeError);
    const never = createBusinessClock({ calendar, hours: { timeZone: 'Europe/Moscow', weekly: {}, transferredWorkingDay: [] } });
    expect(() => never.nextOpening(msk('2026-03-12'))).toThrow(/no opening window/);
  });
});

describe('closures and missing years in business time', () => {
  it('a closure day is closed all day', () => {
    const clock = shippedClock(undefined, shippedCalendar('five_day', { closures: ['2026-03-12'] }));
    expect(clock.isOpen(msk('2026-03-12', '10:00'))).toBe(false);
    expect(showMsk(clock.addBusinessTime(msk('2026-03-11', '17:00'), 2 * HOUR_MS))).toBe('2026-03-13 10:00');
  });
  it('running past the shipped data uses plain weekends and reports the year', () => {
    const warned: number[] = [];
    const clock = shippedClock(undefined, shippedCalendar('five_day', { onFallbackYear: (year) => warned.push(year) }));
    // 2027-12-31 is off (moved from 3 Jan); 2028 has no data, so 3 Jan 2028 (Monday) counts as working
    expect(showMsk(clock.addBusinessTime(msk('2027-12-30', '17:00'), 2 * HOUR_MS))).toBe('2028-01-03 10:00');
    expect(warned).toEqual([2028]);
  });
});
