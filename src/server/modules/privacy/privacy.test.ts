/**
 * Personal data under 152-FZ on a real database:
 * - the export of one person's data: what the head of a school gets (found by e-mail or by a phone
 *   number written another way), what is left out (internal notes, other people, other schools),
 *   who may ask, the 400s for bad criteria, the audit row, a user's own export;
 * - the nightly de-personalisation of finished requests after the desk's retention period: what
 *   is erased, what stays, the audit record of the numbers, and that a second run finds nothing.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { login, type Client, type TestApp } from '../../../../tests/helpers/app.ts';
import { createOrganization, TEST_PASSWORD, type TestWorld } from '../../../../tests/helpers/factories.ts';
import { insertMembership, insertUser } from '../identity/identity.repository.ts';
import { hashPassword } from '../identity/passwords.ts';
import { housekeepingJob } from '../../jobs/housekeeping.ts';
import { enqueueJob } from '../../jobs/jobs.repository.ts';
import { solveChallenge } from '../intake/pow.ts';
import { anonymizeRequestsTask } from '../requests/request-privacy.ts';
import { exportFileName } from './privacy.service.ts';
import { multipart, PNG } from '../requests/test-support.ts';
import { personalDataRoles, privacyTestApp } from './test-support.ts';

const DAY = 24 * 3600_000;
const now = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const ago = (days: number) => new Date(now.getTime() - days * DAY);

let t: TestApp;
let world: TestWorld;
let head: Client;
let consultant: Client;
let categoryId: string;

beforeAll(async () => {
  ({ t, world, head, consultant, categoryId } = await privacyTestApp(now));
});

/** A parent's submission of the school's public form (with the proof of work solved). */
async function publicForm(requester: { name: string; email: string; phone: string }): Promise<{ id: string; number: string }> {
  const remoteAddress = `10.9.0.${Math.floor(Math.random() * 250)}`;
  const challenge = await t.app.inject({
    method: 'POST',
    url: `/api/public/schools/${world.school.slug}/challenge`,
    payload: {},
    remoteAddress,
  });
  expect(challenge.statusCode).toBe(200);
  const pow = challenge.json() as { challenge: string; difficulty: number };
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/public/schools/${world.school.slug}/requests`,
    remoteAddress,
    payload: {
      requesterKind: 'parent',
      ...requester,
      childClass: '5 Б',
      categoryId,
      subject: 'Не вижу оценку за контрольную',
      whatDid: 'Открыла дневник дочери, раздел «Оценки» за среду.',
      expected: 'Увидеть оценку за контрольную по математике.',
      happened: 'Клетка пустая, хотя учитель говорит, что поставила.',
      description: '',
      consent: true,
      consentVersion: 'default-1',
      idempotencyKey: randomUUID(),
      pow: { challenge: pow.challenge, nonce: solveChallenge(pow.challenge, pow.difficulty) },
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  const number = (response.json() as { number: string }).number;
  const row = await t.db.db.selectFrom('requests').select(['id', 'number']).where('number', '=', number).executeTakeFirstOrThrow();
  return row;
}

/** A consultant's intake of a call, with a screenshot and (when given) an e-mail for the answer. */
async function intake(requester: { name: string; phone: string; email?: string }, subject = 'Не открывается расписание'): Promise<string> {
  const body = multipart(
    {
      data: {
        channel: 'phone',
        subject,
        requester: { kind: 'parent', ...requester },
        categoryId,
        assignToMe: true,
        idempotencyKey: randomUUID(),
      },
    },
    [{ name: 'screen.png', data: PNG }],
  );
  const response = await consultant.request('POST', '/api/requests/intake', body.payload, body.headers);
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as { id: string }).id;
}

interface ExportDocument {
  format: string;
  organization: { id: string } | null;
  query: Record<string, unknown>;
  accounts: Array<{
    id: string;
    email: string;
    memberships: Array<{ organizationId: string; role: string }>;
    sessions: Array<{ ip: string | null; userAgent: string | null }>;
  }>;
  requests: Array<{
    number: string;
    subject: string;
    requester: { name: string; email: string | null; phone: string | null };
    consent: { version: string; text: string | null } | null;
    messages: Array<{ type: string; from: string; body: string | null; attachments: Array<{ fileName: string }> }>;
  }>;
}

async function exportOf(client: Client, query: string) {
  return client.get(`/api/organizations/${world.school.id}/personal-data?${query}`);
}

describe('the export of one person’s data', () => {
  it('is named by the day it was made where the school is', () => {
    const generatedAt = new Date('2026-03-13T22:30:00Z');
    expect(exportFileName({ generatedAt, timeZone: 'Europe/Moscow' })).toBe('opora-personal-data-2026-03-14.json');
    expect(exportFileName({ generatedAt, timeZone: 'Europe/Kaliningrad' })).toBe('opora-personal-data-2026-03-14.json');
    expect(exportFileName({ generatedAt, timeZone: 'UTC' })).toBe('opora-personal-data-2026-03-13.json');
  });

  it('gives the head what the school holds about a person found by e-mail or phone, without internal notes, and audits it', async () => {
    const email = `mother-${randomUUID().slice(0, 8)}@mail.example`;
    const web = await publicForm({ name: 'Смирнова Ольга Ивановна', email, phone: '+7 (912) 345-67-89' });
    expect((await consultant.post(`/api/requests/${web.id}/replies`, { body: 'Учитель выставит оценку сегодня.' })).statusCode).toBe(201);
    expect((await consultant.post(`/api/requests/${web.id}/notes`, { body: 'Напомнить учителю про журнал.' })).statusCode).toBe(201);
    await intake({ name: 'Смирнова Ольга', phone: '8 912 345 67 89' });
    await intake({ name: 'Другой Родитель', phone: '+7 900 111-22-33', email: 'other@mail.example' });

    const byEmail = await exportOf(head, `email=${encodeURIComponent(email.toUpperCase())}`);
    expect(byEmail.statusCode, byEmail.body).toBe(200);
    expect(byEmail.headers['content-disposition']).toBe(
      // Moscow (the school's time zone) is UTC+3 all year.
      `attachment; filename="opora-personal-data-${new Date(now.getTime() + 3 * 3600_000).toISOString().slice(0, 10)}.json"`,
    );
    expect(byEmail.headers['cache-control']).toBe('no-store');
    const document = byEmail.json() as ExportDocument;
    expect(document.format).toBe('opora.personal-data/1');
    expect(document.organization?.id).toBe(world.school.id);
    expect(document.query).toEqual({ email, phone: null });
    expect(document.accounts).toEqual([]);
    expect(document.requests.map((r) => r.number)).toEqual([web.number]);
    const [request] = document.requests;
    expect(request!.requester).toMatchObject({ name: 'Смирнова Ольга Ивановна', email, phone: '+7 (912) 345-67-89' });
    expect(request!.consent?.version).toBe('default-1');
    expect(request!.consent?.text).toContain(world.school.name);
    const bodies = request!.messages.map((m) => m.body);
    expect(bodies).toContain('Учитель выставит оценку сегодня.');
    expect(bodies).not.toContain('Напомнить учителю про журнал.');

    const byPhone = (await exportOf(head, `phone=${encodeURIComponent('9123456789')}`)).json() as ExportDocument;
    expect(byPhone.requests).toHaveLength(2);
    expect(byPhone.requests.map((r) => r.requester.phone).sort()).toEqual(['+7 (912) 345-67-89', '8 912 345 67 89']);
    const intakeRequest = byPhone.requests.find((r) => r.requester.phone === '8 912 345 67 89')!;
    expect(intakeRequest.messages[0]!.attachments.map((a) => a.fileName)).toEqual(['screen.png']);
    expect(JSON.stringify(byPhone)).not.toContain('other@mail.example');

    const audit = await t.db.db
      .selectFrom('auditLog')
      .select(['actorUserId', 'organizationId', 'entityType', 'after'])
      .where('action', '=', 'personal_data.export')
      .orderBy('id')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ actorUserId: world.users.head.id, organizationId: world.school.id, entityType: 'person' });
    expect(audit[0]!.after).toEqual({ email, phone: null, accounts: 0, requests: 1 });
    expect(audit[1]!.after).toEqual({ email: null, phone: '9123456789', accounts: 0, requests: 2 });
  });

  it('lists a member’s account with memberships and sign-ins, and the requests filed from the account', async () => {
    const parent = await login(t.app, world.users.parent.email, TEST_PASSWORD);
    const filed = await parent.post('/api/requests', {
      subject: 'Не приходят уведомления о домашнем задании',
      description: 'С понедельника не приходят уведомления о домашнем задании по русскому языку в 5 «Б».',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const document = (await exportOf(head, `email=${world.users.parent.email}`)).json() as ExportDocument;
    expect(document.accounts).toHaveLength(1);
    expect(document.accounts[0]).toMatchObject({ id: world.users.parent.id, email: world.users.parent.email });
    expect(document.accounts[0]!.memberships).toEqual([expect.objectContaining({ organizationId: world.school.id, role: 'parent' })]);
    expect(document.accounts[0]!.sessions.length).toBeGreaterThan(0);
    expect(document.requests.map((r) => r.subject)).toEqual(['Не приходят уведомления о домашнем задании']);

    // The parent's own export: the same account and request, without naming an organisation.
    const own = await parent.get('/api/me/personal-data');
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-disposition']).toMatch(/^attachment; filename="opora-personal-data-/);
    const mine = own.json() as ExportDocument;
    expect(mine.organization).toBeNull();
    expect(mine.query).toEqual({ userId: world.users.parent.id });
    expect(mine.accounts.map((a) => a.id)).toEqual([world.users.parent.id]);
    expect(mine.requests.map((r) => r.subject)).toEqual(['Не приходят уведомления о домашнем задании']);
    expect((await t.app.inject({ method: 'GET', url: '/api/me/personal-data' })).statusCode).toBe(401);
  });

  it('an account’s own export finds requests filed with its address only where it is a member; the school’s export shows only its own memberships and sign-ins', async () => {
    // A parent wrote to the school from the public form. Another school's admin then makes an
    // account with that address (nobody checks that it is theirs).
    const email = `shared-${randomUUID().slice(0, 8)}@example.test`;
    const filed = await publicForm({ name: 'Орлова Анна', email, phone: '' });
    const otherSchool = await createOrganization(t.db.db, 'school', world.municipality);
    const account = await insertUser(t.db.db, {
      email,
      fullName: 'Орлова Анна',
      phone: null,
      passwordHash: await hashPassword(TEST_PASSWORD),
      locale: 'ru',
    });
    await insertMembership(t.db.db, { userId: account.id, organizationId: otherSchool.id, role: 'parent' });
    const stranger = await login(t.app, email, TEST_PASSWORD);
    const strangers = (await stranger.get('/api/me/personal-data')).json() as ExportDocument;
    expect(strangers.accounts.map((a) => a.id)).toEqual([account.id]);
    expect(strangers.requests).toEqual([]);

    // Once the account belongs to the school too, the request filed there with its address is its.
    const atSchool = (await insertMembership(t.db.db, { userId: account.id, organizationId: world.school.id, role: 'parent' }))!;
    const member = await login(t.app, email, TEST_PASSWORD);
    const mine = (await member.get('/api/me/personal-data')).json() as ExportDocument;
    expect(mine.requests.map((r) => r.number)).toEqual([filed.number]);

    // The school's export: the membership at the school, not the other school's, and only the
    // sign-ins made in the school's membership.
    const elsewhere = (await member.get('/api/me'))
      .json()
      .memberships.find((m: { organizationId: string }) => m.organizationId === otherSchool.id);
    expect((await member.put('/api/me/membership', { membershipId: elsewhere.id })).statusCode).toBe(200);
    const before = (await exportOf(head, `email=${email}`)).json() as ExportDocument;
    expect(before.accounts[0]!.memberships).toEqual([expect.objectContaining({ organizationId: world.school.id })]);
    expect(before.accounts[0]!.sessions).toEqual([]);
    expect((await member.put('/api/me/membership', { membershipId: atSchool.id })).statusCode).toBe(200);
    const after = (await exportOf(head, `email=${email}`)).json() as ExportDocument;
    expect(after.accounts[0]!.sessions).toHaveLength(1);
  });

  it('is for the head and the admin of the school only', async () => {
    const expected = await personalDataRoles(t, world, head, consultant);
    const seen = [];
    for (const [client] of expected) seen.push((await exportOf(client, 'email=someone@mail.example')).statusCode);
    expect(seen).toEqual(expected.map(([, status]) => status));
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/organizations/${world.school.id}/personal-data?email=a@b.example` })).statusCode,
    ).toBe(401);
    expect((await head.get(`/api/organizations/${randomUUID()}/personal-data?email=a@b.example`)).statusCode).toBe(404);
  });

  it('answers missing or malformed criteria with a 400 that names the field, in Russian', async () => {
    const none = await exportOf(head, 'email=&phone=');
    expect(none.statusCode).toBe(400);
    expect(none.json().fields).toEqual({ email: 'Укажите адрес электронной почты или телефон человека' });
    const short = await exportOf(head, 'phone=12-34');
    expect(short.statusCode).toBe(400);
    expect(short.json().fields).toEqual({ phone: 'В номере телефона слишком мало цифр: нужно не меньше семи' });
    for (const query of ['email=not-an-address', 'phone=call%20me', 'name=Smirnova']) {
      const response = await exportOf(head, query);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error).toBe('VALIDATION');
    }
  });
});

