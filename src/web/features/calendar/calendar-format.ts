/** Dates of the calendar pages: plain `YYYY-MM-DD` strings, never time-zone-shifted `Date`s. */
import type { MessageKey } from '../../i18n/locale.tsx';
import type { Translate } from '../../i18n/locale.tsx';
import type { DayKind, WeekKind } from './calendar-api.ts';

/** `2026-11-03` → `03.11.2026`. */
export function isoToRu(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-');
  return `${day}.${month}.${year}`;
}

/** The ISO date `days` days after `iso` (negative: before). */
export function addDays(iso: string, days: number): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekdayOf(iso: string): number {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
}

/** Today in Moscow (the calendar's zone), as `YYYY-MM-DD`. */
export function todayIso(timeZone = 'Europe/Moscow'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export const monthName = (t: Translate, month: number) => t(`calendar.month.${month}` as MessageKey);
export const weekdayShort = (t: Translate, weekday: number) => t(`calendar.weekday.short.${weekday}` as MessageKey);
export const weekdayLong = (t: Translate, weekday: number) => t(`calendar.weekday.${weekday}` as MessageKey);

/** «3 ноября 2026» / «3 November 2026». */
export function longDate(t: Translate, iso: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return t('calendar.longDate', { day, month: t(`calendar.monthOf.${month}` as MessageKey), year });
}

/** What a kind of day is called, in a sentence: «сокращённый рабочий день». */
export const kindText = (t: Translate, kind: DayKind) => t(`calendar.kind.${kind}` as MessageKey);

/** The accessible name of a day cell: «3 ноября 2026, сокращённый рабочий день». */
export function dayLabel(t: Translate, iso: string, kind: DayKind, reason?: string, workedWeekend = false): string {
  const text =
    kind === 'closure' && reason
      ? t('calendar.kind.closureWithReason', { reason })
      : workedWeekend
        ? t('calendar.kind.shortWorkedWeekend')
        : kindText(t, kind);
  return t('calendar.dayLabel', { date: longDate(t, iso), kind: text });
}

/** The regular weekly days off of a week kind (before any holidays and transfers). */
export function isWeeklyDayOff(weekKind: WeekKind, weekday: number): boolean {
  return weekKind === 'five_day' ? weekday >= 6 : weekday === 7;
}
