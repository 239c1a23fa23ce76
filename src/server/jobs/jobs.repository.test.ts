/**
 * Enqueuing jobs: several in one statement, the dedupe key, and the wake-up — only a job that is
 * due now notifies the runner (a NOTIFY serialises commits; later jobs are found by the poll).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../tests/helpers/db.ts';
import { ABANDONED, claimJobs, enqueueJob, enqueueJobs, JOBS_CHANNEL } from './jobs.repository.ts';
import { sql } from 'kysely';

let t: TestDatabase;
let listener: pg.PoolClient;
const woken: string[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  listener = await t.pool.connect();
  listener.on('notification', (n) => woken.push(String(n.payload)));
  await listener.query(`listen ${JOBS_CHANNEL}`);
});

afterAll(async () => {
  listener.release();
  await t.drop();
});

/** Notifications are delivered after commit; a round trip on the listener lets them arrive. */
async function settle(): Promise<void> {
  await listener.query('select 1');
  await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('enqueueJobs', () => {
  it('inserts several jobs in one statement, skips known dedupe keys, keeps the default attempts', async () => {
    const later = new Date(Date.now() + 3_600_000);
    expect(
      await enqueueJobs(t.db, [
        { kind: 'test.a', dedupeKey: 'a-1', runAt: later, maxAttempts: 20 },
        { kind: 'test.b', dedupeKey: 'b-1', runAt: later },
      ]),
    ).toBe(2);
    expect(
      await enqueueJobs(t.db, [
        { kind: 'test.a', dedupeKey: 'a-1', runAt: later },
        { kind: 'test.c', dedupeKey: 'c-1', runAt: later },
      ]),
    ).toBe(1);
    expect(await enqueueJob(t.db, { kind: 'test.b', dedupeKey: 'b-1', runAt: later })).toBe(false);
    expect(await enqueueJobs(t.db, [])).toBe(0);
    const rows = await t.db
      .selectFrom('jobs')
      .select(['kind', 'dedupeKey', 'maxAttempts'])
      .where('kind', 'like', 'test.%')
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { kind: 'test.a', dedupeKey: 'a-1', maxAttempts: 20 },
      { kind: 'test.b', dedupeKey: 'b-1', maxAttempts: 8 },
      { kind: 'test.c', dedupeKey: 'c-1', maxAttempts: 8 },
    ]);
  });

  it('wakes the runner only for a job that is due now, and only when it was inserted', async () => {
    woken.length = 0;
    await t.db.transaction().execute((tx) => enqueueJobs(tx, [{ kind: 'wake.later', runAt: new Date(Date.now() + 60_000) }]));
    await settle();
    expect(woken).toEqual([]);
    await t.db.transaction().execute((tx) =>
      enqueueJobs(tx, [
        { kind: 'wake.now', dedupeKey: 'now-1' },
        { kind: 'wake.later', runAt: new Date(Date.now() + 60_000) },
      ]),
    );
    await settle();
    expect(woken).toEqual(['wake.now']);
    expect(await enqueueJob(t.db, { kind: 'wake.now', dedupeKey: 'now-1' })).toBe(false);
    await settle();
    expect(woken).toEqual(['wake.now']);
  });
});

describe('claimJobs', () => {
  it('gives up a job whose process died during every attempt instead of running it again', async () => {
    const past = new Date(Date.now() - 60_000);
    await enqueueJobs(t.db, [{ kind: 'test.crash', dedupeKey: 'crash-1', runAt: past, maxAttempts: 2 }]);
    // Two claims whose process never came back: the lock runs out each time.
    for (let attempt = 1; attempt <= 2; attempt += 1) {
      const claimed = await claimJobs(t.db, `worker-${attempt}`, 10, 1_000);
      expect(claimed.filter((job) => job.kind === 'test.crash').map((job) => job.attempts)).toEqual([attempt]);
      await sql`update jobs set locked_until = now() - interval '1 second' where dedupe_key = 'crash-1'`.execute(t.db);
    }
    expect((await claimJobs(t.db, 'worker-3', 10, 1_000)).filter((job) => job.kind === 'test.crash')).toEqual([]);
    const row = await t.db
      .selectFrom('jobs')
      .select(['attempts', 'failedAt', 'lastError'])
      .where('dedupeKey', '=', 'crash-1')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ attempts: 2, lastError: ABANDONED });
    expect(row.failedAt).toBeInstanceOf(Date);
  });
});
