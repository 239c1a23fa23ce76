/**
 * Dates of a request are shown on its organisation's clock: a school in Yekaterinburg sees its
 * own time on every page, as in its e-mails, whatever the reader's browser says. The API gives
 * the zone with each view (`timeZone`, an IANA name); these helpers read it and format with it.
 */
import { formatDate, formatDateTime } from '../../shared/i18n/format.ts';

/** The zone of dates that belong to no organisation, and of a view that carries none. */
export const DEFAULT_TIME_ZONE = 'Europe/Moscow';

const known = new Map<string, boolean>();

/** Whether the browser knows the zone (an unknown one would make Intl throw and the page fail). */
function isKnownZone(zone: string): boolean {
  let ok = known.get(zone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('ru-RU', { timeZone: zone });
      ok = true;
    } catch {
      ok = false;
    }
    known.set(zone, ok);
  }
  return ok;
}

/** The organisation's time zone a view carries (`timeZone`), or the default. */
export function zoneOf(view: object | null | undefined): string {
  const zone = view && 'timeZone' in view ? view.timeZone : undefined;
  return typeof zone === 'string' && zone.length > 0 && isKnownZone(zone) ? zone : DEFAULT_TIME_ZONE;
}

/** Formatters bound to one zone, for components that show several dates of one organisation. */
export interface ZonedFormat {
  zone: string;
  /** dd.MM.yyyy */
  date: (value: Date | string) => string;
  /** dd.MM.yyyy HH:mm */
  dateTime: (value: Date | string) => string;
}

export function zonedFormat(zone: string): ZonedFormat {
  return { zone, date: (value) => formatDate(value, zone), dateTime: (value) => formatDateTime(value, zone) };
}

/** Today as yyyy-MM-dd on the clock of `zone` (e.g. the latest date a form's date field takes). */
export function todayIn(zone: string, now: Date = new Date()): string {
  // sv-SE writes dates as yyyy-MM-dd.
  return new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
