/**
 * Deadlines on the server: the desk's working calendar (from the calendar module), the pure
 * deadline rules of domain/requests, and the durable jobs that remind and escalate.
 *
 * Jobs: for each running deadline — the review deadline and the legal one, apart, so a missed
 * review deadline still leaves the legal one reminded of and escalated — a reminder
 * `reminderLeadHours` before it and an escalation right after it; and an auto-close after the
 * resolution. Each job carries which deadline it is for and the instant it was made for, and its
 * dedupe key contains both, so a deadline that moves (a pause, a new type, a reopening) gets new
 * jobs, and the old ones find a different deadline when they run and do nothing (freeing their
 * keys, should that deadline count again). `request_deadline_alerts` records what was sent, so an
 * alert goes out once per deadline even if its job runs twice.
 */
import {
  autoCloseAt,
  computeDeadlines,
  effectiveDueAt,
  reminderAt,
  runningDeadlines,
  runningDueAt,
  type DeadlineKind,
  type Deadlines,
  type DeadlineState,
} from '../../../domain/requests/deadlines.ts';
import { isOpen } from '../../../domain/requests/lifecycle.ts';
import { createBusinessClock, defaultBusinessHours, type BusinessClock, type WorkCalendar } from '../../../domain/working-time/index.ts';
import type { Executor } from '../../db/database.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/errors.ts';
import { enqueueJob, enqueueJobs, type NewJob } from '../../jobs/jobs.repository.ts';
import { getWorkCalendars, type OrganizationCalendar } from '../calendar/calendar.service.ts';
import type { DeskPolicy } from './desk.service.ts';
import * as repo from './requests.repository.ts';
import type { RequestRow } from './requests.repository.ts';

export const REMINDER_JOB = 'requests.reminder';
export const ESCALATION_JOB = 'requests.escalation';
export const AUTO_CLOSE_JOB = 'requests.auto_close';
/** Jobs may find themselves early by the application clock (skew); they retry rather than fail. */
const JOB_ATTEMPTS = 20;

const clocks = new WeakMap<WorkCalendar, BusinessClock>();

/**
 * The desk's business clock: its production calendar (five- or six-day week, closures) in its time
 * zone. `db` lets a caller inside a transaction see an organisation created in it (the demo seed).
 */
export async function deskClock(deps: Deps, organizationId: string, db: Executor = deps.db): Promise<BusinessClock> {
  const clock = (await deskClocks(deps, [organizationId], db)).get(organizationId);
  if (!clock) throw new AppError('NOT_FOUND');
  return clock;
}

/** The business clocks of several desks, with one calendar revision check; unknown organisations are left out. */
export async function deskClocks(
  deps: Deps,
  organizationIds: readonly string[],
  db: Executor = deps.db,
): Promise<Map<string, BusinessClock>> {
  const calendars = await getWorkCalendars({ ...deps, db }, organizationIds);
  return new Map([...calendars].map(([id, calendar]) => [id, clockOf(calendar)]));
}

function clockOf({ calendar, timeZone, weekKind }: OrganizationCalendar): BusinessClock {
  let clock = clocks.get(calendar);
  if (!clock) {
    clock = createBusinessClock({ calendar, hours: defaultBusinessHours(weekKind, timeZone) });
    clocks.set(calendar, clock);
  }
  return clock;
}

/**
 * What a request's deadlines are computed from: its row, or the row with the change at hand (a new
 * type, a reopening's review start, an extension). `legalExtendedAt` keeps an extended legal term
 * extended in every later computation; `legalMetAt` leaves a met legal deadline out of `dueAt`.
 */
export type DeadlineBasis = Pick<RequestRow, 'type' | 'receivedAt' | 'registeredAt' | 'reviewStartAt' | 'legalExtendedAt' | 'legalMetAt'>;

/**
 * Every deadline of a request under its desk's policy, with the closed waiting periods. `clock`:
 * the desk's business clock when the caller has it already (one calendar look-up per use case).
 */
export async function deadlinesFor(
  deps: Deps,
  db: Executor,
  policy: DeskPolicy,
  basis: DeadlineBasis,
  requestId: string | null,
  clock?: BusinessClock,
): Promise<Deadlines> {
  clock ??= await deskClock(deps, policy.organizationId, db);
  const pauses = requestId
    ? (await repo.closedPauses(db, requestId)).map((p) => ({ from: p.startedAt.getTime(), to: (p.endedAt ?? p.startedAt).getTime() }))
    : [];
  return computeDeadlines({
    type: basis.type,
    policy,
    receivedAt: basis.receivedAt.getTime(),
    registeredAt: basis.registeredAt.getTime(),
    reviewStartAt: basis.reviewStartAt.getTime(),
    pauses,
    clock,
    legalTermExtended: basis.legalExtendedAt !== null,
    legalMetAt: basis.legalMetAt?.getTime() ?? null,
  });
}

/** The columns a deadline computation writes. */
export function deadlineColumns(d: Deadlines) {
  return {
    reviewDueAt: new Date(d.reviewDueAt),
    legalDueAt: d.legalDueAt === null ? null : new Date(d.legalDueAt),
    legalBasis: d.legalBasis,
    registrationDueAt: d.registrationDueAt === null ? null : new Date(d.registrationDueAt),
    dueAt: new Date(d.dueAt),
  };
}

