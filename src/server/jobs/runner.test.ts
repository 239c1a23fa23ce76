/**
 * The runner's batch handlers: every claimed job of the kind goes to one call, a job's own error
 * retries that job alone with backoff, a throw retries the whole batch, and single-job handlers of
 * other kinds run beside them.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/helpers/db.ts';
import { enqueueJobs } from './jobs.repository.ts';
import { createJobRunner, type JobRunner } from './runner.ts';

let t: TestDatabase;
let runner: JobRunner;
const calls: string[][] = [];
const singles: string[] = [];
let failNext: 'one' | 'all' | null = null;

beforeAll(async () => {
  t = await createTestDatabase();
  runner = createJobRunner({ db: t.db, pool: t.pool, log: pino({ level: 'silent' }), batch: 10 });
  runner.registerBatch('test.batch', async (jobs) => {
    const names = jobs.map((job) => String(job.payload.name)).sort(); // a claim returns its jobs in no set order
    calls.push(names);
    if (failNext === 'all') {
      failNext = null;
      throw new Error('the whole batch failed');
    }
    const failing = failNext === 'one' ? names[1] : undefined;
    failNext = null;
    return jobs.map((job) => (job.payload.name === failing ? new Error(`${failing} failed`) : null));
  });
  runner.register('test.single', async (job) => {
    singles.push(String(job.payload.name));
  });
});

afterAll(() => t.drop());

async function jobStates() {
  return t.db
    .selectFrom('jobs')
    .select(['payload', 'attempts', 'lastError', 'finishedAt', 'runAt'])
    .where('kind', 'like', 'test.%')
    .orderBy('id')
    .execute();
}

describe('batch handlers', () => {
  it('take every claimed job of their kind at once; a job that fails alone is retried alone', async () => {
    await enqueueJobs(t.db, [
      { kind: 'test.batch', payload: { name: 'a' } },
      { kind: 'test.single', payload: { name: 's' } },
      { kind: 'test.batch', payload: { name: 'b' } },
      { kind: 'test.batch', payload: { name: 'c' } },
    ]);
    failNext = 'one';
    const before = Date.now();
    expect(await runner.runDue()).toBe(4);
    expect(calls).toEqual([['a', 'b', 'c']]);
    expect(singles).toEqual(['s']);

    const states = await jobStates();
    const byName = new Map(states.map((row) => [String((row.payload as { name: string }).name), row]));
    expect(byName.get('a')!.finishedAt).not.toBeNull();
    expect(byName.get('c')!.finishedAt).not.toBeNull();
    expect(byName.get('s')!.finishedAt).not.toBeNull();
    const failed = byName.get('b')!;
    expect(failed).toMatchObject({ attempts: 1, lastError: 'b failed', finishedAt: null });
    expect(failed.runAt.getTime()).toBeGreaterThanOrEqual(before + 5_000); // first backoff: 5 s
  });

  it('retry every job of a batch whose handler throws', async () => {
    await t.db.deleteFrom('jobs').execute();
    calls.length = 0;
    await enqueueJobs(t.db, [
      { kind: 'test.batch', payload: { name: 'x' } },
      { kind: 'test.batch', payload: { name: 'y' } },
    ]);
    failNext = 'all';
    expect(await runner.runDue()).toBe(2);
    expect(calls).toEqual([['x', 'y']]);
    const states = await jobStates();
    expect(states.map((row) => [row.finishedAt, row.lastError])).toEqual([
      [null, 'the whole batch failed'],
      [null, 'the whole batch failed'],
    ]);

    // Due again: both go through.
    await t.db
      .updateTable('jobs')
      .set({ runAt: new Date(Date.now() - 1000) })
      .execute();
    expect(await runner.runDue()).toBe(2);
    expect(calls).toEqual([
      ['x', 'y'],
      ['x', 'y'],
    ]);
    expect((await jobStates()).every((row) => row.finishedAt !== null && row.attempts === 2)).toBe(true);
  });
});
