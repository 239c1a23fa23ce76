/**
 * The durable job runner: jobs live in PostgreSQL, are claimed with FOR UPDATE SKIP LOCKED,
 * retried with exponential backoff, and survive restarts (a claim expires if its worker dies).
 * New jobs that are due now wake the runner at once through LISTEN/NOTIFY (jobs.repository.ts);
 * otherwise it polls every second.
 */
import { hostname } from 'node:os';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { Database } from '../db/database.ts';
import { claimJobs, failJob, finishJobs, JOBS_CHANNEL, type ClaimedJob } from './jobs.repository.ts';

export type JobHandler = (job: ClaimedJob) => Promise<void>;

/**
 * A handler of every claimed job of its kind at once (one read for a batch of e-mails, say).
 * Returns one outcome per job, in order: null when it is done, else the error that failed it
 * (the runner retries it with backoff like a single job's throw). A throw fails the whole batch.
 */
export type BatchHandler = (jobs: readonly ClaimedJob[]) => Promise<ReadonlyArray<Error | null>>;

export interface JobRunner {
  register(kind: string, handler: JobHandler): void;
  registerBatch(kind: string, handler: BatchHandler): void;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Runs every due job once (tests and `opora jobs run-once`). Returns how many ran. */
  runDue(): Promise<number>;
}

export interface RunnerOptions {
  db: Database;
  pool: pg.Pool;
  log: Logger;
  pollMs?: number;
  batch?: number;
  lockMs?: number;
}

/** Delay before attempt n+1: 5 s, 10 s, 20 s … capped at one hour. */
export function backoffMs(attempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export function createJobRunner(options: RunnerOptions): JobRunner {
  const handlers = new Map<string, JobHandler>();
  const worker = `${hostname()}:${process.pid}`;
  const pollMs = options.pollMs ?? 1_000;
  let timer: NodeJS.Timeout | null = null;
  let listener: pg.PoolClient | null = null;
  let running = false;
  let stopping = false;
  let wakeRequested = false;

  const batchHandlers = new Map<string, BatchHandler>();

  /** Records a job's failure: retried with backoff until its attempts run out. */
  async function failed(job: ClaimedJob, error: unknown): Promise<void> {
    const message = (error as Error).message ?? String(error);
    const retryAt = job.attempts < job.maxAttempts ? new Date(Date.now() + backoffMs(job.attempts)) : null;
    options.log.warn({ job: job.id, kind: job.kind, attempt: job.attempts, err: message }, 'job failed');
    await failJob(options.db, job.id, message, retryAt);
  }

  /** Runs a job's handler; true when it succeeded (the caller marks it done), false when it was failed or rescheduled. */
  async function runOne(job: ClaimedJob): Promise<boolean> {
    const handler = handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
      await handler(job);
      return true;
    } catch (error) {
      await failed(job, error);
      return false;
    }
  }

  /** Runs a batch handler on the claimed jobs of its kind; returns the ids of those it finished. */
  async function runBatch(handler: BatchHandler, jobs: readonly ClaimedJob[]): Promise<number[]> {
    let outcomes: ReadonlyArray<Error | null>;
    try {
      outcomes = await handler(jobs);
      if (outcomes.length !== jobs.length) throw new Error(`a batch of ${jobs.length} jobs returned ${outcomes.length} outcomes`);
    } catch (error) {
      outcomes = jobs.map(() => error as Error);
    }
    const done: number[] = [];
    for (const [index, job] of jobs.entries()) {
      const outcome = outcomes[index]!;
      if (outcome === null) done.push(job.id);
      else await failed(job, outcome);
    }
    return done;
  }

  async function runDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const jobs = await claimJobs(options.db, worker, options.batch ?? 10, options.lockMs ?? 120_000);
      if (jobs.length === 0) return total;
      // The claimed batch is marked done in one statement. Handlers are idempotent (an e-mail is sent
      // once per outbox row, an alert once per deadline), so a crash before the mark only repeats
      // a check, never a message.
      const done: number[] = [];
      const batches = new Map<BatchHandler, ClaimedJob[]>();
      for (const job of jobs) {
        const batch = batchHandlers.get(job.kind);
        if (batch) batches.set(batch, [...(batches.get(batch) ?? []), job]);
        else if (await runOne(job)) done.push(job.id);
      }
      for (const [handler, batch] of batches) done.push(...(await runBatch(handler, batch)));
      await finishJobs(options.db, done);
      total += jobs.length;
      if (stopping) return total;
    }
  }

  async function tick(): Promise<void> {
    if (running || stopping) {
      wakeRequested = true;
      return;
    }
    running = true;
    try {
      do {
        wakeRequested = false;
        await runDue();
      } while (wakeRequested && !stopping);
    } catch (error) {
      options.log.error({ err: error }, 'job runner tick failed');
    } finally {
      running = false;
    }
  }

  return {
    register(kind, handler) {
      handlers.set(kind, handler);
    },
    registerBatch(kind, handler) {
      batchHandlers.set(kind, handler);
    },
    async start() {
      listener = await options.pool.connect();
      listener.on('notification', () => void tick());
      listener.on('error', (error) => options.log.warn({ err: error.message }, 'job listener connection lost'));
      await listener.query(`listen ${JOBS_CHANNEL}`);
      timer = setInterval(() => void tick(), pollMs);
      void tick();
    },
    async stop() {
      stopping = true;
      if (timer) clearInterval(timer);
      while (running) await new Promise((resolve) => setTimeout(resolve, 20));
      if (listener) {
        await listener.query(`unlisten ${JOBS_CHANNEL}`).catch(() => {});
        listener.release();
        listener = null;
      }
    },
    runDue,
  };
}
