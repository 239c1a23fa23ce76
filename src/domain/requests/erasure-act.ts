/**
 * The act of destruction of personal data (Roskomnadzor order No. 179 of 28.10.2022): when data
 * processed by an information system are destroyed, an act and an extract from the system's log
 * confirm it. The act names the operator, the system, whose data (here: the requests' numbers —
 * the names are gone), the categories destroyed, the method, the reasons, the dates and who did
 * it. This module decides the act's period and what its lists say; the server prints it.
 */
import { civilFromDay, DAY_MS, dayFromCivil, formatIsoDate, parseIsoDate } from '../working-time/civil-date.ts';
import type { TimeZone } from '../working-time/time-zone.ts';

/** The longest period one act covers (a year, leap or not). */
export const ACT_MAX_DAYS = 366;

/**
 * What de-personalising a request destroys (requests-privacy.repository.ts `anonymize`), in the
 * act's order: each is a category of personal data in the act's list.
 */
export const ERASED_CATEGORIES = ['name', 'contacts', 'account', 'childClass', 'wording', 'files', 'emails', 'links'] as const;
export type ErasedCategory = (typeof ERASED_CATEGORIES)[number];

export type ErasureReason = 'retention' | 'subject_request';

export interface ActPeriod {
  /** First day, `YYYY-MM-DD`, inclusive. */
  readonly from: string;
  /** Last day, `YYYY-MM-DD`, inclusive. */
  readonly to: string;
  /** The instants the days begin and end at in the organisation's time zone: [fromMs, toMs). */
  readonly fromMs: number;
  readonly toMs: number;
}

/** Why a period is refused: which field, and the problem's code. */
export type ActPeriodProblem = { field: 'from' | 'to'; code: 'invalidDate' | 'reversed' | 'tooLong' };

/** The act's period from the days a head picked, in the organisation's time zone; or what is wrong. */
export function actPeriod(from: string, to: string, zone: TimeZone): ActPeriod | ActPeriodProblem {
  const first = dayOrNull(from);
  if (first === null) return { field: 'from', code: 'invalidDate' };
  const last = dayOrNull(to);
  if (last === null) return { field: 'to', code: 'invalidDate' };
  if (last < first) return { field: 'to', code: 'reversed' };
  if (last - first + 1 > ACT_MAX_DAYS) return { field: 'to', code: 'tooLong' };
  return { from, to, fromMs: zone.fromLocalMs(first * DAY_MS), toMs: zone.fromLocalMs((last + 1) * DAY_MS) };
}

/** The file name of a period's act, the same on the server and in the browser. */
export function erasureActFileName(period: { from: string; to: string }): string {
  return `personal-data-destruction-act-${period.from}-${period.to}.pdf`;
}

/** The default period: from the first day of this month to today, where the organisation is. */
export function thisMonth(nowMs: number, zone: TimeZone): { from: string; to: string } {
  const today = zone.localDay(nowMs);
  const { year, month } = civilFromDay(today);
  return { from: formatIsoDate(dayFromCivil(year, month, 1)), to: formatIsoDate(today) };
}

function dayOrNull(text: string): number | null {
  try {
    return parseIsoDate(text);
  } catch {
    return null;
  }
}

export function isActPeriodProblem(value: ActPeriod | ActPeriodProblem): value is ActPeriodProblem {
  return 'code' in value;
}

export interface ErasureEntry {
  readonly reason: ErasureReason;
  readonly numbers: readonly string[];
  readonly retentionDays: number | null;
}

/** What the act says of the destructions as a whole: how many requests, and the reasons with the periods in force. */
export function summarizeErasures(entries: readonly ErasureEntry[]) {
  const retentionDays = [
    ...new Set(entries.flatMap((e) => (e.reason === 'retention' && e.retentionDays !== null ? [e.retentionDays] : []))),
  ].sort((a, b) => a - b);
  return {
    requests: entries.reduce((sum, e) => sum + e.numbers.length, 0),
    retention: entries.some((e) => e.reason === 'retention'),
    retentionDays,
    subjectRequest: entries.some((e) => e.reason === 'subject_request'),
  };
}
