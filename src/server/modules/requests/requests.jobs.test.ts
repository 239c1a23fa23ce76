/**
 * Deadline jobs with a fixed clock and a real SMTP listener: the reminder before the deadline, the
 * escalation to the head after it, the auto-close of resolved requests. Each alert goes out once
 * per deadline — running the jobs twice, re-enqueuing them, or two runners at once change nothing —
 * and a deadline that moves leaves its old jobs without effect.
 */
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobRunner } from '../../jobs/runner.ts';
import { registerJobs } from '../../jobs/registry.ts';
import { enqueueJob } from '../../jobs/jobs.repository.ts';
import { fixedClock, login, useTestApp, type Client, type TestApp } from '../../../../tests/helpers/app.ts';
import { createOrganization, createUser, TEST_PASSWORD, type OrgRef, type TestUser } from '../../../../tests/helpers/factories.ts';
import { startSmtpListener, type SmtpListener } from '../../../../tests/helpers/smtp.ts';
import { makeJobsDue } from './test-support.ts';

const clock = fixedClock('2026-03-02T07:00:00Z'); // Monday 10:00 Moscow time
let t: TestApp;
let smtp: SmtpListener;

beforeAll(async () => {
  smtp = await startSmtpListener();
  t = await useTestApp({ clock, env: smtp.env() });
});
afterAll(() => smtp.close());

interface Desk {
  school: OrgRef;
  consultant: TestUser;
  head: TestUser;
}

async function newDesk(): Promise<Desk> {
  const region = await createOrganization(t.db.db, 'region', null);
  const school = await createOrganization(t.db.db, 'school', region, 'МБОУ СОШ №12');
  return {
    school,
    consultant: await createUser(t.db.db, school, 'consultant', 'Смирнов Алексей'),
    head: await createUser(t.db.db, school, 'head', 'Иванова Марина'),
  };
}

async function as(user: TestUser): Promise<Client> {
  return login(t.app, user.email, TEST_PASSWORD);
}

async function intake(client: Client, extra: Record<string, unknown> = {}): Promise<{ id: string; number: string }> {
  const response = await client.post('/api/requests/intake', {
    channel: 'phone',
    subject: 'Журнал не открывается',
    requester: { kind: 'staff', name: 'Кузнецова Елена', phone: '+7 900 000-00-01' },
    ...extra,
  });
  expect(response.statusCode).toBe(201);
  return response.json();
}

/** Runs the runner as if real time had caught up with the application clock. */
async function runJobs(): Promise<void> {
  await makeJobsDue(t.db.db);
  await t.runner.runDue();
}

async function notices(userId: string, kind: string) {
  return t.db.db.selectFrom('notifications').select(['title', 'link']).where('userId', '=', userId).where('kind', '=', kind).execute();
}

async function alerts(requestId: string) {
  return t.db.db
    .selectFrom('requestDeadlineAlerts')
    .select(['kind', 'deadline', 'dueAt'])
    .where('requestId', '=', requestId)
    .orderBy('kind')
    .orderBy('dueAt')
    .execute();
}

