import { describe, expect, it } from 'vitest';
import { createBusinessClock } from './business-clock.ts';
import { defaultBusinessHours } from './business-hours.ts';
import { computeDeadline, computeDeadlineWithPauses } from './deadline.ts';
import { at, msk, shippedCalendar, shippedClock, showMsk } from './test-support.ts';

const clock = shippedClock();
const days = (amount: number) => ({ amount, unit: 'calendar_days' as const });

describe('calendar-day terms (regulation §3–4: reviewed within 7 days; art. 14)', () => {
  it('7 days registered on 2026-11-26 end at 23:59:59.999 on 2026-12-03 Moscow time', () => {
    const deadline = computeDeadline(msk('2026-11-26', '15:20'), days(7), { clock });
    expect(showMsk(deadline)).toBe('2026-12-03 23:59:59.999');
  });
  it('a term ending on a holiday moves to the end of the next working day', () => {
    // 2026-04-24 + 7 = Friday 1 May (holiday), 2–3 May weekend → Monday 4 May
    expect(showMsk(computeDeadline(msk('2026-04-24', '10:00'), days(7), { clock }))).toBe('2026-05-04 23:59:59.999');
    const keep = computeDeadline(msk('2026-04-24', '10:00'), days(7), { clock, nonWorkingLastDay: 'keep' });
    expect(showMsk(keep)).toBe('2026-05-01 23:59:59.999');
    const internal = computeDeadline(msk('2026-04-24', '10:00'), days(7), { clock, nonWorkingLastDay: 'previous_working_day' });
    expect(showMsk(internal)).toBe('2026-04-30 23:59:59.999');
  });
  it('uses the local date of the registration: 22:30 UTC on 25 Nov is already 26 Nov in Moscow', () => {
    expect(showMsk(computeDeadline(Date.UTC(2026, 10, 25, 22, 30), days(7), { clock }))).toBe('2026-12-03 23:59:59.999');
  });
  it('a 7-day term registered on 2025-12-25 ends on 12 Jan 2026 (1 Jan is off and so is the run to 11 Jan)', () => {
    expect(showMsk(computeDeadline(msk('2025-12-25', '12:00'), days(7), { clock }))).toBe('2026-01-12 23:59:59.999');
  });
});

describe('working-day terms', () => {
  it('new staff trained within 3 working days (regulation §2.1): started Monday 2 March → Thursday 5 March', () => {
    const deadline = computeDeadline(msk('2026-03-02', '09:00'), { amount: 3, unit: 'working_days' }, { clock });
    expect(showMsk(deadline)).toBe('2026-03-05 23:59:59.999');
  });
  it('10 working days of a 152-FZ request over the May holidays', () => {
    const deadline = computeDeadline(msk('2026-04-29', '16:00'), { amount: 10, unit: 'working_days' }, { clock });
    // 30 Apr, 4–8 May, 12–15 May (1–3 and 9–11 May are off)
    expect(showMsk(deadline)).toBe('2026-05-15 23:59:59.999');
  });
});

describe('business-hour terms (Support Service, regulation §6)', () => {
  it('8 business hours from Friday 17:00 end Monday 16:00', () => {
    const deadline = computeDeadline(msk('2026-03-13', '17:00'), { amount: 8, unit: 'business_hours' }, { clock });
    expect(showMsk(deadline)).toBe('2026-03-16 16:00');
  });
  it('e-mail at 03:00 on a holiday: the clock starts at the next opening', () => {
    const deadline = computeDeadline(msk('2026-02-23', '03:00'), { amount: 2.5, unit: 'business_hours' }, { clock });
    expect(showMsk(deadline)).toBe('2026-02-24 11:30');
  });
  it('works in the school time zone (Asia/Yekaterinburg)', () => {
    const ekb = createBusinessClock({ calendar: shippedCalendar(), hours: defaultBusinessHours('five_day', 'Asia/Yekaterinburg') });
    const deadline = computeDeadline(at(5, '2026-03-13', '17:00'), { amount: 8, unit: 'business_hours' }, { clock: ekb });
    expect(deadline).toBe(at(5, '2026-03-16', '16:00'));
    const dayTerm = computeDeadline(at(5, '2026-11-26', '01:00'), days(7), { clock: ekb });
    expect(dayTerm).toBe(at(5, '2026-12-04', '00:00') - 1);
  });
  it('rejects negative or fractional day amounts', () => {
    expect(() => computeDeadline(0, days(-1), { clock })).toThrow(RangeError);
    expect(() => computeDeadline(0, days(1.5), { clock })).toThrow(RangeError);
  });
});

