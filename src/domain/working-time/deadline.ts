/**
 * Deadlines of SLA policies: a term in calendar days, working days or business hours, counted
 * from the registration instant in the desk's time zone.
 *
 * - Regulation §3–4: staff and parent requests "must be reviewed within 7 days" — calendar days by
 *   default (DOMAIN §2.3), a school may choose working days.
 * - Civil Code art. 191 and 194: a term in days starts on the day after the event and ends at
 *   24:00 of its last day; Labour Code art. 14 part 4 (and Civil Code art. 193): when the last day
 *   is non-working, the term ends on the next working day.
 * - Regulation §6: the Support Service's clock runs 9:00–18:00 on working days (business hours).
 */
import { DAY_MS, HOUR_MS } from './civil-date.ts';
import { createBusinessClock, type BusinessClock } from './business-clock.ts';
import { mergeIntervals, type Interval } from './intervals.ts';
import type { TimeZone } from './time-zone.ts';

/** Unit of a term. */
export type TermUnit = 'calendar_days' | 'working_days' | 'business_hours';

/** A term: `amount` days (an integer) or business hours (may be fractional). */
export interface Term {
  readonly amount: number;
  readonly unit: TermUnit;
}

/** What a day term does when its last day is non-working. */
export type NonWorkingLastDay = 'keep' | 'next_working_day' | 'previous_working_day';

/** Options of {@link computeDeadline}. */
export interface DeadlineOptions {
  /** The desk's business clock; it also carries the desk's calendar and time zone. */
  readonly clock: BusinessClock;
  /**
   * For day terms whose last day is non-working: `next_working_day` (default, Labour Code
   * art. 14 part 4), `keep`, or `previous_working_day` (an internal target shown to consultants
   * ahead of a legal term, DOMAIN §2.3).
   */
  readonly nonWorkingLastDay?: NonWorkingLastDay;
}

/** Last millisecond of a local civil day: 23:59:59.999 local time. */
export function endOfLocalDay(zone: TimeZone, day: number): number {
  return zone.fromLocalMs((day + 1) * DAY_MS) - 1;
}

/** A measure of elapsed time: wall time, working-day time or business time. */
interface Measure {
  between(a: number, b: number): number;
  add(a: number, duration: number): number;
}

const WALL_TIME: Measure = { between: (a, b) => b - a, add: (a, d) => a + d };
const ALL_DAY = [{ from: '00:00', to: '24:00' }];
const workingDayMeasures = new WeakMap<BusinessClock, BusinessClock>();

/** Time elapsing on working days only (whole local days), for pauses of working-day terms. */
function workingDayMeasure(clock: BusinessClock): Measure {
  let measure = workingDayMeasures.get(clock);
  if (measure === undefined) {
    const weekly = { 1: ALL_DAY, 2: ALL_DAY, 3: ALL_DAY, 4: ALL_DAY, 5: ALL_DAY, 6: ALL_DAY, 7: ALL_DAY };
    const hours = { timeZone: clock.zone.name, weekly, transferredWorkingDay: ALL_DAY, shortDayReductionMinutes: 0 };
    measure = createBusinessClock({ calendar: clock.calendar, hours });
    workingDayMeasures.set(clock, measure);
  }
  return { between: (a, b) => measure.businessTimeBetween(a, b), add: (a, d) => measure.addBusinessTime(a, d) };
}

function checkTerm(term: Term): void {
  const { amount, unit } = term;
  const valid = unit === 'business_hours' ? Number.isFinite(amount) : Number.isInteger(amount);
  if (!valid || amount < 0) throw new RangeError(`Invalid term: ${amount} ${unit}`);
}

/** Last civil day of a day term, before the non-working-day rule. */
function rawLastDay(clock: BusinessClock, registeredAtMs: number, term: Term): number {
  const day = clock.zone.localDay(registeredAtMs);
  return term.unit === 'working_days' ? clock.calendar.addWorkingDays(day, term.amount) : day + term.amount;
}

function finalDay(clock: BusinessClock, day: number, rule: NonWorkingLastDay): number {
  if (rule === 'next_working_day') return clock.calendar.workingDayOnOrAfter(day);
  return rule === 'previous_working_day' ? clock.calendar.workingDayOnOrBefore(day) : day;
}