describe('reminder and escalation', () => {
  it('reminds the assignee a day before, escalates to the head after the deadline — once each', async () => {
    clock.set('2026-03-02T07:00:00Z');
    const desk = await newDesk();
    const request = await intake(await as(desk.consultant));
    await runJobs(); // nothing is due yet: the jobs find themselves early and wait
    expect(await notices(desk.consultant.id, 'request.reminder')).toHaveLength(0);

    clock.set('2026-03-10T06:00:00Z'); // 09:00 on the last day (due 10.03 23:59 Moscow time)
    await runJobs();
    const reminders = await notices(desk.consultant.id, 'request.reminder');
    expect(reminders).toEqual([
      { title: `Срок по обращению ${request.number} истекает 10.03.2026 23:59`, link: `/requests/${request.id}` },
    ]);
    const mail = await smtp.waitFor((m) => m.subject === `Срок по обращению ${request.number} истекает 10.03.2026 23:59`);
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toContain(desk.consultant.email);
    expect(mail.text).toContain(`http://opora.test/requests/${request.id}`);
    expect(mail.text).toContain('Исполнитель: Смирнов Алексей');

    // A restart that re-enqueues the reminder, running everything twice, and two runners at once.
    await enqueueJob(t.db.db, {
      kind: 'requests.reminder',
      payload: { requestId: request.id, dueAt: '2026-03-10T20:59:59.999Z', leadHours: 24 },
      dedupeKey: `again-${request.id}`,
    });
    await runJobs();
    const second = createJobRunner({ db: t.db.db, pool: t.db.pool, log: pino({ level: 'silent' }) });
    registerJobs(second, t.deps);
    for (let i = 0; i < 5; i += 1) {
      await enqueueJob(t.db.db, {
        kind: 'requests.reminder',
        payload: { requestId: request.id, dueAt: '2026-03-10T20:59:59.999Z', leadHours: 24 },
        dedupeKey: `race-${i}-${request.id}`,
      });
    }
    await Promise.all([t.runner.runDue(), second.runDue()]);
    expect(await notices(desk.consultant.id, 'request.reminder')).toHaveLength(1);
    expect(smtp.messages.filter((m) => m.subject?.startsWith(`Срок по обращению ${request.number}`))).toHaveLength(1);

    clock.set('2026-03-10T20:59:59.999Z'); // the last millisecond is still in time
    await runJobs();
    expect(await notices(desk.head.id, 'request.escalation')).toHaveLength(0);

    clock.set('2026-03-11T06:00:00Z');
    await runJobs();
    await Promise.all([t.runner.runDue(), second.runDue()]);
    await runJobs();
    expect(await notices(desk.head.id, 'request.escalation')).toEqual([
      { title: `Просрочено обращение ${request.number}`, link: `/requests/${request.id}` },
    ]);
    const escalation = await smtp.waitFor((m) => m.subject === `Просрочено обращение ${request.number}`);
    expect(escalation.text).toContain('не рассмотрено в срок (10.03.2026 23:59)');
    expect(smtp.messages.filter((m) => m.subject === `Просрочено обращение ${request.number}`)).toHaveLength(1);
    expect((await alerts(request.id)).map((a) => a.kind)).toEqual(['escalation', 'reminder']);

    const head = await as(desk.head);
    const overdue = (await head.get('/api/requests?view=overdue')).json();
    expect(overdue.items.map((i: { id: string }) => i.id)).toEqual([request.id]);
    const detail = (await head.get(`/api/requests/${request.id}`)).json();
    const escalated = detail.timeline.find((e: { type: string }) => e.type === 'escalated');
    expect(escalated).toMatchObject({ visibility: 'internal', actor: { kind: 'system' }, metadata: { recipients: ['Иванова Марина'] } });
    expect(escalated.deliveries).toEqual([expect.objectContaining({ to: desk.head.email, status: 'sent' })]);
    const audit = await t.db.db
      .selectFrom('auditLog')
      .select(['action', 'actorUserId'])
      .where('entityId', '=', request.id)
      .where('action', 'in', ['request.reminder', 'request.escalation'])
      .execute();
    expect(audit).toEqual([
      { action: 'request.reminder', actorUserId: null },
      { action: 'request.escalation', actorUserId: null },
    ]);
  });

  it('reminds every consultant when nobody is assigned', async () => {
    clock.set('2026-03-02T07:00:00Z');
    const desk = await newDesk();
    const other = await createUser(t.db.db, desk.school, 'consultant', 'Орлова Нина');
    const request = await intake(await as(desk.consultant), { assignToMe: false });
    clock.set('2026-03-10T06:00:00Z');
    await runJobs();
    expect(await notices(desk.consultant.id, 'request.reminder')).toHaveLength(1);
    expect(await notices(other.id, 'request.reminder')).toHaveLength(1);
    expect(await notices(desk.head.id, 'request.reminder')).toHaveLength(0);
    expect(await alerts(request.id)).toHaveLength(1);
  });

  it('sends nothing for a request answered in time', async () => {
    clock.set('2026-03-02T07:00:00Z');
    const desk = await newDesk();
    const consultant = await as(desk.consultant);
    const request = await intake(consultant);
    await consultant.post(`/api/requests/${request.id}/transitions`, { action: 'resolve', body: 'Помогли по телефону.' });
    clock.set('2026-03-11T06:00:00Z');
    await runJobs();
    expect(await alerts(request.id)).toEqual([]);
  });
});