describe('deadlines extended by pauses', () => {
  it('business hours: a pause of 3 business hours moves the deadline by 3 business hours', () => {
    const start = msk('2026-03-10', '09:00');
    const pause = { from: msk('2026-03-10', '10:00'), to: msk('2026-03-10', '13:00') };
    const term = { amount: 9, unit: 'business_hours' as const };
    expect(showMsk(computeDeadlineWithPauses(start, term, [], { clock }))).toBe('2026-03-10 18:00');
    expect(showMsk(computeDeadlineWithPauses(start, term, [pause], { clock }))).toBe('2026-03-11 12:00');
  });
  it('business hours: a pause at night costs nothing; a pause after the deadline is ignored', () => {
    const start = msk('2026-03-10', '09:00');
    const term = { amount: 9, unit: 'business_hours' as const };
    const night = { from: msk('2026-03-10', '20:00'), to: msk('2026-03-11', '08:00') };
    const later = { from: msk('2026-03-12', '10:00'), to: msk('2026-03-12', '12:00') };
    expect(showMsk(computeDeadlineWithPauses(start, term, [night, later], { clock }))).toBe('2026-03-10 18:00');
  });
  it('calendar days: a 2-day pause moves the end by two days (then art. 14 applies)', () => {
    const start = msk('2026-11-26', '10:00');
    const pause = { from: msk('2026-11-27', '10:00'), to: msk('2026-11-29', '10:00') };
    expect(showMsk(computeDeadlineWithPauses(start, days(7), [pause], { clock }))).toBe('2026-12-07 23:59:59.999');
    expect(showMsk(computeDeadlineWithPauses(start, days(7), [pause], { clock, nonWorkingLastDay: 'keep' }))).toBe(
      '2026-12-05 23:59:59.999',
    );
  });
  it('working days: a pause over a weekend costs nothing, a pause on a working day moves to its end', () => {
    const start = msk('2026-03-02', '09:00');
    const term = { amount: 3, unit: 'working_days' as const };
    const weekend = { from: msk('2026-03-07', '00:00'), to: msk('2026-03-09', '00:00') };
    expect(showMsk(computeDeadlineWithPauses(start, term, [weekend], { clock }))).toBe('2026-03-05 23:59:59.999');
    const twoHours = { from: msk('2026-03-03', '10:00'), to: msk('2026-03-03', '12:00') };
    expect(showMsk(computeDeadlineWithPauses(start, term, [twoHours], { clock }))).toBe('2026-03-06 23:59:59.999');
  });
  it('is unchanged by pauses before registration', () => {
    const start = msk('2026-03-10', '09:00');
    const before = { from: msk('2026-03-01'), to: msk('2026-03-10', '09:00') };
    const term = { amount: 4, unit: 'business_hours' as const };
    expect(computeDeadlineWithPauses(start, term, [before], { clock })).toBe(computeDeadline(start, term, { clock }));
  });
  it('calendar days: a pause on the day the term was moved to counts, as for a term that ended on that day', () => {
    // Registered on Sunday 5 April: 7 days end on Sunday 12 April, moved to Monday 13 April (art. 14).
    // Registered on Monday 6 April: 7 days end on Monday 13 April. Same deadline, so a wait that
    // starts on that Monday at 10:00 gives both back the 14 hours left: resumed Wednesday 12:00 →
    // Thursday 01:59:59.999 → end of Thursday.
    const sunday = msk('2026-04-05', '14:00');
    const monday = msk('2026-04-06', '14:00');
    for (const start of [sunday, monday]) {
      expect(showMsk(computeDeadline(start, days(7), { clock }))).toBe('2026-04-13 23:59:59.999');
      const onLastDay = { from: msk('2026-04-13', '10:00'), to: msk('2026-04-15', '12:00') };
      expect(showMsk(computeDeadlineWithPauses(start, days(7), [onLastDay], { clock }))).toBe('2026-04-16 23:59:59.999');
      const afterDeadline = { from: msk('2026-04-14', '00:00'), to: msk('2026-04-15', '12:00') };
      expect(showMsk(computeDeadlineWithPauses(start, days(7), [afterDeadline], { clock }))).toBe('2026-04-13 23:59:59.999');
    }
    // A wait inside the term moves its raw end (art. 14 then applies): the Sunday term's 2 hours
    // land on the Monday it was moved to anyway, the Monday term's move into Tuesday.
    const twoHours = { from: msk('2026-04-09', '10:00'), to: msk('2026-04-09', '12:00') };
    expect(showMsk(computeDeadlineWithPauses(sunday, days(7), [twoHours], { clock }))).toBe('2026-04-13 23:59:59.999');
    expect(showMsk(computeDeadlineWithPauses(monday, days(7), [twoHours], { clock }))).toBe('2026-04-14 23:59:59.999');
    // A second wait on the day the first one moved the term into counts as well (Tuesday 10:00 →
    // Wednesday 12:00 gives back the 14 hours left of Tuesday).
    const onTuesday = { from: msk('2026-04-14', '10:00'), to: msk('2026-04-15', '12:00') };
    expect(showMsk(computeDeadlineWithPauses(monday, days(7), [twoHours, onTuesday], { clock }))).toBe('2026-04-16 23:59:59.999');
    // Without the move (nonWorkingLastDay 'keep') the Sunday term ends on Sunday: a Monday pause is too late.
    const onMonday = { from: msk('2026-04-13', '10:00'), to: msk('2026-04-15', '12:00') };
    expect(showMsk(computeDeadlineWithPauses(sunday, days(7), [onMonday], { clock, nonWorkingLastDay: 'keep' }))).toBe(
      '2026-04-12 23:59:59.999',
    );
  });
});
