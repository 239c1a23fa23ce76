/**
 * Daily housekeeping on a real database: jobs finished or given up before the retention period
 * go, newer and unfinished ones stay; expired sessions and password-reset links go (and, a day
 * on, the e-mails that carried the links), a live session still works; audit rows older than
 * the audit retention period go; the purge is audited; the
 * next day's run is scheduled once, however many processes schedule it.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, login, useTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../tests/helpers/factories.ts';
import { hashToken } from '../lib/tokens.ts';
import { deleteInBatches, HOUSEKEEPING_JOB, housekeepingJob, nextSlot, scheduleHousekeeping } from './housekeeping.ts';
import { enqueueJob } from './jobs.repository.ts';

const DAY = 24 * 3600_000;
const now = new Date(Math.floor(Date.now() / 60_000) * 60_000);
let t: TestApp;

beforeAll(async () => {
  t = await useTestApp({ clock: fixedClock(now.toISOString()), env: { JOBS_RETENTION_DAYS: '30' } });
});

const ago = (days: number) => new Date(now.getTime() - days * DAY);

async function addJob(name: string, state: { finishedAt?: Date; failedAt?: Date; runAt?: Date; createdAt?: Date }): Promise<void> {
  await t.db.db
    .insertInto('jobs')
    .values({ kind: 'test.housekeeping', payload: JSON.stringify({ name }), runAt: state.runAt ?? ago(100), ...state })
    .execute();
}

async function housekeepingJobs() {
  return t.db.db
    .selectFrom('jobs')
    .select(['runAt', 'dedupeKey', 'finishedAt'])
    .where('kind', '=', HOUSEKEEPING_JOB)
    .orderBy('runAt')
    .execute();
}

describe('the housekeeping slot', () => {
  it('is 00:30 UTC, the first one strictly after the given time', () => {
    expect(nextSlot(new Date('2026-03-02T00:29:59Z')).toISOString()).toBe('2026-03-02T00:30:00.000Z');
    expect(nextSlot(new Date('2026-03-02T00:30:00Z')).toISOString()).toBe('2026-03-03T00:30:00.000Z');
    expect(nextSlot(new Date('2026-12-31T23:59:00Z')).toISOString()).toBe('2027-01-01T00:30:00.000Z');
    expect(housekeepingJob(new Date('2026-03-02T07:00:00Z')).dedupeKey).toBe(`${HOUSEKEEPING_JOB}:2026-03-03T00:30:00.000Z`);
  });

  it('deletes in batches until a batch comes back short', async () => {
    const batches: number[] = [];
    let left = 12;
    const total = await deleteInBatches(async (limit) => {
      const removed = Math.min(limit, left);
      left -= removed;
      batches.push(removed);
      return removed;
    }, 5);
    expect(total).toBe(12);
    expect(batches).toEqual([5, 5, 2]);
  });
});

describe('daily housekeeping', () => {
  it('deletes old finished jobs, expired sessions and reset links, audits it and schedules the next day once', async () => {
    await addJob('finished-40-days-ago', { finishedAt: ago(40) });
    await addJob('failed-40-days-ago', { failedAt: ago(40) });
    await addJob('finished-10-days-ago', { finishedAt: ago(10) });
    await addJob('failed-10-days-ago', { failedAt: ago(10) });
    await addJob('waiting-since-100-days', { createdAt: ago(100), runAt: new Date(now.getTime() + DAY) });

    const region = await createOrganization(t.db.db, 'region', null);
    const school = await createOrganization(t.db.db, 'school', region);
    const user = await createUser(t.db.db, school, 'consultant');
    const live = await login(t.app, user.email, TEST_PASSWORD);
    await t.db.db
      .insertInto('sessions')
      .values({
        id: hashToken('expired-session'),
        userId: user.id,
        csrfToken: 'x',
        ip: '203.0.113.7',
        userAgent: 'Firefox',
        expiresAt: ago(1),
      })
      .execute();
    await t.db.db
      .insertInto('passwordResets')
      .values({ tokenHash: hashToken('old-link'), userId: user.id, expiresAt: ago(1) })
      .execute();
    await t.db.db
      .insertInto('passwordResets')
      .values({ tokenHash: hashToken('fresh-link'), userId: user.id, expiresAt: new Date(now.getTime() + 3600_000) })
      .execute();

    // The e-mails that carried reset links go a day after they were made; others stay.
    const email = (template: string, relatedType: string, createdAt: Date) => ({
      organizationId: null,
      toAddress: user.email,
      subject: 'x',
      textBody: 'x',
      template,
      relatedType,
      relatedId: user.id,
      status: 'sent' as const,
      createdAt,
    });
    await t.db.db
      .insertInto('emailOutbox')
      .values([
        email('password_reset', 'user', ago(2)),
        email('password_reset', 'user', new Date(now.getTime() - 3600_000)),
        email('requests.acknowledgement', 'request', ago(2)),
      ])
      .execute();

    // Audit rows older than the audit retention period (5 years by default) go; younger ones stay.
    const auditRow = (action: string, createdAt: Date) => ({
      organizationId: school.id,
      actorUserId: user.id,
      actorRole: 'consultant',
      action,
      entityType: 'test',
      ip: '203.0.113.7',
      createdAt,
    });
    await t.db.db
      .insertInto('auditLog')
      .values([auditRow('test.old', ago(1826)), auditRow('test.older', ago(4000)), auditRow('test.recent', ago(1824))])
      .execute();

    // Today's slot is due; a second process scheduling the same next slot adds nothing.
    await enqueueJob(t.db.db, housekeepingJob(new Date(now.getTime() - DAY)));
    await t.runner.runDue();
    await scheduleHousekeeping(t.db.db, now);

    const names = (
      await t.db.db
        .selectFrom('jobs')
        .select(sql<string>`payload->>'name'`.as('name'))
        .where('kind', '=', 'test.housekeeping')
        .orderBy('id')
        .execute()
    ).map((row) => row.name);
    expect(names).toEqual(['finished-10-days-ago', 'failed-10-days-ago', 'waiting-since-100-days']);

    const sessions = await t.db.db.selectFrom('sessions').select('id').where('userId', '=', user.id).execute();
    expect(sessions.map((s) => s.id)).not.toContain(hashToken('expired-session'));
    expect(sessions).toHaveLength(1);
    expect((await live.get('/api/me')).statusCode).toBe(200);
    const resets = await t.db.db.selectFrom('passwordResets').select('tokenHash').where('userId', '=', user.id).execute();
    expect(resets.map((r) => r.tokenHash)).toEqual([hashToken('fresh-link')]);
    const emails = await t.db.db.selectFrom('emailOutbox').select(['template', 'createdAt']).where('relatedId', '=', user.id).execute();
    expect(emails.map((e) => e.template).sort()).toEqual(['password_reset', 'requests.acknowledgement']);
    expect(emails.find((e) => e.template === 'password_reset')!.createdAt.getTime()).toBe(now.getTime() - 3600_000);

    const audit = await t.db.db
      .selectFrom('auditLog')
      .select(['actorUserId', 'after'])
      .where('action', '=', 'housekeeping.purge')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorUserId).toBeNull();
    expect(audit[0]!.after).toMatchObject({
      deleted: { jobs: 2, sessions: 1, passwordResets: 2, requestsAnonymized: 0, audit: 2 },
      jobsRetentionDays: 30,
      auditRetentionDays: 1825,
    });
    const kept = await t.db.db.selectFrom('auditLog').select('action').where('action', 'like', 'test.%').execute();
    expect(kept.map((row) => row.action)).toEqual(['test.recent']);

    const scheduled = await housekeepingJobs();
    expect(scheduled).toHaveLength(2);
    expect(scheduled[0]!.finishedAt).not.toBeNull();
    expect(scheduled[1]!.finishedAt).toBeNull();
    expect(scheduled[1]!.runAt.toISOString()).toBe(nextSlot(now).toISOString());
    expect(scheduled[1]!.dedupeKey).toBe(`${HOUSEKEEPING_JOB}:${nextSlot(now).toISOString()}`);
  });

  it('shows its audit row to the administrator of the root organisation, not to a school', async () => {
    const region = await createOrganization(t.db.db, 'region', null);
    const school = await createOrganization(t.db.db, 'school', region);
    const admin = await login(t.app, (await createUser(t.db.db, region, 'admin')).email, TEST_PASSWORD);
    const head = await login(t.app, (await createUser(t.db.db, school, 'head')).email, TEST_PASSWORD);
    const seen = async (client: typeof admin) => {
      const response = await client.get('/api/audit?action=housekeeping.');
      expect(response.statusCode).toBe(200);
      return (response.json() as { items: Array<{ action: string; organizationId: string | null }> }).items;
    };
    const rows = await seen(admin);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.action === 'housekeeping.purge' && row.organizationId === null)).toBe(true);
    expect(await seen(head)).toEqual([]);
    // Narrowed to one organisation, the root's view keeps to it.
    expect((await admin.get(`/api/audit?action=housekeeping.&organizationId=${region.id}`)).json().items).toEqual([]);
  });

  it('writes no audit row when there was nothing to delete, and still schedules the next day', async () => {
    const before = (await t.db.db.selectFrom('auditLog').select('id').where('action', '=', 'housekeeping.purge').execute()).length;
    await sql`delete from jobs where kind = ${HOUSEKEEPING_JOB}`.execute(t.db.db);
    await enqueueJob(t.db.db, housekeepingJob(new Date(now.getTime() - DAY)));
    await t.runner.runDue();
    const after = (await t.db.db.selectFrom('auditLog').select('id').where('action', '=', 'housekeeping.purge').execute()).length;
    expect(after).toBe(before);
    const pending = (await housekeepingJobs()).filter((job) => job.finishedAt === null);
    expect(pending.map((job) => job.runAt.toISOString())).toEqual([nextSlot(now).toISOString()]);
  });

  it('schedules the slot after its own when the application clock is behind the database', async () => {
    await sql`delete from jobs where kind = ${HOUSEKEEPING_JOB}`.execute(t.db.db);
    // The database finds the job due while the application clock has not reached its slot yet.
    const early = housekeepingJob(now);
    await enqueueJob(t.db.db, early);
    await sql`update jobs set run_at = now() - interval '1 second' where kind = ${HOUSEKEEPING_JOB}`.execute(t.db.db);
    await t.runner.runDue();
    const pending = (await housekeepingJobs()).filter((job) => job.finishedAt === null);
    expect(pending.map((job) => job.dedupeKey)).toEqual([`${HOUSEKEEPING_JOB}:${nextSlot(early.runAt!).toISOString()}`]);
  });
});