describe('review and legal deadlines', () => {
  it('a 59-FZ appeal: the review deadline and the legal one each get their reminder and escalation, once', async () => {
    clock.set('2026-03-02T07:00:00Z'); // Monday 10:00
    const desk = await newDesk();
    const request = await intake(await as(desk.consultant), { type: 'appeal_59fz' });
    const detail = (await (await as(desk.consultant)).get(`/api/requests/${request.id}`)).json();
    expect(detail.deadlines).toMatchObject({ reviewDueAt: '2026-03-10T20:59:59.999Z', legalDueAt: '2026-04-01T20:59:59.999Z' });
    const steps: Array<[string, string[]]> = [
      ['2026-03-10T06:00:00Z', ['reminder review 2026-03-10T20:59:59.999Z']],
      ['2026-03-11T06:00:00Z', ['escalation review 2026-03-10T20:59:59.999Z']],
      ['2026-04-01T06:00:00Z', ['reminder legal 2026-04-01T20:59:59.999Z']],
      ['2026-04-01T20:59:59.999Z', []], // the last millisecond of the legal term is still in time
      ['2026-04-02T06:00:00Z', ['escalation legal 2026-04-01T20:59:59.999Z']],
      ['2026-04-10T06:00:00Z', []],
    ];
    const seen: string[] = [];
    for (const [at, expected] of steps) {
      clock.set(at);
      await runJobs();
      const now = (await alerts(request.id)).map((a) => `${a.kind} ${a.deadline} ${a.dueAt.toISOString()}`);
      expect(now.filter((a) => !seen.includes(a)).sort(), at).toEqual(expected);
      seen.push(...now.filter((a) => !seen.includes(a)));
    }
    expect(await notices(desk.consultant.id, 'request.reminder')).toEqual([
      { title: `Срок по обращению ${request.number} истекает 10.03.2026 23:59`, link: `/requests/${request.id}` },
      { title: `Срок по обращению ${request.number} истекает 01.04.2026 23:59`, link: `/requests/${request.id}` },
    ]);
    expect(await notices(desk.head.id, 'request.escalation')).toHaveLength(2);
    const legalEscalation = await smtp.waitFor(
      (m) => m.subject === `Просрочено обращение ${request.number}` && (m.text ?? '').includes('01.04.2026 23:59'),
    );
    expect(legalEscalation.to && 'text' in legalEscalation.to ? legalEscalation.to.text : '').toContain(desk.head.email);
    const timeline = (await (await as(desk.head)).get(`/api/requests/${request.id}`)).json().timeline;
    expect(
      timeline
        .filter((e: { type: string }) => e.type === 'reminder_sent' || e.type === 'escalated')
        .map((e: { type: string; metadata: { deadline: string; dueAt: string } }) => [e.type, e.metadata.deadline, e.metadata.dueAt]),
    ).toEqual([
      ['reminder_sent', 'review', '2026-03-10T20:59:59.999Z'],
      ['escalated', 'review', '2026-03-10T20:59:59.999Z'],
      ['reminder_sent', 'legal', '2026-04-01T20:59:59.999Z'],
      ['escalated', 'legal', '2026-04-01T20:59:59.999Z'],
    ]);
  });

  it('the legal deadline’s jobs wait out a pause of the review clock; an answer in time silences both', async () => {
    clock.set('2026-03-02T07:00:00Z');
    const desk = await newDesk();
    const consultant = await as(desk.consultant);
    const request = await intake(consultant, { type: 'pd_request_152fz' }); // 10 working days: due 17 March
    await consultant.post(`/api/requests/${request.id}/transitions`, { action: 'request_clarification', body: 'Какие данные нужны?' });
    clock.set('2026-03-17T06:00:00Z'); // waiting: the review clock stands, the legal one runs
    await runJobs();
    expect((await alerts(request.id)).map((a) => `${a.kind} ${a.deadline}`)).toEqual(['reminder legal']);
    await (await as(desk.consultant)).post(`/api/requests/${request.id}/transitions`, { action: 'resolve', body: 'Ответ направлен.' });
    clock.set('2026-04-01T06:00:00Z');
    await runJobs();
    expect((await alerts(request.id)).map((a) => `${a.kind} ${a.deadline}`)).toEqual(['reminder legal']);
  });
});

