/**
 * Durable jobs of the request engine (registered in jobs/registry.ts):
 * - `requests.reminder` — before a deadline (the review one or the legal one: each has its own
 *   jobs), tells the assignee (or every consultant when nobody is assigned): in-app notification
 *   + e-mail;
 * - `requests.escalation` — once a deadline has passed, tells the head(s): in-app notification +
 *   e-mail; the request is in the overdue queue from then on;
 * - `requests.auto_close` — closes a request left resolved for the desk's period.
 * Each handler re-reads the request under its row lock and acts only if its deadline is still
 * running at the instant the job was made for (a moved deadline has its own jobs); one that finds it does not
 * (paused, moved, finished) frees its dedupe key, so that the same deadline, counting again after
 * a wait that left it unchanged, gets a new job. `request_deadline_alerts` makes each alert happen
 * once per deadline, whatever runs the job twice. A job that finds itself
 * early by the application clock fails softly and is retried by the runner.
 */
import { autoCloseAt, reminderAt, type DeadlineKind } from '../../../domain/requests/deadlines.ts';
import { isOpen } from '../../../domain/requests/lifecycle.ts';
import type { Executor } from '../../db/database.ts';
import type { Deps } from '../../deps.ts';
import { releaseDedupeKey, type ClaimedJob } from '../../jobs/jobs.repository.ts';
import type { JobRunner } from '../../jobs/runner.ts';
import { eventActor } from './request-access.ts';
import { systemContext } from '../../http/actor.ts';
import { AUTO_CLOSE_JOB, ESCALATION_JOB, REMINDER_JOB, runningDueAtOf } from './request-deadlines.ts';
import { notifyStaff, usersOfRole, workersToTell } from './request-notify.ts';
import { applyTransition } from './request-transitions.ts';
import { loadDesk } from './desk.service.ts';
import * as repo from './requests.repository.ts';
import type { RequestRow } from './requests.repository.ts';
import { recordAudit } from '../audit/audit.service.ts';

/** Thrown when the application clock says the job is early; the runner retries it later. */
export class NotDueYetError extends Error {
  override readonly name = 'NotDueYetError';
  constructor(dueAt: number) {
    super(`not due yet by the application clock (due ${new Date(dueAt).toISOString()})`);
  }
}

interface AlertPayload {
  requestId: string;
  /** Absent from the jobs made before deadlines were told apart: they were for the earliest one. */
  deadline: DeadlineKind | null;
  dueAt: number;
}

function payloadOf(job: ClaimedJob): AlertPayload {
  const deadline = job.payload.deadline === 'review' || job.payload.deadline === 'legal' ? job.payload.deadline : null;
  return { requestId: String(job.payload.requestId), deadline, dueAt: Date.parse(String(job.payload.dueAt)) };
}

/** The request as an alert about one of its deadlines tells it: with that deadline as the one that counts. */
function aboutDeadline(row: RequestRow, dueAt: number): RequestRow {
  return { ...row, reviewDueAt: new Date(dueAt), legalDueAt: null, pausedSince: null };
}

async function deadlineAlert(deps: Deps, job: ClaimedJob, kind: 'reminder' | 'escalation'): Promise<void> {
  const payload = payloadOf(job);
  const { requestId, dueAt } = payload;
  await deps.db.transaction().execute(async (tx: Executor) => {
    const row = await repo.lockRequest(tx, requestId);
    if (!row) return;
    const deadline = payload.deadline ?? (row.legalDueAt?.getTime() === dueAt ? 'legal' : 'review');
    // Finished, paused or moved: nothing to do now, but the same deadline may count again (the wait
    // ends and leaves it where it was), and then its rescheduled job must not be a duplicate of this one.
    if (!isOpen(row.status) || runningDueAtOf(row, deadline) !== dueAt) return releaseDedupeKey(tx, job.id);
    const desk = await loadDesk(tx, row.organizationId);
    const now = deps.clock.now().getTime();
    if (kind === 'reminder') {
      const leadHours = Number(job.payload.leadHours ?? desk.policy.reminderLeadHours);
      // The lead time changed: a newer job reminds (and this one may, should it change back).
      if (leadHours !== desk.policy.reminderLeadHours) return releaseDedupeKey(tx, job.id);
      if (now < reminderAt(dueAt, leadHours)) throw new NotDueYetError(reminderAt(dueAt, leadHours));
      if (now > dueAt) return; // too late to remind: the escalation takes over
    } else if (now <= dueAt) {
      throw new NotDueYetError(dueAt + 1);
    }
    if (!(await repo.insertAlert(tx, { requestId, organizationId: row.organizationId, kind, deadline, dueAt: new Date(dueAt) }))) return;
    const recipients = kind === 'reminder' ? await workersToTell(tx, row) : await usersOfRole(tx, row.organizationId, ['head']);
    const outboxIds = await notifyStaff(tx, deps, aboutDeadline(row, dueAt), desk, kind, recipients);
    const due = new Date(dueAt).toISOString();
    await repo.insertEvent(tx, {
      requestId,
      organizationId: row.organizationId,
      type: kind === 'reminder' ? 'reminder_sent' : 'escalated',
      ...eventActor(systemContext(), 'system'),
      body: null,
      visibility: 'internal',
      metadata: { deadline, dueAt: due, recipients: recipients.map((r) => r.fullName), outboxIds },
      createdAt: deps.clock.now(),
    });
    await recordAudit(tx, systemContext(), {
      organizationId: row.organizationId,
      action: kind === 'reminder' ? 'request.reminder' : 'request.escalation',
      entityType: 'request',
      entityId: requestId,
      after: { deadline, dueAt: due, recipients: recipients.map((r) => r.id) },
    });
  });
}

async function autoClose(deps: Deps, job: ClaimedJob): Promise<void> {
  const requestId = String(job.payload.requestId);
  const resolvedAt = Date.parse(String(job.payload.resolvedAt));
  await deps.db.transaction().execute(async (tx: Executor) => {
    const row = await repo.lockRequest(tx, requestId);
    if (!row || row.status !== 'resolved' || row.resolvedAt?.getTime() !== resolvedAt) return; // reopened, closed or resolved again
    const desk = await loadDesk(tx, row.organizationId);
    const closeAt = Date.parse(String(job.payload.closeAt)) || autoCloseAt(resolvedAt, desk.policy.autoCloseDays);
    if (deps.clock.now().getTime() < closeAt) throw new NotDueYetError(closeAt);
    await applyTransition(tx, deps, systemContext(), { row, desk }, 'system', { action: 'auto_close' });
  });
}

export function registerRequestJobs(runner: JobRunner, deps: Deps): void {
  runner.register(REMINDER_JOB, (job) => deadlineAlert(deps, job, 'reminder'));
  runner.register(ESCALATION_JOB, (job) => deadlineAlert(deps, job, 'escalation'));
  runner.register(AUTO_CLOSE_JOB, (job) => autoClose(deps, job));
}
