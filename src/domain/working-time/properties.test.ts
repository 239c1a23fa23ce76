import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBusinessClock } from './business-clock.ts';
import { defaultBusinessHours } from './business-hours.ts';
import { DAY_MS, dayFromCivil, HOUR_MS } from './civil-date.ts';
import { computeDeadline, type TermUnit } from './deadline.ts';
import { shippedCalendar } from './test-support.ts';

const FIRST_DAY = dayFromCivil(2018, 1, 1);
const LAST_DAY = dayFromCivil(2027, 12, 31);
const day = fc.integer({ min: FIRST_DAY, max: LAST_DAY });
const instant = fc.integer({ min: FIRST_DAY * DAY_MS, max: (LAST_DAY + 1) * DAY_MS - 1 });
const businessDuration = fc.integer({ min: 0, max: 45 * HOUR_MS });

const calendars = { five_day: shippedCalendar('five_day'), six_day: shippedCalendar('six_day') };
const clocks = {
  moscow: createBusinessClock({ calendar: calendars.five_day }),
  berlin: createBusinessClock({ calendar: calendars.five_day, hours: defaultBusinessHours('five_day', 'Europe/Berlin') }),
  sixDay: createBusinessClock({ calendar: calendars.six_day, hours: defaultBusinessHours('six_day', 'Asia/Yekaterinburg') }),
};
const weekKind = fc.constantFrom('five_day' as const, 'six_day' as const);
const clockName = fc.constantFrom('moscow' as const, 'berlin' as const, 'sixDay' as const);

describe('working-day properties', () => {
  it('addWorkingDays lands on a working day and workingDaysBetween inverts it', () => {
    fc.assert(
      fc.property(
        weekKind,
        day,
        fc.integer({ min: -60, max: 60 }).filter((n) => n !== 0),
        (kind, d, n) => {
          const calendar = calendars[kind];
          const result = calendar.addWorkingDays(d, n);
          expect(calendar.isWorkingDay(result)).toBe(true);
          expect(calendar.workingDaysBetween(d, result)).toBe(n);
          expect(Math.sign(result - d)).toBe(Math.sign(n));
        },
      ),
      { numRuns: 2000 },
    );
  });
  it('workingDaysBetween recovers the day from addWorkingDays for working days', () => {
    fc.assert(
      fc.property(weekKind, day, day, (kind, a, b) => {
        const calendar = calendars[kind];
        const target = calendar.workingDayOnOrAfter(b);
        expect(calendar.addWorkingDays(a, calendar.workingDaysBetween(a, target))).toBe(target);
      }),
    );
  });
});

describe('business-time properties', () => {
  it('businessTimeBetween is additive: a→b + b→c = a→c', () => {
    fc.assert(
      fc.property(clockName, instant, instant, instant, (name, a, b, c) => {
        const clock = clocks[name];
        expect(clock.businessTimeBetween(a, b) + clock.businessTimeBetween(b, c)).toBe(clock.businessTimeBetween(a, c));
      }),
      { numRuns: 1000 },
    );
  });
  it('addBusinessTime then businessTimeBetween round-trips, and the result is never before the start', () => {
    fc.assert(
      fc.property(clockName, instant, businessDuration, (name, start, duration) => {
        const clock = clocks[name];
        const end = clock.addBusinessTime(start, duration);
        expect(end).toBeGreaterThanOrEqual(start);
        expect(clock.businessTimeBetween(start, end)).toBe(duration);
        if (duration > 0) expect(clock.isOpen(end - 1)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
  it('nextOpening is open and nothing is open between the instant and it', () => {
    fc.assert(
      fc.property(clockName, instant, (name, t) => {
        const clock = clocks[name];
        const opening = clock.nextOpening(t);
        expect(clock.isOpen(opening)).toBe(true);
        expect(clock.businessTimeBetween(t, opening)).toBe(0);
      }),
    );
  });
});

describe('deadline properties', () => {
  const unit = fc.constantFrom<TermUnit>('calendar_days', 'working_days', 'business_hours');
  it('deadlines are monotonic in the registration instant', () => {
    fc.assert(
      fc.property(clockName, unit, fc.integer({ min: 0, max: 30 }), instant, instant, (name, u, amount, a, b) => {
        const options = { clock: clocks[name] };
        const [early, late] = a <= b ? [a, b] : [b, a];
        const term = { amount, unit: u };
        expect(computeDeadline(early, term, options)).toBeLessThanOrEqual(computeDeadline(late, term, options));
        expect(computeDeadline(early, term, options)).toBeGreaterThanOrEqual(early);
      }),
      { numRuns: 1000 },
    );
  });
});