/**
 * Deadline of a term registered at `registeredAtMs`.
 *
 * - `calendar_days`: the registration day does not count; the term ends at 23:59:59.999 local time
 *   of (registration day + amount). Registered 2026-11-26, 7 days → 2026-12-03 23:59:59.999
 *   Moscow time. A non-working last day follows `nonWorkingLastDay` (default: next working day).
 * - `working_days`: ends at 23:59:59.999 of the `amount`-th working day after the registration day
 *   (see `WorkCalendar.addWorkingDays`).
 * - `business_hours`: `addBusinessTime(registeredAtMs, amount hours)`.
 *
 * Monotonic: a later registration never gives an earlier deadline.
 * @throws RangeError for a negative amount or a fractional number of days.
 */
export function computeDeadline(registeredAtMs: number, term: Term, options: DeadlineOptions): number {
  return computeDeadlineWithPauses(registeredAtMs, term, [], options);
}

/** The instant at which `need` of the measure has elapsed after `start`, not counting pauses. */
function solve(measure: Measure, start: number, need: number, pauses: readonly Interval[]): number {
  let t = start;
  let left = need;
  for (const pause of mergeIntervals(pauses, start, Number.POSITIVE_INFINITY)) {
    const available = measure.between(t, pause.from);
    if (left <= available) return measure.add(t, left);
    left -= available;
    t = pause.to;
  }
  return measure.add(t, left);
}

/**
 * {@link computeDeadline} with the clock stopped during `pauses` (e.g. waiting for the requester's
 * answer; pass the current instant as `to` of a pause still open). The deadline moves by the time
 * the pauses took out of the term, measured in the term's own unit: business time for
 * `business_hours`, time on working days for `working_days`, wall time for `calendar_days`. A day
 * term that moves ends at the end of the day it moved into (then the non-working-day rule applies):
 * a 2-hour pause can cost a whole day, never less than the pause. A pause counts when it starts on
 * or before the deadline in force, also after the term's own end: on the rest of the day the term
 * moved into, or on the working day a term ending on a non-working day was moved to (see
 * `solveDays`).
 */
export function computeDeadlineWithPauses(
  registeredAtMs: number,
  term: Term,
  pauses: readonly Interval[],
  options: DeadlineOptions,
): number {
  checkTerm(term);
  const { clock } = options;
  if (term.unit === 'business_hours') {
    const measure: Measure = { between: (a, b) => clock.businessTimeBetween(a, b), add: (a, d) => clock.addBusinessTime(a, d) };
    return solve(measure, registeredAtMs, Math.round(term.amount * HOUR_MS), pauses);
  }
  const rule = options.nonWorkingLastDay ?? 'next_working_day';
  const lastDay = rawLastDay(clock, registeredAtMs, term);
  if (mergeIntervals(pauses, registeredAtMs, Number.POSITIVE_INFINITY).length === 0) {
    return endOfLocalDay(clock.zone, finalDay(clock, lastDay, rule));
  }
  const measure = term.unit === 'working_days' ? workingDayMeasure(clock) : WALL_TIME;
  const base = endOfLocalDay(clock.zone, lastDay);
  return solveDays(clock, measure, rule, registeredAtMs, measure.between(registeredAtMs, base), pauses);
}

/** The end of the day `instant` falls on, after the non-working-day rule. */
function dayEnd(clock: BusinessClock, instant: number, rule: NonWorkingLastDay): number {
  return endOfLocalDay(clock.zone, finalDay(clock, clock.zone.localDay(instant), rule));
}

/**
 * {@link solve} for a day term: `need` of the measure after `start`, then to the end of that day
 * (and the non-working-day rule). A pause that starts after the term's own end but on or before
 * the deadline then in force — the rest of the day the term ended in, or the working day it was
 * moved to — still counts: the time left to that deadline when the wait began is given back after
 * it. So a term ending on Sunday, moved to Monday, and a term ending on Monday move alike when a
 * wait starts on that Monday.
 */
function solveDays(
  clock: BusinessClock,
  measure: Measure,
  rule: NonWorkingLastDay,
  start: number,
  need: number,
  pauses: readonly Interval[],
): number {
  let t = start;
  let left = need;
  for (const pause of mergeIntervals(pauses, start, Number.POSITIVE_INFINITY)) {
    const available = measure.between(t, pause.from);
    if (left <= available) {
      const due = dayEnd(clock, measure.add(t, left), rule);
      if (pause.from > due) break;
      left = measure.between(pause.from, due);
    } else {
      left -= available;
    }
    t = pause.to;
  }
  return dayEnd(clock, measure.add(t, left), rule);
}
