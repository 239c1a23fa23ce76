/**
 * Business time of a desk: its opening windows on the working days of its calendar, in its time
 * zone. Regulation §6: requests are registered 24x7, but the Support Service's clock runs only
 * 9:00–18:00 on working days; a call outside those hours gets a callback at the next opening.
 *
 * The windows of whole years are precomputed as UTC instants with a running total of business
 * time, so every query is a binary search (no `Date`, no `Intl` in the hot path).
 */
import { dayFromCivil, DAY_MS, isoWeekday, MINUTE_MS, yearOfDay } from './civil-date.ts';
import { DEFAULT_BUSINESS_HOURS, shortenWindows, toMinuteWindows, type BusinessHours, type MinuteWindow } from './business-hours.ts';
import { isWeeklyDayOff } from './calendar-table.ts';
import { mergeIntervals, type Interval } from './intervals.ts';
import { timeZone as zoneOf, type TimeZone } from './time-zone.ts';
import { MAX_YEAR, MIN_YEAR, type WorkCalendar } from './work-calendar.ts';

/** Business-time arithmetic of one desk. Instants and durations are milliseconds. */
export interface BusinessClock {
  readonly calendar: WorkCalendar;
  readonly zone: TimeZone;
  /** True when the desk is open at the instant (windows are [from, to): open at 9:00, closed at 18:00). */
  isOpen(instantMs: number): boolean;
  /** The instant itself when open, else the start of the next opening window (callback due time, §6). */
  nextOpening(instantMs: number): number;
  /**
   * The instant at which `durationMs` of business time has elapsed after `instantMs`. Arriving at
   * 17:59 leaves 1 minute that day; arriving at 03:00 on a holiday starts at the next opening.
   * A result exactly at a window end is that end (17:59 + 1 min = 18:00 the same day).
   * `durationMs = 0` returns `instantMs` unchanged.
   */
  addBusinessTime(instantMs: number, durationMs: number): number;
  /**
   * Business time in [startMs, endMs) minus the business time covered by `pauses` (overlapping
   * pauses count once). Negative when `endMs < startMs`, so it is additive:
   * between(a, b) + between(b, c) = between(a, c).
   */
  businessTimeBetween(startMs: number, endMs: number, pauses?: readonly Interval[]): number;
}

/** Options of {@link createBusinessClock}. */
export interface BusinessClockOptions {
  readonly calendar: WorkCalendar;
  /** Default {@link DEFAULT_BUSINESS_HOURS}: Mon–Fri 9:00–18:00, Europe/Moscow. */
  readonly hours?: BusinessHours;
}

interface WindowTable {
  readonly firstYear: number;
  readonly lastYear: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly from: Float64Array;
  readonly to: Float64Array;
  /** cum[i] = business ms before window i; length = windows + 1. */
  readonly cum: Float64Array;
}

/** Index of the first window ending after `ms` (windows.length when none). */
function firstEndingAfter(t: WindowTable, ms: number): number {
  let lo = 0;
  let hi = t.to.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((t.to[mid] ?? 0) > ms) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Business ms from the table start to `ms`. */
function position(t: WindowTable, ms: number): number {
  const i = firstEndingAfter(t, ms);
  const before = t.cum[i] ?? 0;
  return i === t.to.length ? before : before + Math.max(0, ms - (t.from[i] ?? 0));
}

/** Instant at business position `target` (0 < target ≤ total), the earliest such instant. */
function instantAt(t: WindowTable, target: number): number {
  let lo = 0;
  let hi = t.to.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((t.cum[mid + 1] ?? 0) >= target) hi = mid;
    else lo = mid + 1;
  }
  return (t.from[lo] ?? 0) + (target - (t.cum[lo] ?? 0));
}

function checkInstant(ms: number, what: string): void {
  if (!Number.isFinite(ms)) throw new RangeError(`${what} must be a finite number of milliseconds, got ${ms}`);
}

/**
 * Creates the business clock of a desk.
 * @throws RangeError for an unknown time zone or invalid opening windows.
 */
