/**
 * Shared fixtures of the working-time tests (not a test file itself): calendars built from the
 * shipped data and helpers that write Moscow wall-clock times as instants.
 */
import { createBusinessClock, type BusinessClock } from './business-clock.ts';
import type { BusinessHours } from './business-hours.ts';
import { yearsFromFiles } from './calendar-file.ts';
import { SHIPPED_RU_CALENDARS } from './shipped-calendars.ts';
import type { WeekKind } from './types.ts';
import { createWorkCalendar, type WorkCalendar, type WorkCalendarOptions } from './work-calendar.ts';

/** A calendar of the shipped Russian data (2018–2027). */
export function shippedCalendar(weekKind: WeekKind = 'five_day', extra: Partial<WorkCalendarOptions> = {}): WorkCalendar {
  return createWorkCalendar({ years: yearsFromFiles(SHIPPED_RU_CALENDARS, weekKind), weekKind, ...extra });
}

/** A business clock on the shipped calendar (default hours: Mon–Fri 9–18 Moscow). */
export function shippedClock(hours?: BusinessHours, calendar: WorkCalendar = shippedCalendar()): BusinessClock {
  return createBusinessClock(hours === undefined ? { calendar } : { calendar, hours });
}

/** Instant of a wall-clock time at a fixed UTC offset (hours), e.g. Moscow = 3. */
export function at(offsetHours: number, date: string, time = '00:00'): number {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1, (hh ?? 0) - offsetHours, mm ?? 0);
}

/** Instant of a Moscow (UTC+3) wall-clock time. */
export function msk(date: string, time = '00:00'): number {
  return at(3, date, time);
}

/** Moscow wall-clock time of an instant, `YYYY-MM-DD HH:MM` (seconds kept when not zero). */
export function showMsk(instantMs: number): string {
  const iso = new Date(instantMs + 3 * 3_600_000).toISOString();
  const seconds = iso.slice(17, 23);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}${seconds === '00.000' ? '' : `:${seconds}`}`;
}
