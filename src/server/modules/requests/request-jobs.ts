/**
 * Durable jobs of the request engine (registered in jobs/registry.ts):
 * - `requests.reminder` — before the deadline, tells the assignee (or every consultant when
 *   nobody is assigned): in-app notification + e-mail;
 * - `requests.escalation` — once the deadline has passed, tells the head(s): in-app
 *   notification + e-mail; the request is in the overdue queue from then on;
 * - `requests.auto_close` — closes a request left resolved for the desk's period.
 * Each handler re-reads the request under its row lock and acts only if the job is still about
 * the deadline that counts now (a moved deadline has its own jobs); `request_deadline_alerts`
 * makes each alert happen once per deadline, whatever runs the job twice. A job that finds itself
 * early by the application clock fails softly and is retried by the runner.
 */
import { autoCloseAt, reminderAt } from '../../../domain/requests/deadlines.ts';
import { isOpen } from '../../../domain/requests/lifecycle.ts';
import type { Executor } from '../../db/database.ts';
import type { Deps } from '../../deps.ts';
import type { ClaimedJob } from '../../jobs/jobs.repository.ts';
import type { JobRunner } from '../../jobs/runner.ts';
import { eventActor } from './request-access.ts';
import { systemContext } from '../../http/actor.ts';
import { AUTO_CLOSE_JOB, currentDueAt, ESCALATION_JOB, REMINDER_JOB } from './request-deadlines.ts';
import { notifyStaff, usersOfRole, workersToTell } from './request-notify.ts';
import { applyTransition } from './request-transitions.ts';
import { loadDesk } from './desk.service.ts';
import * as repo from './requests.repository.ts';
import { recordAudit } from '../audit/audit.service.ts';

/** Thrown when the application clock says the job is early; the runner retries it later. */
export class NotDueYetError extends Error {
  override readonly name = 'NotDueYetError';
  constructor(dueAt: number) {
    super(`not due yet by the application clock (due ${new Date(dueAt).toISOString()})`);
  }
}

function payloadOf(job: ClaimedJob): { requestId: string; dueAt: number } {
  return { requestId: String(job.payload.requestId), dueAt: Date.parse(String(job.payload.dueAt)) };
}

async function deadlineAlert(deps: Deps, job: ClaimedJob, kind: 'reminder' | 'escalation'): Promise<void> {
  const { requestId, dueAt } = payloadOf(job);
  await deps.db.transaction().execute(async (tx: Executor) => {
    const row = await repo.lockRequest(tx, requestId);
    if (!row || !isOpen(row.status) || currentDueAt(row) !== dueAt) return; // finished, paused or moved
    const desk = await loadDesk(tx, row.organizationId);
    const now = deps.clock.now().getTime();
    if (kind === 'reminder') {
      const leadHours = Number(job.payload.leadHours ?? desk.policy.reminderLeadHours);
      if (leadHours !== desk.policy.reminderLeadHours) return; // the lead time changed: a newer job reminds
      if (now < reminderAt(dueAt, leadHours)) throw new NotDueYetError(reminderAt(dueAt, leadHours));
      if (now > dueAt) return; // too late to remind: the escalation takes over
    } else if (now <= dueAt) {
      throw new NotDueYetError(dueAt + 1);
    }
    if (!(await repo.insertAlert(tx, { requestId, organizationId: row.organizationId, kind, dueAt: new Date(dueAt) }))) return;
    const recipients = kind === 'reminder' ? await workersToTell(tx, row) : await usersOfRole(tx, row.organizationId, ['head']);
    const outboxIds = await notifyStaff(tx, deps, row, desk, kind, recipients);
    await repo.insertEvent(tx, {
      requestId,
      organizationId: row.organizationId,
      type: kind === 'reminder' ? 'reminder_sent' : 'escalated',
      ...eventActor(systemContext(), 'system'),
      body: null,
      visibility: 'internal',
      metadata: { dueAt: new Date(dueAt).toISOString(), recipients: recipients.map((r) => r.fullName), outboxIds },
      createdAt: deps.clock.now(),
    });
    await recordAudit(tx, systemContext(), {
      organizationId: row.organizationId,
      action: kind === 'reminder' ? 'request.reminder' : 'request.escalation',
      entityType: 'request',
      entityId: requestId,
      after: { dueAt: new Date(dueAt).toISOString(), recipients: recipients.map((r) => r.id) },
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
