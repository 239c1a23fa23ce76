/**
 * Deadline policy of a request: which terms apply to its type, how they are computed with the
 * desk's working calendar, how waiting for the requester pauses the clock, and the badge shown
 * in the queues.
 *
 * - Review deadline (regulation §3–4: "reviewed within 7 days"): registration + the desk's term,
 *   7 calendar days by default (DOMAIN §2.3), working days as an option. A calendar-day term whose
 *   last day is non-working moves to the next working day (Labour Code art. 14 part 4) unless the
 *   desk turned the move off.
 * - Legal deadline, stored separately (DOMAIN §2.2, §3.1): 59-FZ written appeal — registered within
 *   3 days of receipt and answered within 30 days of registration; 210-FZ complaint — 15 working
 *   days; 152-FZ personal-data subject request — 10 working days from receipt (art. 20). A legal
 *   term ending on a non-working day always moves to the next working day (Civil Code art. 193).
 * - Overdue is judged against the earliest applicable deadline (DOMAIN §4.3).
 * - Pause: while the request waits for the requester (clarification asked) and the desk pauses
 *   the clock (default on), the review deadline stops; when the wait ends the deadline is extended
 *   by the paused span measured in the term's own unit — wall time for calendar days (a 2-day wait
 *   adds 2 days), time on working days only for working days (a wait over a weekend adds nothing
 *   for the weekend). A day term that moved ends at the end of the day it moved into (see
 *   `computeDeadlineWithPauses`). Legal deadlines never pause: the laws provide no suspension.
 * - Reopening starts a fresh review term from the reopening; legal deadlines stay, but a legal
 *   deadline met by an answer in time (the first resolution on or before it, `legalMetAt`) is left
 *   out of the current deadline, the overdue queue and the badge: the law asked for one answer in
 *   its term and got it.
 * - Extension of the legal term, once, with the reason told to the requester: 59-FZ art. 12 part 2
 *   — by the head, in exceptional cases, by up to 30 days; 152-FZ art. 20 part 3 — by up to 5
 *   working days, with a reasoned notice. A 210-FZ complaint's term has no extension. The extended
 *   term counts as one term (30 + 30 days, 10 + 5 working days) from the same start.
 */
import { computeDeadlineWithPauses, DAY_MS, HOUR_MS, type BusinessClock, type Interval, type Term } from '../working-time/index.ts';
import { isOpen, type RequestStatus } from './lifecycle.ts';
import type { RequestType } from './taxonomy.ts';

/** A desk's deadline settings (the rest of the desk policy lives in the server's desk table). */
export interface DeadlinePolicy {
  readonly termUnit: 'calendar_days' | 'working_days';
  /** Review term in days (regulation: 7). */
  readonly reviewTermDays: number;
  /** Labour Code art. 14 part 4: a calendar-day term ending on a non-working day moves to the next working day. */
  readonly moveToNextWorkingDay: boolean;
  /** Stop the review clock while waiting for the requester. */
  readonly pauseWhileWaiting: boolean;
}

export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = {
  termUnit: 'calendar_days',
  reviewTermDays: 7,
  moveToNextWorkingDay: true,
  pauseWhileWaiting: true,
};

export type LegalBasis = '59-FZ' | '210-FZ' | '152-FZ';

export interface LegalTerms {
  readonly basis: LegalBasis;
  /** Registration term from receipt (59-FZ art. 8 part 2: 3 days). */
  readonly registration?: Term;
  /** Answer term. */
  readonly answer: Term;
  /** What the answer term is counted from. */
  readonly answerFrom: 'received' | 'registered';
  /** The most the answer term may be extended by, in its own unit; absent when the law allows none. */
  readonly extension?: Term;
}

const LEGAL: Partial<Record<RequestType, LegalTerms>> = {
  appeal_59fz: {
    basis: '59-FZ',
    registration: { amount: 3, unit: 'calendar_days' },
    answer: { amount: 30, unit: 'calendar_days' },
    answerFrom: 'registered',
    extension: { amount: 30, unit: 'calendar_days' },
  },
  complaint_210fz: { basis: '210-FZ', answer: { amount: 15, unit: 'working_days' }, answerFrom: 'registered' },
  pd_request_152fz: {
    basis: '152-FZ',
    answer: { amount: 10, unit: 'working_days' },
    answerFrom: 'received',
    extension: { amount: 5, unit: 'working_days' },
  },
};

/** The legal terms of a request type, or null when only the regulation's review term applies. */
export function legalTermsFor(type: RequestType): LegalTerms | null {
  return LEGAL[type] ?? null;
}