export function createBusinessClock(options: BusinessClockOptions): BusinessClock {
  const { calendar } = options;
  const hours = options.hours ?? DEFAULT_BUSINESS_HOURS;
  const zone = zoneOf(hours.timeZone);
  const weekly = new Map<number, MinuteWindow[]>();
  for (let wd = 1; wd <= 7; wd++) weekly.set(wd, toMinuteWindows(hours.weekly[wd as 1]));
  const transferred = hours.transferredWorkingDay === undefined ? (weekly.get(1) ?? []) : toMinuteWindows(hours.transferredWorkingDay);
  const reduction = hours.shortDayReductionMinutes ?? 60;
  if (!Number.isInteger(reduction) || reduction < 0) throw new RangeError(`Invalid short-day reduction ${reduction}`);
  const neverOpen = transferred.length === 0 && [...weekly.values()].every((w) => w.length === 0);
  function checkOpens(): void {
    if (neverOpen) throw new RangeError('The business hours have no opening window on any weekday');
  }

  function windowsOf(day: number): readonly MinuteWindow[] {
    if (!calendar.isWorkingDay(day)) return [];
    const weekday = isoWeekday(day);
    const base = isWeeklyDayOff(calendar.weekKind, weekday) ? transferred : (weekly.get(weekday) ?? []);
    return calendar.isShortDay(day) ? shortenWindows(base, reduction) : base;
  }

  function build(firstYear: number, lastYear: number): WindowTable {
    if (firstYear < MIN_YEAR || lastYear > MAX_YEAR) {
      throw new RangeError(`No business time within the supported years ${MIN_YEAR}–${MAX_YEAR}`);
    }
    const from: number[] = [];
    const to: number[] = [];
    const firstDay = dayFromCivil(firstYear, 1, 1);
    const endDay = dayFromCivil(lastYear + 1, 1, 1);
    for (let day = firstDay; day < endDay; day++) {
      for (const w of windowsOf(day)) {
        const a = zone.fromLocalMs(day * DAY_MS + w.from * MINUTE_MS);
        const b = zone.fromLocalMs(day * DAY_MS + w.to * MINUTE_MS);
        if (b > a) {
          from.push(a);
          to.push(b);
        }
      }
    }
    const cum = new Float64Array(from.length + 1);
    for (let i = 0; i < from.length; i++) cum[i + 1] = (cum[i] ?? 0) + ((to[i] ?? 0) - (from[i] ?? 0));
    const startMs = zone.fromLocalMs(firstDay * DAY_MS);
    const endMs = zone.fromLocalMs(endDay * DAY_MS);
    return { firstYear, lastYear, startMs, endMs, from: Float64Array.from(from), to: Float64Array.from(to), cum };
  }

  const dataYears = calendar.coverage().dataYears;
  let table: WindowTable | undefined = dataYears.length > 0 ? build(dataYears[0] ?? 0, dataYears[dataYears.length - 1] ?? 0) : undefined;

  function cover(firstYear: number, lastYear: number): WindowTable {
    if (table !== undefined && firstYear >= table.firstYear && lastYear <= table.lastYear) return table;
    table = build(Math.min(firstYear, table?.firstYear ?? firstYear), Math.max(lastYear, table?.lastYear ?? lastYear));
    return table;
  }
  /** A table containing the instants lo ≤ hi. */
  function tableFor(lo: number, hi: number): WindowTable {
    if (table !== undefined && lo >= table.startMs && hi < table.endMs) return table;
    return cover(yearOfDay(zone.localDay(lo)), yearOfDay(zone.localDay(hi)));
  }

  function addBusinessTime(instantMs: number, durationMs: number): number {
    checkInstant(instantMs, 'instant');
    if (!(durationMs >= 0) || !Number.isFinite(durationMs)) throw new RangeError(`Invalid duration ${durationMs}`);
    if (durationMs === 0) return instantMs;
    checkOpens();
    let t = tableFor(instantMs, instantMs);
    for (;;) {
      const target = position(t, instantMs) + durationMs;
      const total = t.cum[t.to.length] ?? 0;
      if (target <= total) return instantAt(t, target);
      const perYear = total / (t.lastYear - t.firstYear + 1);
      t = cover(t.firstYear, t.lastYear + 1 + (perYear > 0 ? Math.floor((target - total) / perYear) : 0));
    }
  }

  function nextOpening(instantMs: number): number {
    checkInstant(instantMs, 'instant');
    checkOpens();
    let t = tableFor(instantMs, instantMs);
    for (;;) {
      const i = firstEndingAfter(t, instantMs);
      if (i < t.to.length) return Math.max(instantMs, t.from[i] ?? 0);
      t = cover(t.firstYear, t.lastYear + 1);
    }
  }

  function businessTimeBetween(startMs: number, endMs: number, pauses: readonly Interval[] = []): number {
    checkInstant(startMs, 'start');
    checkInstant(endMs, 'end');
    const lo = Math.min(startMs, endMs);
    const hi = Math.max(startMs, endMs);
    const t = tableFor(lo, hi);
    let total = position(t, hi) - position(t, lo);
    for (const p of mergeIntervals(pauses, lo, hi)) total -= position(t, p.to) - position(t, p.from);
    return endMs < startMs ? 0 - total : total; // 0 - 0 is +0, never -0
  }

  return {
    calendar,
    zone,
    isOpen(instantMs) {
      checkInstant(instantMs, 'instant');
      const t = tableFor(instantMs, instantMs);
      const i = firstEndingAfter(t, instantMs);
      return i < t.to.length && (t.from[i] ?? 0) <= instantMs;
    },
    nextOpening,
    addBusinessTime,
    businessTimeBetween,
  };
}