describe('a legal deadline met by an answer in time', () => {
  it('stays met when the appeal is reopened after it: no breach, no escalation, not overdue', async () => {
    clock.set('2026-03-02T07:00:00Z'); // Monday: legal answer due Wednesday 1 April
    const desk = await newDesk();
    const request = await intake(await as(desk.consultant), { type: 'appeal_59fz' });
    clock.set('2026-03-05T07:00:00Z');
    const resolved = await (
      await as(desk.consultant)
    ).post(`/api/requests/${request.id}/transitions`, {
      action: 'resolve',
      body: 'Оценка исправлена.',
    });
    expect(resolved.statusCode).toBe(200);
    const legalMet = () =>
      t.db.db.selectFrom('requests').select(['legalMetAt', 'dueAt']).where('id', '=', request.id).executeTakeFirstOrThrow();
    expect((await legalMet()).legalMetAt?.toISOString()).toBe('2026-03-05T07:00:00.000Z');
    const audit = await t.db.db
      .selectFrom('auditLog')
      .select('after')
      .where('entityId', '=', request.id)
      .where('action', '=', 'request.transition')
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ status: 'resolved', legalMetAt: '2026-03-05T07:00:00.000Z' });

    clock.set('2026-04-03T07:00:00Z'); // Friday, after the legal deadline: the parent writes again
    const reopened = await (await as(desk.consultant)).post(`/api/requests/${request.id}/transitions`, { action: 'reopen' });
    expect(reopened.json().deadlines).toMatchObject({
      legalDueAt: '2026-04-01T20:59:59.999Z',
      reviewDueAt: '2026-04-10T20:59:59.999Z',
      dueAt: '2026-04-10T20:59:59.999Z',
      legalExtensible: false,
    });
    expect(reopened.json().deadlines.badge).toMatchObject({ state: 'on_track', dueAt: '2026-04-10T20:59:59.999Z' });
    await runJobs();
    expect(await alerts(request.id)).toEqual([]);
    const head = await as(desk.head);
    expect((await head.get('/api/requests?view=overdue')).json().items).toEqual([]);
    expect((await head.get('/api/requests/counts')).json()).toMatchObject({ overdue: 0 });

    clock.set('2026-04-08T07:00:00Z');
    await (await as(desk.consultant)).post(`/api/requests/${request.id}/transitions`, { action: 'resolve', body: 'Ответ дополнен.' });
    expect((await legalMet()).legalMetAt?.toISOString()).toBe('2026-03-05T07:00:00.000Z'); // the first answer in time
    const answered = (await (await as(desk.consultant)).get(`/api/requests/${request.id}`)).json();
    expect(answered.deadlines.badge.state).toBe('met'); // against the fresh review term, not the met legal one
    clock.set('2026-04-12T07:00:00Z');
    await runJobs();
    expect(await alerts(request.id)).toEqual([]);
    expect(await notices(desk.head.id, 'request.escalation')).toEqual([]);
  });

  it('an answer while waiting for the requester meets it too (the wait closes in the same change)', async () => {
    clock.set('2026-03-02T07:00:00Z');
    const desk = await newDesk();
    const consultant = await as(desk.consultant);
    const request = await intake(consultant, { type: 'appeal_59fz' });
    await consultant.post(`/api/requests/${request.id}/transitions`, { action: 'request_clarification', body: 'Какой предмет?' });
    clock.set('2026-03-30T07:00:00Z'); // the 28-day wait moves the review deadline past the legal one (1 April)
    await (await as(desk.consultant)).post(`/api/requests/${request.id}/transitions`, { action: 'resolve', body: 'Ответ дан.' });
    const row = await t.db.db
      .selectFrom('requests')
      .select(['legalMetAt', 'dueAt', 'reviewDueAt'])
      .where('id', '=', request.id)
      .executeTakeFirstOrThrow();
    expect(row.legalMetAt?.toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(row.reviewDueAt.toISOString()).toBe('2026-04-06T20:59:59.999Z'); // 9 March + 28 days
    expect(row.dueAt).toEqual(row.reviewDueAt);
  });

  it('an answer after the legal deadline does not meet it: a reopening still counts it as missed', async () => {
    clock.set('2026-03-02T07:00:00Z');
    const desk = await newDesk();
    const request = await intake(await as(desk.consultant), { type: 'appeal_59fz' });
    clock.set('2026-04-02T07:00:00Z'); // a day late
    await (await as(desk.consultant)).post(`/api/requests/${request.id}/transitions`, { action: 'resolve', body: 'Ответ дан.' });
    const row = await t.db.db.selectFrom('requests').select('legalMetAt').where('id', '=', request.id).executeTakeFirstOrThrow();
    expect(row.legalMetAt).toBeNull();
    const reopened = await (await as(desk.consultant)).post(`/api/requests/${request.id}/transitions`, { action: 'reopen' });
    expect(reopened.json().deadlines.dueAt).toBe('2026-04-01T20:59:59.999Z');
    expect((await (await as(desk.head)).get('/api/requests?view=overdue')).json().items.map((i: { id: string }) => i.id)).toEqual([
      request.id,
    ]);
  });
});