/** The extension the law allows for a request type's answer term, or null (no legal term, or none allowed). */
export function legalExtensionFor(type: RequestType): Term | null {
  return LEGAL[type]?.extension ?? null;
}

/** Why a request's legal answer term cannot be extended now. */
export type LegalExtensionBlock = 'finished' | 'notAllowed' | 'done';

/**
 * Why the legal answer term of a request cannot be extended now (see the module comment), or null
 * when it can. A term already met by an answer (a reopened request) needs no extension.
 */
export function legalExtensionBlock(request: {
  readonly type: RequestType;
  readonly status: RequestStatus;
  readonly legalDueAt: unknown;
  readonly legalExtendedAt: unknown;
  readonly legalMetAt?: unknown;
}): LegalExtensionBlock | null {
  if (!isOpen(request.status) || (request.legalMetAt !== undefined && request.legalMetAt !== null)) return 'finished';
  if (request.legalDueAt === null || legalExtensionFor(request.type) === null) return 'notAllowed';
  if (request.legalExtendedAt !== null) return 'done';
  return null;
}

/** The answer term, extended when the request's legal term was extended and its type allows it. */
function answerTerm(legal: LegalTerms, extended: boolean): Term {
  if (!extended || !legal.extension) return legal.answer;
  if (legal.extension.unit !== legal.answer.unit) throw new Error(`${legal.basis}: extension unit differs from the answer term's`);
  return { amount: legal.answer.amount + legal.extension.amount, unit: legal.answer.unit };
}

/** The review term of the desk as a working-time `Term`. */
export function reviewTerm(policy: DeadlinePolicy): Term {
  return { amount: policy.reviewTermDays, unit: policy.termUnit };
}

export interface DeadlineInput {
  readonly type: RequestType;
  readonly policy: DeadlinePolicy;
  /** When the request reached the desk (a letter may arrive before it is registered). */
  readonly receivedAt: number;
  /** When it was registered in Opora. */
  readonly registeredAt: number;
  /** Start of the current review term: the registration, or the last reopening. */
  readonly reviewStartAt: number;
  /** Closed waiting periods (only those after `reviewStartAt` count). Ignored when the desk does not pause. */
  readonly pauses: readonly Interval[];
  /** The desk's calendar and time zone. */
  readonly clock: BusinessClock;
  /** The legal answer term was extended (see {@link legalExtensionFor}); default false. */
  readonly legalTermExtended?: boolean;
  /** When the legal deadline was met by an answer in time; null (default) while it was not. */
  readonly legalMetAt?: number | null;
}

export interface Deadlines {
  readonly reviewDueAt: number;
  readonly legalDueAt: number | null;
  readonly legalBasis: LegalBasis | null;
  readonly registrationDueAt: number | null;
  /**
   * The earliest of review and legal deadlines, the legal one only while it is not met (ignoring an
   * open pause; see {@link effectiveDueAt}).
   */
  readonly dueAt: number;
}

/** Computes every deadline of a request. Pure; instants are epoch ms. */
export function computeDeadlines(input: DeadlineInput): Deadlines {
  const { policy, clock } = input;
  const pauses = policy.pauseWhileWaiting ? input.pauses : [];
  const reviewRule = policy.termUnit === 'calendar_days' && !policy.moveToNextWorkingDay ? 'keep' : 'next_working_day';
  const reviewDueAt = computeDeadlineWithPauses(input.reviewStartAt, reviewTerm(policy), pauses, { clock, nonWorkingLastDay: reviewRule });
  const legal = legalTermsFor(input.type);
  let legalDueAt: number | null = null;
  let registrationDueAt: number | null = null;
  if (legal) {
    const from = legal.answerFrom === 'received' ? input.receivedAt : input.registeredAt;
    legalDueAt = computeDeadlineWithPauses(from, answerTerm(legal, input.legalTermExtended ?? false), [], {
      clock,
      nonWorkingLastDay: 'next_working_day',
    });
    if (legal.registration) {
      registrationDueAt = computeDeadlineWithPauses(input.receivedAt, legal.registration, [], {
        clock,
        nonWorkingLastDay: 'next_working_day',
      });
    }
  }
  return {
    reviewDueAt,
    legalDueAt,
    legalBasis: legal?.basis ?? null,
    registrationDueAt,
    dueAt: legalDueAt === null || (input.legalMetAt ?? null) !== null ? reviewDueAt : Math.min(reviewDueAt, legalDueAt),
  };
}

