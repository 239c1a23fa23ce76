/** The demo school's requests: seeded through the real registration code, in every status. */
import { beforeAll, describe, expect, it } from 'vitest';
import { login, useTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { DEMO_PASSWORD, seedDemo } from '../../seed/demo.ts';
import { makeJobsDue } from './test-support.ts';

let t: TestApp;

beforeAll(async () => {
  t = await useTestApp();
  expect(await seedDemo(t.deps)).toBe(true);
});

describe('demo requests', () => {
  it('fifteen requests of school No. 27 in every status, with timelines and audit rows', async () => {
    const rows = await t.db.db.selectFrom('requests').select(['status', 'channel', 'number']).execute();
    expect(rows).toHaveLength(15);
    expect(new Set(rows.map((r) => r.status))).toEqual(
      new Set(['new', 'in_progress', 'waiting_for_requester', 'resolved', 'closed', 'rejected']),
    );
    expect(new Set(rows.map((r) => r.channel))).toEqual(new Set(['in_person', 'parent_meeting', 'phone', 'email', 'web']));
    expect(rows.every((r) => /^27-\d{2}-000(0[1-9]|1[0-5])$/.test(r.number))).toBe(true);
    const audit = await t.db.db.selectFrom('auditLog').select('action').where('action', 'like', 'request.%').execute();
    expect(audit.length).toBeGreaterThan(30);
    expect(await t.db.db.selectFrom('emailOutbox').select('id').where('template', '=', 'requests.ack').execute()).toHaveLength(0);
  });

  it('the consultant sees the queue with an overdue request; the parent sees only their own', async () => {
    const consultant = await login(t.app, 'consultant@school27.demo', DEMO_PASSWORD);
    const counts = (await consultant.get('/api/requests/counts')).json();
    expect(counts.all).toBe(15);
    expect(counts.overdue).toBeGreaterThanOrEqual(1);
    expect(counts.waiting).toBeGreaterThanOrEqual(1);
    const parent = await login(t.app, 'parent@school27.demo', DEMO_PASSWORD);
    const mine = (await parent.get('/api/my/requests')).json();
    expect(mine.total).toBe(2);
  });

  it('escalates the overdue request to the head once the jobs run', async () => {
    await makeJobsDue(t.db.db);
    await t.runner.runDue();
    const head = await login(t.app, 'head@school27.demo', DEMO_PASSWORD);
    const notifications = (await head.get('/api/notifications')).json();
    expect(notifications.items.some((n: { kind: string }) => n.kind === 'request.escalation')).toBe(true);
  });
});
