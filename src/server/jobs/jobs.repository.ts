import { sql, type QueryCreator } from 'kysely';
import type { Executor } from '../db/database.ts';
import { anyOf, jsonRows } from '../db/json-params.ts';
import type { DB } from '../db/schema.ts';

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

/**
 * Jobs due within this window wake the runner at once (NOTIFY); later ones are found by its poll
 * (every second, runner.ts). A NOTIFY takes a database-wide lock at commit, which serialises the
 * commits of every notifying transaction, so it is spent only where it shortens a wait.
 */
const WAKE_WINDOW_MS = 1_000;

/** The column default of jobs.max_attempts (0001_init.sql), for rows written from JSON. */
const DEFAULT_MAX_ATTEMPTS = 8;

const JOB_COLUMNS = ['kind', 'payload', 'organizationId', 'dedupeKey', 'runAt', 'maxAttempts'] as const;

/** Enqueues a job in the caller's transaction; returns false when the dedupe key already exists. */
export async function enqueueJob(db: Executor, job: NewJob): Promise<boolean> {
  return (await enqueueJobs(db, [job])) > 0;
}

/**
 * Enqueues several jobs in one statement (the caller's transaction) and wakes the runner in the
 * same statement when an inserted job is due now. Jobs whose dedupe key exists are skipped;
 * returns how many were inserted.
 */
export async function enqueueJobs(db: Executor, jobs: readonly NewJob[]): Promise<number> {
  if (jobs.length === 0) return 0;
  const inserted = await db
    .with('j', (qb) => jobsInsert(qb, jobs))
    .selectFrom('j')
    .select(['j.id', wakeRunner('j')])
    .execute();
  return inserted.length;
}

/**
 * The insert of `enqueueJobs` (dedupe keys that exist are skipped), for a `with` clause of a
 * statement that writes jobs along with other rows; select `wakeRunner(name)` from it.
 */
export function jobsInsert<D extends DB>(qc: QueryCreator<D>, jobs: readonly NewJob[]) {
  const now = Date.now();
  const rows = jobs.map((job) => ({
    kind: job.kind,
    payload: job.payload ?? {},
    organizationId: job.organizationId ?? null,
    dedupeKey: job.dedupeKey ?? null,
    runAt: job.runAt ?? new Date(now),
    maxAttempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
  }));
  return qc
    .insertInto('jobs')
    .columns(JOB_COLUMNS)
    .expression(jsonRows('jobs', JOB_COLUMNS, rows))
    .onConflict((oc) => oc.column('dedupeKey').doNothing())
    .returning(['id', 'kind', 'runAt']);
}

/**
 * A column that wakes the runner (NOTIFY, with the job's kind) for each job inserted by the `with`
 * clause `name` (a `jobsInsert`) that is due soon; identical notices of a transaction fold into one.
 * Evaluated once per statement, whatever the number of rows selected.
 */
export function wakeRunner(name: string) {
  const wakeBefore = new Date(Date.now() + WAKE_WINDOW_MS);
  return sql<number>`(select count(pg_notify(${JOBS_CHANNEL}, kind)) from ${sql.table(name)} where run_at <= ${wakeBefore})`.as('woke');
}

export interface ClaimedJob {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  organizationId: string | null;
  attempts: number;
  maxAttempts: number;
}

/** Why a job was given up without its handler's word: the process stopped during every attempt. */
export const ABANDONED = 'abandoned: the process stopped while running it, on every attempt';

/**
 * Claims due jobs for `lockMs`; concurrent runners skip each other's rows. A job whose lock ran out
 * after its last attempt (the process died running it, every time) is marked failed in the same
 * statement instead of being run again — a handler that crashes the process must not do so forever.
 */
export async function claimJobs(db: Executor, worker: string, limit: number, lockMs: number): Promise<ClaimedJob[]> {
  const result = await sql<ClaimedJob>`
    with abandoned as (
      update jobs set failed_at = now(), locked_until = null, last_error = ${ABANDONED}
      where id in (
        select id from jobs
        where finished_at is null and failed_at is null and run_at <= now()
          and locked_until < now() and attempts >= max_attempts
        for update skip locked)
      returning id)
    update jobs set attempts = attempts + 1, locked_by = ${worker},
      locked_until = now() + make_interval(secs => ${lockMs / 1000})
    where id in (
      select id from jobs
      where finished_at is null and failed_at is null and run_at <= now()
        and (locked_until is null or locked_until < now()) and attempts < max_attempts
      order by run_at, id
      limit ${limit}
      for update skip locked)
    returning id, kind, payload, organization_id as "organizationId", attempts, max_attempts as "maxAttempts"`.execute(db);
  return result.rows;
}

/** Marks jobs done, in one statement. */
export async function finishJobs(db: Executor, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('jobs')
    .set({ finishedAt: sql`now()`, lockedUntil: null, lastError: null })
    .where('id', '=', anyOf(ids, 'bigint'))
    .execute();
}

/**
 * Frees the dedupe key of a job that found nothing to do yet (e.g. a reminder of a request that is
 * waiting for the requester): the job finishes as usual, and the same key enqueued again later —
 * when the same deadline counts again — makes a new job instead of being skipped as a duplicate.
 * Whatever the job would have sent must be made once by its handler (the requests' alerts table).
 */
export async function releaseDedupeKey(db: Executor, id: number): Promise<void> {
  await db.updateTable('jobs').set({ dedupeKey: null }).where('id', '=', id).execute();
}

/**
 * Deletes up to `limit` jobs that finished or gave up before `before` (housekeeping); returns how
 * many. Their dedupe keys go with them: every key names one deadline or one slot, and a key is
 * used again only after its job released it (`releaseDedupeKey`).
 */
export async function deleteFinishedJobs(db: Executor, before: Date, limit: number): Promise<number> {
  const result = await db
    .deleteFrom('jobs')
    .where('id', 'in', (qb) =>
      qb
        .selectFrom('jobs')
        .select('id')
        .where((eb) => eb.or([eb('finishedAt', '<', before), eb('failedAt', '<', before)]))
        .limit(limit),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function failJob(db: Executor, id: number, error: string, retryAt: Date | null): Promise<void> {
  await db
    .updateTable('jobs')
    .set(retryAt ? { runAt: retryAt, lockedUntil: null, lastError: error } : { failedAt: sql`now()`, lockedUntil: null, lastError: error })
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