describe('de-personalisation after the retention period', () => {
  it('erases the personal data of requests finished before the period and records which', async () => {
    expect((await head.patch(`/api/organizations/${world.school.id}/request-desk`, { anonymizeAfterDays: 10 })).statusCode).toBe(400);
    const patched = await head.patch(`/api/organizations/${world.school.id}/request-desk`, { anonymizeAfterDays: 30 });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().anonymizeAfterDays).toBe(30);

    const email = `father-${randomUUID().slice(0, 8)}@mail.example`;
    const old = await intake({ name: 'Кузнецов Пётр', phone: '+7 901 555-44-33', email }, 'Кузнецов Миша, 3 «В»: нет оценок');
    const rejected = await publicForm({ name: 'Орлова Анна', email: `anna-${randomUUID().slice(0, 8)}@mail.example`, phone: '' });
    const recent = await intake({ name: 'Недавний Заявитель', phone: '+7 901 000-00-01' });
    const open = await intake({ name: 'Открытый Заявитель', phone: '+7 901 000-00-02' });
    expect((await consultant.post(`/api/requests/${old}/replies`, { body: 'Пётр Сергеевич, оценки появятся завтра.' })).statusCode).toBe(
      201,
    );
    for (const [id, actions] of [
      [old, ['resolve', 'close']],
      [recent, ['resolve', 'close']],
      [rejected.id, ['reject']],
    ] as const) {
      for (const action of actions) {
        const body =
          action === 'reject'
            ? { action, reason: 'insufficient_information', body: 'Не указан класс.' }
            : action === 'resolve'
              ? { action, body: 'Готово.' }
              : { action };
        const response = await consultant.post(`/api/requests/${id}/transitions`, body);
        expect(response.statusCode, response.body).toBe(200);
      }
    }
    // Finished 40 days ago (the lifecycle ran through the API; only the clock is moved back).
    await sql`update requests set resolved_at = ${ago(41)}, closed_at = ${ago(40)} where id = ${old}`.execute(t.db.db);
    await sql`update requests set rejected_at = ${ago(40)} where id = ${rejected.id}`.execute(t.db.db);
    await sql`update requests set resolved_at = ${ago(11)}, closed_at = ${ago(10)} where id = ${recent}`.execute(t.db.db);
    const notices = () =>
      t.db.db
        .selectFrom('notifications')
        .select('id')
        .where('link', 'in', [`/requests/${old}`, `/requests/${rejected.id}`])
        .execute();
    expect((await notices()).length).toBeGreaterThan(0);
    const mails = () => t.db.db.selectFrom('emailOutbox').select('id').where('relatedId', 'in', [old, rejected.id]).execute();
    expect((await mails()).length).toBeGreaterThan(0);

    await enqueueJob(t.db.db, housekeepingJob(new Date(now.getTime() - DAY)));
    await t.runner.runDue();

    const view = (await consultant.get(`/api/requests/${old}`)).json();
    expect(view.anonymizedAt).toBe(now.toISOString());
    expect(view.subject).toBe('—');
    expect(view.requester).toMatchObject({ name: '—', email: null, phone: null, childClass: null });
    expect(view.wording).toEqual({ whatDid: null, expected: null, happened: null, description: null });
    expect(view.resolution).toBeNull();
    expect(view.status).toBe('closed');
    expect(view.timeline.every((event: { body: string | null }) => event.body === null)).toBe(true);
    expect(view.timeline.flatMap((event: { attachments: unknown[] }) => event.attachments)).toEqual([]);
    expect(view.timeline.at(-1)).toMatchObject({ type: 'anonymized', actor: { kind: 'system' } });
    expect(JSON.stringify(view)).not.toMatch(/Кузнецов|Пётр|father-/);
    const rejectedView = (await consultant.get(`/api/requests/${rejected.id}`)).json();
    expect(rejectedView.rejection).toEqual({ reason: 'insufficient_information', comment: null });
    expect(rejectedView.requester.name).toBe('—');

    for (const table of ['request_status_tokens', 'request_attachments'] as const) {
      const { rows } = await sql<{
        n: number;
      }>`select count(*)::int as n from ${sql.table(table)} where request_id in (${old}, ${rejected.id})`.execute(t.db.db);
      expect(rows[0]!.n, table).toBe(0);
    }
    expect(await notices()).toEqual([]);
    expect(await mails()).toEqual([]);

    // The recently closed and the open request keep everything.
    for (const [id, name] of [
      [recent, 'Недавний Заявитель'],
      [open, 'Открытый Заявитель'],
    ] as const) {
      const kept = (await consultant.get(`/api/requests/${id}`)).json();
      expect([kept.anonymizedAt, kept.requester.name]).toEqual([null, name]);
    }

    const record = await t.db.db
      .selectFrom('auditLog')
      .select(['organizationId', 'actorUserId', 'after'])
      .where('action', '=', 'request.anonymize')
      .execute();
    expect(record).toHaveLength(1);
    expect(record[0]).toMatchObject({ organizationId: world.school.id, actorUserId: null });
    const numbers = (await consultant.get(`/api/requests/${old}`)).json().number as string;
    expect(record[0]!.after).toMatchObject({ requests: 2, numbers: [numbers, rejected.number].sort(), anonymizeAfterDays: 30 });
    const purge = await t.db.db.selectFrom('auditLog').select('after').where('action', '=', 'housekeeping.purge').executeTakeFirstOrThrow();
    expect(purge.after).toMatchObject({ deleted: { requestsAnonymized: 2 } });

    // Nothing is left for a second run, and the person can no longer be found.
    expect(await anonymizeRequestsTask.run(t.deps, now)).toBe(0);
    expect(((await exportOf(head, `email=${email}`)).json() as ExportDocument).requests).toEqual([]);
  });

  it('never takes a closed request that could still be reopened', async () => {
    await head.patch(`/api/organizations/${world.school.id}/request-desk`, { anonymizeAfterDays: 30, reopenWindowDays: 60 });
    const id = await intake({ name: 'Окно Переоткрытия', phone: '+7 901 000-00-03' });
    for (const body of [{ action: 'resolve', body: 'Готово.' }, { action: 'close' }])
      expect((await consultant.post(`/api/requests/${id}/transitions`, body)).statusCode).toBe(200);
    await sql`update requests set resolved_at = ${ago(45)}, closed_at = ${ago(45)} where id = ${id}`.execute(t.db.db);
    expect(await anonymizeRequestsTask.run(t.deps, now)).toBe(0);
    await sql`update requests set resolved_at = ${ago(61)}, closed_at = ${ago(61)} where id = ${id}`.execute(t.db.db);
    expect(await anonymizeRequestsTask.run(t.deps, now)).toBe(1);
  });

  it('erases a person’s finished requests at once when they demand it, and lists the open ones', async () => {
    const email = `erase-${randomUUID().slice(0, 8)}@mail.example`;
    const closed = await intake({ name: 'Удаляемый Заявитель', phone: '+7 902 100-00-01', email });
    const stillOpen = await intake({ name: 'Удаляемый Заявитель', phone: '+7 902 100-00-02', email });
    const someoneElse = await intake({ name: 'Другой Человек', phone: '+7 902 100-00-03', email: 'someone-else@mail.example' });
    for (const id of [closed, someoneElse])
      for (const body of [{ action: 'resolve', body: 'Готово.' }, { action: 'close' }])
        expect((await consultant.post(`/api/requests/${id}/transitions`, body)).statusCode).toBe(200);
    const erase = (client: Client, body: Record<string, string>) =>
      client.post(`/api/organizations/${world.school.id}/personal-data/erase`, body);

    expect((await erase(consultant, { email })).statusCode).toBe(403);
    expect((await erase(head, { email: '', phone: '' })).statusCode).toBe(400);
    const response = await erase(head, { email });
    expect(response.statusCode, response.body).toBe(200);
    const closedNumber = (await consultant.get(`/api/requests/${closed}`)).json().number as string;
    const openNumber = (await consultant.get(`/api/requests/${stillOpen}`)).json().number as string;
    expect(response.json()).toEqual({
      erased: [{ id: closed, number: closedNumber }],
      open: [{ id: stillOpen, number: openNumber, status: 'new' }],
    });

    const view = (await consultant.get(`/api/requests/${closed}`)).json();
    expect([view.anonymizedAt, view.requester.email, view.requester.name]).toEqual([now.toISOString(), null, '—']);
    expect(view.timeline.at(-1)).toMatchObject({ type: 'anonymized', metadata: { reason: 'subject_request' } });
    // A de-personalised request is a record: no action is offered, and every change is a 409.
    expect(view.allowedActions).toEqual([]);
    for (const [path, body] of [
      ['transitions', { action: 'reopen', body: 'Снова не видно оценок.' }],
      ['notes', { body: 'Заметка' }],
      ['replies', { body: 'Ответ' }],
    ] as const) {
      const refused = await consultant.post(`/api/requests/${closed}/${path}`, body);
      expect(refused.statusCode, path).toBe(409);
      expect(refused.json().message).toBe(
        'Обращение обезличено: его персональные данные удалены, изменить его больше нельзя. Если человек обратится снова, зарегистрируйте новое обращение.',
      );
    }
    expect((await consultant.get(`/api/requests/${stillOpen}`)).json().requester.email).toBe(email);
    expect((await consultant.get(`/api/requests/${someoneElse}`)).json().anonymizedAt).toBeNull();
    const audit = await t.db.db
      .selectFrom('auditLog')
      .select(['actorUserId', 'after'])
      .where('action', '=', 'personal_data.erase')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({
      actorUserId: world.users.head.id,
      after: { email, phone: null, numbers: [closedNumber], emails: 2, open: [openNumber] },
    });

    // Once the open request is finished, the same demand erases it too.
    for (const body of [{ action: 'resolve', body: 'Готово.' }, { action: 'close' }])
      expect((await consultant.post(`/api/requests/${stillOpen}/transitions`, body)).statusCode).toBe(200);
    expect((await erase(head, { email })).json()).toEqual({ erased: [{ id: stillOpen, number: openNumber }], open: [] });
  });
});
