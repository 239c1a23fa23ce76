/**
 * Opening hours of a desk: per-weekday windows in the desk's time zone.
 *
 * Regulation §6: the Portal's Support Service processes requests "daily 9:00–18:00, except
 * weekends and public holidays" — the default. Labour Code art. 95 part 1: a pre-holiday working
 * day is one hour shorter, so the day's windows end {@link BusinessHours.shortDayReductionMinutes}
 * earlier. Art. 95 part 3 (six-day week: at most 5 hours before a day off) is why the default
 * Saturday of the six-day week is 9:00–14:00.
 */
import type { IsoWeekday } from './civil-date.ts';
import type { WeekKind } from './types.ts';

/** An opening window, local wall-clock times `HH:MM` (`to` may be `24:00`); `from` < `to`. */
export interface OpeningWindow {
  readonly from: string;
  readonly to: string;
}

/** Opening hours of a desk. */
export interface BusinessHours {
  /** IANA time zone of the desk; default `Europe/Moscow`. */
  readonly timeZone: string;
  /** Windows per ISO weekday (1 = Monday … 7 = Sunday); a missing weekday is closed. Used on working days only. */
  readonly weekly: Readonly<Partial<Record<IsoWeekday, readonly OpeningWindow[]>>>;
  /**
   * Windows of a Saturday/Sunday made a working day by the transfer decree (e.g. 2025-11-01).
   * Default: Monday's windows (the moved day is worked as an ordinary weekday).
   */
  readonly transferredWorkingDay?: readonly OpeningWindow[];
  /** Minutes cut from the end of a pre-holiday day (art. 95 part 1); default 60. */
  readonly shortDayReductionMinutes?: number;
}

/** A window in minutes since local midnight, [from, to). */
export interface MinuteWindow {
  readonly from: number;
  readonly to: number;
}

const WEEKDAY_WINDOW: readonly OpeningWindow[] = [{ from: '09:00', to: '18:00' }];

/** Mon–Fri 9:00–18:00, Europe/Moscow (regulation §6). */
export const DEFAULT_BUSINESS_HOURS: BusinessHours = {
  timeZone: 'Europe/Moscow',
  weekly: { 1: WEEKDAY_WINDOW, 2: WEEKDAY_WINDOW, 3: WEEKDAY_WINDOW, 4: WEEKDAY_WINDOW, 5: WEEKDAY_WINDOW },
};

/**
 * Default hours for a week kind: {@link DEFAULT_BUSINESS_HOURS}, plus Saturday 9:00–14:00 for the
 * six-day week (art. 95 part 3).
 */
export function defaultBusinessHours(weekKind: WeekKind, timeZone = 'Europe/Moscow'): BusinessHours {
  const weekly = { ...DEFAULT_BUSINESS_HOURS.weekly };
  if (weekKind === 'six_day') weekly[6] = [{ from: '09:00', to: '14:00' }];
  return { timeZone, weekly };
}

const HH_MM = /^(\d{2}):(\d{2})$/;

/** Minutes since midnight of `HH:MM` (00:00–24:00). @throws RangeError when malformed. */
export function parseClockTime(text: string): number {
  const m = HH_MM.exec(text);
  const minutes = m === null ? Number.NaN : Number(m[1]) * 60 + Number(m[2]);
  if (m === null || Number(m[2]) > 59 || minutes > 24 * 60) {
    throw new RangeError(`Invalid time "${text}": expected HH:MM between 00:00 and 24:00`);
  }
  return minutes;
}

/**
 * Windows converted to minutes and validated: each non-empty, ascending, not overlapping.
 * @throws RangeError naming the bad window.
 */
export function toMinuteWindows(windows: readonly OpeningWindow[] | undefined): MinuteWindow[] {
  const result: MinuteWindow[] = [];
  for (const window of windows ?? []) {
    const from = parseClockTime(window.from);
    const to = parseClockTime(window.to);
    const previous = result[result.length - 1];
    if (from >= to || (previous !== undefined && from < previous.to)) {
      throw new RangeError(`Invalid opening window ${window.from}–${window.to}: empty, unordered or overlapping`);
    }
    result.push({ from, to });
  }
  return result;
}

/** Windows with the last `minutes` of opening time removed (a short pre-holiday day, art. 95). */
export function shortenWindows(windows: readonly MinuteWindow[], minutes: number): MinuteWindow[] {
  const result = windows.map((w) => ({ ...w }));
  let left = minutes;
  while (left > 0 && result.length > 0) {
    const last = result[result.length - 1];
    if (last === undefined) break;
    const cut = Math.min(left, last.to - last.from);
    left -= cut;
    if (cut === last.to - last.from) result.pop();
    else result[result.length - 1] = { from: last.from, to: last.to - cut };
  }
  return result;
}