describe('deadlines that move', () => {
  it('a wait for the requester moves the deadline: the old jobs do nothing, the new ones fire once', async () => {
    clock.set('2026-03-02T07:00:00Z');
    const desk = await newDesk();
    const consultant = await as(desk.consultant);
    const parent = await createUser(t.db.db, desk.school, 'parent', 'Соколов Дмитрий');
    const request = await intake(consultant, { requester: { kind: 'parent', userId: parent.id } });
    await consultant.post(`/api/requests/${request.id}/transitions`, {
      action: 'request_clarification',
      body: 'Уточните, пожалуйста, класс ребёнка.',
    });

    clock.set('2026-03-10T06:00:00Z'); // the old reminder time: paused, so nothing happens
    await runJobs();
    expect(await alerts(request.id)).toEqual([]);

    clock.set('2026-03-10T07:00:00Z'); // the parent answers after 8 days of waiting
    const reply = await (await as(parent)).post(`/api/my/requests/${request.id}/replies`, { body: 'Сын учится в 7 «В».' });
    expect(reply.json().status).toBe('in_progress');
    const detail = (await (await as(desk.consultant)).get(`/api/requests/${request.id}`)).json();
    expect(detail.deadlines.dueAt).toBe('2026-03-17T20:59:59.999Z'); // 9 Mar 23:59 + 8 days → 17 Mar
    clock.set('2026-03-11T06:00:00Z'); // after the old deadline: no escalation, it moved
    await runJobs();
    expect(await alerts(request.id)).toEqual([]);
    clock.set('2026-03-17T06:00:00Z');
    await runJobs();
    await runJobs();
    expect((await alerts(request.id)).map((a) => [a.kind, a.dueAt.toISOString()])).toEqual([['reminder', '2026-03-17T20:59:59.999Z']]);
    const oldJobs = await t.db.db
      .selectFrom('jobs')
      .select(['dedupeKey', 'finishedAt'])
      .where(sql<string>`payload->>'requestId'`, '=', request.id)
      .where(sql<string>`payload->>'dueAt'`, '=', '2026-03-10T20:59:59.999Z')
      .execute();
    expect(oldJobs).toHaveLength(2);
    expect(oldJobs.every((j) => j.finishedAt !== null)).toBe(true);
    // They did nothing, so their keys are free should the same deadline count again.
    expect(oldJobs.every((j) => j.dedupeKey === null)).toBe(true);
  });

  it('a wait that starts on the day a Sunday term was moved to moves it: the head is escalated once, after the new deadline', async () => {
    clock.set('2026-04-05T11:00:00Z'); // Sunday 14:00: 7 days end on Sunday 12 April → Monday 13 April
    const desk = await newDesk();
    const parent = await createUser(t.db.db, desk.school, 'parent', 'Соколов Дмитрий');
    const request = await intake(await as(desk.consultant), { requester: { kind: 'parent', userId: parent.id } });
    clock.set('2026-04-13T07:00:00Z'); // Monday 10:00
    const asked = await (
      await as(desk.consultant)
    ).post(`/api/requests/${request.id}/transitions`, {
      action: 'request_clarification',
      body: 'Уточните, пожалуйста, класс ребёнка.',
    });
    expect(asked.json().deadlines.reviewDueAt).toBe('2026-04-13T20:59:59.999Z');
    clock.set('2026-04-13T21:00:00Z'); // Tuesday 00:00: the escalation job runs during the wait and does nothing
    await runJobs();
    expect(await alerts(request.id)).toEqual([]);

    clock.set('2026-04-15T09:00:00Z'); // Wednesday 12:00: the 14 hours left on Monday run from now
    const reply = await (await as(parent)).post(`/api/my/requests/${request.id}/replies`, { body: 'Сын учится в 7 «В».' });
    expect(reply.json().status).toBe('in_progress');
    expect((await (await as(desk.consultant)).get(`/api/requests/${request.id}`)).json().deadlines.dueAt).toBe('2026-04-16T20:59:59.999Z');
    clock.set('2026-04-16T06:00:00Z'); // Thursday 09:00: the reminder
    await runJobs();
    expect(await notices(desk.consultant.id, 'request.reminder')).toHaveLength(1);
    clock.set('2026-04-17T06:00:00Z');
    await runJobs();
    await runJobs();
    expect(await notices(desk.head.id, 'request.escalation')).toHaveLength(1);
    expect((await alerts(request.id)).map((a) => [a.kind, a.dueAt.toISOString()])).toEqual([
      ['escalation', '2026-04-16T20:59:59.999Z'],
      ['reminder', '2026-04-16T20:59:59.999Z'],
    ]);
  });

  it('a wait that leaves the deadline where it was: the reminder skipped during it goes out after it, once', async () => {
    clock.set('2026-03-16T07:00:00Z'); // Monday 10:00
    const desk = await newDesk();
    const head = await as(desk.head);
    const settings = { termUnit: 'working_days', reminderLeadHours: 96 };
    expect((await head.patch(`/api/organizations/${desk.school.id}/request-desk`, settings)).statusCode).toBe(200);
    const parent = await createUser(t.db.db, desk.school, 'parent', 'Соколов Дмитрий');
    const request = await intake(await as(desk.consultant), { requester: { kind: 'parent', userId: parent.id } });
    clock.set('2026-03-21T07:00:00Z'); // Saturday 10:00
    const asked = await (
      await as(desk.consultant)
    ).post(`/api/requests/${request.id}/transitions`, {
      action: 'request_clarification',
      body: 'Уточните, пожалуйста, класс ребёнка.',
    });
    expect(asked.json().deadlines.reviewDueAt).toBe('2026-03-25T20:59:59.999Z'); // 7 working days: 17–20, 23–25 March
    clock.set('2026-03-22T06:00:00Z'); // Sunday 09:00: the reminder (due Saturday 23:59) runs during the wait
    await runJobs();
    expect(await alerts(request.id)).toEqual([]);

    clock.set('2026-03-22T09:00:00Z'); // Sunday 12:00: a wait over the weekend costs no working day
    await (await as(parent)).post(`/api/my/requests/${request.id}/replies`, { body: 'Сын учится в 7 «В».' });
    expect((await (await as(desk.consultant)).get(`/api/requests/${request.id}`)).json().deadlines.dueAt).toBe('2026-03-25T20:59:59.999Z');
    await runJobs();
    await runJobs();
    expect(await notices(desk.consultant.id, 'request.reminder')).toHaveLength(1);
    clock.set('2026-03-26T06:00:00Z');
    await runJobs();
    expect(await notices(desk.head.id, 'request.escalation')).toHaveLength(1);
    expect((await alerts(request.id)).map((a) => [a.kind, a.dueAt.toISOString()])).toEqual([
      ['escalation', '2026-03-25T20:59:59.999Z'],
      ['reminder', '2026-03-25T20:59:59.999Z'],
    ]);
  });

  it('a new reminder lead time reschedules the reminders of open requests', async () => {
    clock.set('2026-03-02T07:00:00Z');
    const desk = await newDesk();
    const request = await intake(await as(desk.consultant));
    const head = await as(desk.head);
    expect((await head.patch(`/api/organizations/${desk.school.id}/request-desk`, { reminderLeadHours: 72 })).statusCode).toBe(200);
    clock.set('2026-03-08T06:00:00Z'); // 63 h before the deadline: only the 72-hour reminder is due
    await runJobs();
    expect(await notices(desk.consultant.id, 'request.reminder')).toHaveLength(1);
    expect(await alerts(request.id)).toHaveLength(1);
  });
});