export interface DeadlineState {
  readonly reviewDueAt: number;
  readonly legalDueAt: number | null;
  /** Start of the open waiting period when the review clock is paused; null otherwise. */
  readonly pausedSince: number | null;
  /**
   * When the legal deadline was met by an answer in time (a reopened request): it counts no more.
   * Null while it was not.
   */
  readonly legalMetAt: number | null;
}

/** The legal deadline while it counts: not met by an answer in time. */
function openLegalDueAt(state: DeadlineState): number | null {
  return (state.legalMetAt ?? null) === null ? state.legalDueAt : null;
}

/** Which deadline of a request: the review term of the regulation or the legal answer term. */
export type DeadlineKind = 'review' | 'legal';

export interface RunningDeadline {
  readonly deadline: DeadlineKind;
  readonly dueAt: number;
}

/**
 * The deadlines running now, earliest first; each is reminded of and escalated on its own (a
 * missed review deadline leaves the legal one to come). The review deadline runs unless its clock
 * is paused; the legal one until it is met (the laws provide no suspension). When both fall on the same
 * instant only the legal one is listed: one alert tells it all.
 */
export function runningDeadlines(state: DeadlineState): RunningDeadline[] {
  const running: RunningDeadline[] = [];
  const legalDueAt = openLegalDueAt(state);
  if (legalDueAt !== null) running.push({ deadline: 'legal', dueAt: legalDueAt });
  if (state.pausedSince === null && state.reviewDueAt !== legalDueAt) running.push({ deadline: 'review', dueAt: state.reviewDueAt });
  return running.sort((a, b) => a.dueAt - b.dueAt);
}

/** When a deadline of the request falls if it is running now (see {@link runningDeadlines}), else null. */
export function runningDueAt(state: DeadlineState, deadline: DeadlineKind): number | null {
  return runningDeadlines(state).find((d) => d.deadline === deadline)?.dueAt ?? null;
}

/**
 * The deadline that counts right now: the earliest of the running deadlines — review and legal;
 * while the review clock is paused only the legal one (null when there is none: nothing can be
 * breached).
 */
export function effectiveDueAt(state: DeadlineState): number | null {
  return runningDeadlines(state)[0]?.dueAt ?? null;
}

export type BadgeState = 'on_track' | 'due_soon' | 'overdue' | 'paused' | 'met' | 'missed';

export interface BadgeInput extends DeadlineState {
  readonly status: RequestStatus;
  /** When the request was resolved or rejected; null while open. */
  readonly finishedAt: number | null;
  readonly now: number;
  /** "Due soon" starts this long before the deadline (the desk's reminder lead time). */
  readonly dueSoonMs: number;
}

export interface Badge {
  readonly state: BadgeState;
  /** The deadline the state refers to (null while paused without a legal deadline). */
  readonly dueAt: number | null;
  /** dueAt − now for open requests (negative when overdue), else null. */
  readonly remainingMs: number | null;
}

/**
 * The deadline badge of a request: on_track / due_soon (within the lead time) / overdue while
 * open; `paused` while waiting with the review clock stopped (unless a legal deadline is near or
 * passed); met / missed once resolved, closed or rejected. A legal deadline met by an earlier answer
 * (`legalMetAt`) is left out: a reopened request is judged by its fresh review term.
 */
export function deadlineBadge(input: BadgeInput): Badge {
  if (!isOpen(input.status)) {
    const legalDueAt = openLegalDueAt(input);
    const dueAt = legalDueAt === null ? input.reviewDueAt : Math.min(input.reviewDueAt, legalDueAt);
    const finished = input.finishedAt ?? input.now;
    return { state: finished <= dueAt ? 'met' : 'missed', dueAt, remainingMs: null };
  }
  const dueAt = effectiveDueAt(input);
  if (dueAt === null) return { state: 'paused', dueAt: null, remainingMs: null };
  const remainingMs = dueAt - input.now;
  if (remainingMs < 0) return { state: 'overdue', dueAt, remainingMs };
  if (remainingMs <= input.dueSoonMs) return { state: 'due_soon', dueAt, remainingMs };
  return { state: input.pausedSince !== null ? 'paused' : 'on_track', dueAt, remainingMs };
}

/** When the reminder before `dueAt` is due: `leadHours` earlier. */
export function reminderAt(dueAt: number, leadHours: number): number {
  return dueAt - leadHours * HOUR_MS;
}

/** When a resolved request closes by itself. */
export function autoCloseAt(resolvedAt: number, autoCloseDays: number): number {
  return resolvedAt + autoCloseDays * DAY_MS;
}