/**
 * What the deadline rules read of a stored request. `legalMetAt` may be absent only where no legal
 * deadline can have been met yet (a request being registered).
 */
export type DeadlineRow = Pick<RequestRow, 'reviewDueAt' | 'legalDueAt' | 'pausedSince'> & Partial<Pick<RequestRow, 'legalMetAt'>>;

function stateOf(request: DeadlineRow): DeadlineState {
  return {
    reviewDueAt: request.reviewDueAt.getTime(),
    legalDueAt: request.legalDueAt?.getTime() ?? null,
    pausedSince: request.pausedSince?.getTime() ?? null,
    legalMetAt: request.legalMetAt?.getTime() ?? null,
  };
}

/**
 * When resolving `request` at `now` meets its legal deadline: the first resolution on or before
 * it. Null when there is none to meet, it was met already, or it has passed.
 */
export function legalMetBy(request: Pick<RequestRow, 'legalDueAt' | 'legalMetAt'>, now: Date): Date | null {
  if (request.legalDueAt === null || request.legalMetAt !== null) return null;
  return now.getTime() <= request.legalDueAt.getTime() ? now : null;
}

/** The deadline that counts now for a stored request (null while paused without a legal deadline still to meet). */
export function currentDueAt(request: DeadlineRow): number | null {
  return effectiveDueAt(stateOf(request));
}

/** When the request's review or legal deadline falls, if it is running now (see `runningDeadlines`); else null. */
export function runningDueAtOf(request: DeadlineRow, deadline: DeadlineKind): number | null {
  return runningDueAt(stateOf(request), deadline);
}

export function reminderKey(requestId: string, deadline: DeadlineKind, dueAt: number, leadHours: number): string {
  return `${REMINDER_JOB}:${requestId}:${dueAt}:${deadline}:${leadHours}`;
}

export function escalationKey(requestId: string, deadline: DeadlineKind, dueAt: number): string {
  return `${ESCALATION_JOB}:${requestId}:${dueAt}:${deadline}`;
}

/**
 * Enqueues the reminder and the escalation of each running deadline (in the caller's transaction,
 * one statement). Idempotent: the dedupe keys make a second call for the same deadlines a no-op.
 */
export async function scheduleDeadlineJobs(db: Executor, request: RequestRow, policy: DeskPolicy, now: Date): Promise<void> {
  await enqueueJobs(db, deadlineJobs(request, policy, now));
}

/**
 * The reminder and escalation jobs of each deadline running now — the review deadline and the
 * legal one, apart (none for a closed request; only the legal one's while the review clock is
 * paused). A reminder only before its deadline; an escalation one millisecond after it.
 */
export function deadlineJobs(
  request: Pick<RequestRow, 'id' | 'organizationId' | 'status'> & DeadlineRow,
  policy: DeskPolicy,
  now: Date,
): NewJob[] {
  if (!isOpen(request.status)) return [];
  const jobs: NewJob[] = [];
  for (const { deadline, dueAt } of runningDeadlines(stateOf(request))) {
    const payload = { requestId: request.id, deadline, dueAt: new Date(dueAt).toISOString() };
    if (dueAt > now.getTime()) {
      jobs.push({
        kind: REMINDER_JOB,
        payload: { ...payload, leadHours: policy.reminderLeadHours },
        organizationId: request.organizationId,
        dedupeKey: reminderKey(request.id, deadline, dueAt, policy.reminderLeadHours),
        runAt: new Date(Math.max(reminderAt(dueAt, policy.reminderLeadHours), now.getTime())),
        maxAttempts: JOB_ATTEMPTS,
      });
    }
    jobs.push({
      kind: ESCALATION_JOB,
      payload,
      organizationId: request.organizationId,
      dedupeKey: escalationKey(request.id, deadline, dueAt),
      // One millisecond after the deadline: it is breached only once it has passed.
      runAt: new Date(Math.max(dueAt + 1, now.getTime())),
      maxAttempts: JOB_ATTEMPTS,
    });
  }
  return jobs;
}

/** Enqueues the auto-close of a resolved request. */
export async function scheduleAutoClose(db: Executor, request: RequestRow, policy: DeskPolicy): Promise<void> {
  if (request.status !== 'resolved' || !request.resolvedAt) return;
  const closeAt = autoCloseAt(request.resolvedAt.getTime(), policy.autoCloseDays);
  await enqueueJob(db, {
    kind: AUTO_CLOSE_JOB,
    payload: { requestId: request.id, resolvedAt: request.resolvedAt.toISOString(), closeAt: new Date(closeAt).toISOString() },
    organizationId: request.organizationId,
    dedupeKey: `${AUTO_CLOSE_JOB}:${request.id}:${request.resolvedAt.getTime()}`,
    runAt: new Date(closeAt),
    maxAttempts: JOB_ATTEMPTS,
  });
}

/** After a change of the reminder lead time: new reminders for every open request of the desk. */
export async function rescheduleOpenRequests(db: Executor, policy: DeskPolicy, now: Date): Promise<void> {
  for (const request of await repo.openRequestsOf(db, policy.organizationId)) await scheduleDeadlineJobs(db, request, policy, now);
}