describe('auto-close', () => {
  it('closes a request left resolved for the desk’s period, as the system, with an audit row', async () => {
    clock.set('2026-03-02T07:00:00Z');
    const desk = await newDesk();
    const consultant = await as(desk.consultant);
    const request = await intake(consultant);
    await consultant.post(`/api/requests/${request.id}/transitions`, { action: 'resolve', body: 'Показали, где кнопка.' });
    clock.set('2026-03-09T06:59:59Z'); // 7 days minus a second
    await runJobs();
    const c1 = await as(desk.consultant);
    expect((await c1.get(`/api/requests/${request.id}`)).json().status).toBe('resolved');
    clock.set('2026-03-09T07:00:00Z');
    await runJobs();
    const detail = (await (await as(desk.consultant)).get(`/api/requests/${request.id}`)).json();
    expect(detail.status).toBe('closed');
    expect(detail.closedAt).toBe('2026-03-09T07:00:00.000Z');
    expect(detail.timeline.at(-1)).toMatchObject({
      type: 'status_changed',
      actor: { kind: 'system', userId: null },
      metadata: { action: 'auto_close', from: 'resolved', to: 'closed' },
    });
    const audit = await t.db.db
      .selectFrom('auditLog')
      .select(['action', 'actorUserId', 'after'])
      .where('entityId', '=', request.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'request.transition', actorUserId: null, after: { action: 'auto_close', status: 'closed' } });
  });

  it('leaves a request alone when it was reopened meanwhile', async () => {
    clock.set('2026-03-02T07:00:00Z');
    const desk = await newDesk();
    const consultant = await as(desk.consultant);
    const request = await intake(consultant);
    await consultant.post(`/api/requests/${request.id}/transitions`, { action: 'resolve', body: 'Решено.' });
    await consultant.post(`/api/requests/${request.id}/transitions`, { action: 'reopen' });
    clock.set('2026-03-20T07:00:00Z');
    await runJobs();
    expect((await (await as(desk.consultant)).get(`/api/requests/${request.id}`)).json().status).toBe('in_progress');
  });
});
