/**
 * Daily housekeeping: one durable job a day (a dedupe key per slot, so several app processes
 * still run it once) deletes what has outlived its use, then schedules the next day's run.
 * Each module brings its own task on its own tables (registry.ts): finished and failed jobs after
 * `JOBS_RETENTION_DAYS`, expired sessions (they hold the IP address and browser of a sign-in,
 * personal data under 152-FZ), expired password-reset links and the e-mails that carried them,
 * requests past their desk's retention period (de-personalised) and audit rows older than
 * `AUDIT_RETENTION_DAYS`. What was done is audited.
 */
import { DAY_MS } from '../../domain/working-time/index.ts';
import type { Executor } from '../db/database.ts';
import type { Deps } from '../deps.ts';
import { systemContext } from '../http/actor.ts';
import { recordAudit } from '../modules/audit/audit.service.ts';
import { deleteFinishedJobs, enqueueJob, type NewJob } from './jobs.repository.ts';
import type { JobRunner } from './runner.ts';

export const HOUSEKEEPING_JOB = 'housekeeping.daily';

/** 00:30 UTC (03:30 in Moscow): the night, when nobody at a school is waiting for the desk. */
const SLOT_UTC_MINUTES = 30;

/** Rows per delete statement: short statements, short locks, however much has piled up. */
export const PURGE_BATCH = 5_000;

export interface HousekeepingTask {
  /** The key of its count in the audit row and the log, e.g. "jobs". */
  name: string;
  /** Deletes what is due for deletion at `now`; returns how many rows went. */
  run(deps: Deps, now: Date): Promise<number>;
}

/** The first housekeeping slot strictly after `after`. */
export function nextSlot(after: Date): Date {
  const day = Math.floor(after.getTime() / DAY_MS) * DAY_MS;
  const slot = day + SLOT_UTC_MINUTES * 60_000;
  return new Date(slot > after.getTime() ? slot : slot + DAY_MS);
}

/** The job of the first slot after `after`; its dedupe key names the slot. */
export function housekeepingJob(after: Date): NewJob {
  const runAt = nextSlot(after);
  const slot = runAt.toISOString();
  return { kind: HOUSEKEEPING_JOB, runAt, payload: { slot }, dedupeKey: `${HOUSEKEEPING_JOB}:${slot}` };
}

/** Makes sure the next slot is scheduled (at start: a new install, or after days switched off). */
export async function scheduleHousekeeping(db: Executor, now: Date): Promise<void> {
  await enqueueJob(db, housekeepingJob(now));
}

/** Runs `remove(limit)` until it removes fewer than `limit` rows; returns the total. */
export async function deleteInBatches(remove: (limit: number) => Promise<number>, limit = PURGE_BATCH): Promise<number> {
  let total = 0;
  for (;;) {
    const removed = await remove(limit);
    total += removed;
    if (removed < limit) return total;
  }
}

/** The job runner's own task: jobs finished or given up more than `JOBS_RETENTION_DAYS` ago. */
export const finishedJobsTask: HousekeepingTask = {
  name: 'jobs',
  run: (deps, now) => {
    const before = new Date(now.getTime() - deps.config.jobsRetentionDays * DAY_MS);
    return deleteInBatches((limit) => deleteFinishedJobs(deps.db, before, limit));
  },
};

export function registerHousekeeping(runner: JobRunner, deps: Deps, tasks: readonly HousekeepingTask[]): void {
  runner.register(HOUSEKEEPING_JOB, async (job) => {
    const now = deps.clock.now();
    const deleted: Record<string, number> = {};
    for (const task of tasks) deleted[task.name] = await task.run(deps, now);
    // The next slot follows this job's own, not the clock: a clock a little behind the database
    // would otherwise name this slot again, and its dedupe key would drop the next run.
    const slot = new Date(String(job.payload.slot));
    const after = Number.isNaN(slot.getTime()) || slot < now ? now : slot;
    await deps.db.transaction().execute(async (tx) => {
      if (Object.values(deleted).some((count) => count > 0)) {
        await recordAudit(tx, systemContext(), {
          organizationId: null,
          action: 'housekeeping.purge',
          entityType: 'housekeeping',
          entityId: null,
          after: { deleted, jobsRetentionDays: deps.config.jobsRetentionDays, auditRetentionDays: deps.config.auditRetentionDays },
        });
      }
      await enqueueJob(tx, housekeepingJob(after));
    });
    deps.log.info({ deleted }, 'housekeeping done');
  });
}
