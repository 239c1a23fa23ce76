import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

export interface NewJob {
  kind: string;
  payload?: Record<string, unknown>;
  organizationId?: string | null;
  /** A job with the same key is enqueued once, ever: "never send the same reminder twice". */
  dedupeKey?: string | null;
  runAt?: Date;
  maxAttempts?: number;
}

export const JOBS_CHANNEL = 'opora_jobs';

/** Enqueues a job in the caller's transaction; returns false when the dedupe key already exists. */
export async function enqueueJob(db: Executor, job: NewJob): Promise<boolean> {
  const inserted = await db
    .insertInto('jobs')
    .values({
      kind: job.kind,
      payload: JSON.stringify(job.payload ?? {}),
      organizationId: job.organizationId ?? null,
      dedupeKey: job.dedupeKey ?? null,
      runAt: job.runAt ?? new Date(),
      ...(job.maxAttempts ? { maxAttempts: job.maxAttempts } : {}),
    })
    .onConflict((oc) => oc.column('dedupeKey').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) await sql`select pg_notify(${JOBS_CHANNEL}, ${job.kind})`.execute(db);
  return inserted !== undefined;
}

export interface ClaimedJob {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  organizationId: string | null;
  attempts: number;
  maxAttempts: number;
}

/** Claims due jobs for `lockMs`; concurrent runners skip each other's rows. */
export async function claimJobs(db: Executor, worker: string, limit: number, lockMs: number): Promise<ClaimedJob[]> {
  const result = await sql<ClaimedJob>`
    update jobs set attempts = attempts + 1, locked_by = ${worker},
      locked_until = now() + make_interval(secs => ${lockMs / 1000})
    where id in (
      select id from jobs
      where finished_at is null and failed_at is null and run_at <= now()
        and (locked_until is null or locked_until < now())
      order by run_at, id
      limit ${limit}
      for update skip locked)
    returning id, kind, payload, organization_id as "organizationId", attempts, max_attempts as "maxAttempts"`.execute(db);
  return result.rows;
}

export async function finishJob(db: Executor, id: number): Promise<void> {
  await db.updateTable('jobs').set({ finishedAt: sql`now()`, lockedUntil: null, lastError: null }).where('id', '=', id).execute();
}

export async function failJob(db: Executor, id: number, error: string, retryAt: Date | null): Promise<void> {
  await db
    .updateTable('jobs')
    .set(
      retryAt
        ? { runAt: retryAt, lockedUntil: null, lastError: error }
        : { failedAt: sql`now()`, lockedUntil: null, lastError: error },
    )
    .where('id', '=', id)
    .execute();
}

export function nextDueAt(db: Executor) {
  return db
    .selectFrom('jobs')
    .select((eb) => eb.fn.min('runAt').as('runAt'))
    .where('finishedAt', 'is', null)
    .where('failedAt', 'is', null)
    .executeTakeFirst();
}
