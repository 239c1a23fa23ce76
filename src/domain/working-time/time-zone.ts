/**
 * UTC offsets of an IANA time zone, derived from `Intl.DateTimeFormat` (never from the machine's
 * own zone), cached per zone and per week of UTC time.
 *
 * Each cached week stores the offset at its start and, when the offset changes inside the week,
 * the exact instant of the change (found by bisection to the second) and the offset after it.
 * Assumption: at most one offset change per week (true for every IANA zone in practice). Zones
 * with a constant offset (Europe/Moscow since 26 Oct 2014, Asia/Yekaterinburg, UTC) therefore cost
 * one `Map` lookup per conversion.
 */
import { dayFromCivil, DAY_MS } from './civil-date.ts';

const WEEK_MS = 7 * DAY_MS;

/** Offset conversions of one IANA time zone. Instants are epoch milliseconds (UTC). */
export interface TimeZone {
  /** IANA name, e.g. `Europe/Moscow`. */
  readonly name: string;
  /** Offset of local time from UTC at the instant, in milliseconds (Moscow: +3 h). */
  offsetAt(instantMs: number): number;
  /** Local wall-clock time of the instant, as milliseconds since 1970-01-01T00:00 local. */
  toLocalMs(instantMs: number): number;
  /** Local civil day (day number) of the instant. */
  localDay(instantMs: number): number;
  /**
   * The instant of a local wall-clock time (ms since 1970-01-01T00:00 local). A time repeated by
   * a backward change resolves to the earlier instant; a time skipped by a forward change resolves
   * as if the old offset still applied (i.e. later on the wall clock), like Temporal's `compatible`.
   */
  fromLocalMs(localMs: number): number;
}

interface WeekEntry {
  readonly before: number;
  readonly changeAt: number;
  readonly after: number;
}

function intlOffset(format: Intl.DateTimeFormat, instantMs: number): number {
  const seconds = Math.floor(instantMs / 1000) * 1000;
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(seconds)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const p = (key: string): number => parts[key] ?? 0;
  const local = dayFromCivil(p('year'), p('month'), p('day')) * DAY_MS + ((p('hour') % 24) * 3600 + p('minute') * 60 + p('second')) * 1000;
  return local - seconds;
}

function createIntlFormat(name: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', {
    timeZone: name,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
}

function buildTimeZone(name: string): TimeZone {
  const format = createIntlFormat(name);
  const weeks = new Map<number, WeekEntry>();

  function weekEntry(week: number): WeekEntry {
    let entry = weeks.get(week);
    if (entry !== undefined) return entry;
    const start = week * WEEK_MS;
    const before = intlOffset(format, start);
    const after = intlOffset(format, start + WEEK_MS);
    let changeAt = Number.POSITIVE_INFINITY;
    if (before !== after) {
      let lo = start;
      let hi = start + WEEK_MS;
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (intlOffset(format, mid) === before) lo = mid;
        else hi = mid;
      }
      changeAt = hi;
    }
    entry = { before, changeAt, after };
    weeks.set(week, entry);
    return entry;
  }

  function offsetAt(instantMs: number): number {
    const entry = weekEntry(Math.floor(instantMs / WEEK_MS));
    return instantMs < entry.changeAt ? entry.before : entry.after;
  }

  function fromLocalMs(localMs: number): number {
    const early = offsetAt(localMs - DAY_MS);
    const late = offsetAt(localMs + DAY_MS);
    if (early === late || offsetAt(localMs - early) === early) return localMs - early;
    if (offsetAt(localMs - late) === late) return localMs - late;
    return localMs - early;
  }

  return {
    name,
    offsetAt,
    toLocalMs: (instantMs) => instantMs + offsetAt(instantMs),
    localDay: (instantMs) => Math.floor((instantMs + offsetAt(instantMs)) / DAY_MS),
    fromLocalMs,
  };
}

const zones = new Map<string, TimeZone>();

/** Whether `name` is an IANA zone of a region (`Europe/Moscow`), as organisations are given. */
export function isTimeZoneName(name: string): boolean {
  if (!name.includes('/')) return false;
  try {
    timeZone(name);
    return true;
  } catch {
    return false;
  }
}

/**
 * The {@link TimeZone} for an IANA name; instances (and their offset caches) are shared.
 * @throws RangeError for an unknown time zone.
 */
export function timeZone(name: string): TimeZone {
  let zone = zones.get(name);
  if (zone === undefined) {
    zone = buildTimeZone(name);
    zones.set(name, zone);
  }
  return zone;
}
