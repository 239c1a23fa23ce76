/**
 * Extension of a legal answer term through the API (59-FZ art. 12 part 2, 152-FZ art. 20 part 3):
 * once, by the head or an admin, with a reason the requester sees and gets by e-mail; the new
 * term survives later recomputations; deadline jobs follow it; bad input and every role. Fixed
 * clock: Monday 2 March 2026, 10:00 Moscow time (9 March is the moved 8 March holiday).
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, login, useTestApp, type Client, type TestApp } from '../../../../tests/helpers/app.ts';
import { createWorld, TEST_PASSWORD, type TestWorld } from '../../../../tests/helpers/factories.ts';

const clock = fixedClock('2026-03-02T07:00:00Z');
const REASON = 'Нужны сведения из журнала за прошлый год, запрос направлен в архив управления образования.';
let t: TestApp;
let world: TestWorld;
let parent: Client;
let head: Client;

/** Moves the clock; sessions older than their lifetime end, so both sign in again. */
async function travel(iso: string): Promise<void> {
  clock.set(iso);
  parent = await login(t.app, world.users.parent.email, TEST_PASSWORD);
  head = await login(t.app, world.users.head.email, TEST_PASSWORD);
}

beforeAll(async () => {
  t = await useTestApp({ clock });
  world = await createWorld(t.db.db);
});

beforeEach(async () => {
  await travel('2026-03-02T07:00:00Z');
});

async function file(type: string, subject = 'Прошу разобраться с оценками за четверть'): Promise<string> {
  const response = await parent.post('/api/requests', {
    subject,
    type,
    whatDid: 'Открыла дневник сына, 6 «А», итоговые оценки за третью четверть по алгебре',
    expected: 'Увидеть итоговую оценку, выставленную учителем',
    happened: 'Стоит другая оценка, учитель говорит, что выставлял четвёрку',
  });
  expect(response.statusCode).toBe(201);
  return response.json().id as string;
}

const extend = (client: Client, id: string, body: unknown = { reason: REASON }) => client.post(`/api/requests/${id}/legal-extension`, body);

describe('extending a legal answer term', () => {
  it('59-FZ: 30 more days; the requester sees the reason and gets an e-mail; audited without the reason', async () => {
    const id = await file('appeal_59fz');
    const before = (await head.get(`/api/requests/${id}`)).json();
    expect(before.deadlines).toMatchObject({
      legalBasis: '59-FZ',
      legalDueAt: '2026-04-01T20:59:59.999Z',
      legalExtendedAt: null,
      legalExtensible: true,
    });

    await travel('2026-03-20T07:00:00Z');
    const response = await extend(head, id);
    expect(response.statusCode).toBe(200);
    const view = response.json();
    // 2 Mar + 60 days = 1 May (holiday), then the weekend → Monday 4 May, end of day in Moscow
    expect(view.deadlines).toMatchObject({
      legalDueAt: '2026-05-04T20:59:59.999Z',
      legalExtendedAt: '2026-03-20T07:00:00.000Z',
      legalExtensible: false,
      reviewDueAt: before.deadlines.reviewDueAt,
    });
    const event = view.timeline.at(-1);
    expect(event).toMatchObject({ type: 'legal_term_extended', visibility: 'public', body: REASON });
    expect(event.metadata).toMatchObject({ basis: '59-FZ', from: '2026-04-01T20:59:59.999Z', to: '2026-05-04T20:59:59.999Z' });

    const own = (await parent.get(`/api/my/requests/${id}`)).json();
    expect(own.deadlines.legalDueAt).toBe('2026-05-04T20:59:59.999Z');
    expect(own.timeline.some((e: { type: string; body: string | null }) => e.type === 'legal_term_extended' && e.body === REASON)).toBe(
      true,
    );

    const mails = await t.db.db
      .selectFrom('emailOutbox')
      .select(['toAddress', 'subject', 'textBody', 'template'])
      .where('relatedId', '=', id)
      .where('template', '=', 'requests.legalExtension')
      .execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.toAddress).toBe(world.users.parent.email);
    expect(mails[0]!.subject).toBe(`Срок ответа по обращению ${before.number} продлён до 04.05.2026 23:59`);
    expect(mails[0]!.textBody).toContain(`Причина: ${REASON}`);
    expect(mails[0]!.textBody).toContain('ч. 2 ст. 12 Федерального закона от 02.05.2006 № 59-ФЗ');

    const audit = await t.db.db
      .selectFrom('auditLog')
      .select(['actorUserId', 'before', 'after'])
      .where('entityId', '=', id)
      .where('action', '=', 'request.legal_extend')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorUserId).toBe(world.users.head.id);
    expect(audit[0]!.before).toMatchObject({ legalDueAt: '2026-04-01T20:59:59.999Z' });
    expect(audit[0]!.after).toMatchObject({ legalDueAt: '2026-05-04T20:59:59.999Z', eventId: event.id });
    expect(JSON.stringify(audit[0])).not.toContain('архив');

    const again = await extend(head, id);
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('Срок ответа по этому обращению уже продлевался. Закон позволяет продлить его один раз.');
  });

  it('152-FZ: 5 more working days; a new type under another law drops the extension (audited), which may then be granted anew', async () => {
    const id = await file('pd_request_152fz', 'Какие мои данные хранит школа');
    // 10 working days from 2 Mar: 3–6, 10–13, 16, 17 Mar (9 Mar is a holiday)
    expect((await head.get(`/api/requests/${id}`)).json().deadlines.legalDueAt).toBe('2026-03-17T20:59:59.999Z');
    const extended = await extend(head, id);
    expect(extended.statusCode).toBe(200);
    expect(extended.json().deadlines.legalDueAt).toBe('2026-03-24T20:59:59.999Z'); // + 18–20, 23, 24 Mar
    const consultant = await login(t.app, world.users.consultant.email, TEST_PASSWORD);
    const reclassified = await consultant.patch(`/api/requests/${id}`, { type: 'appeal_59fz' });
    expect(reclassified.statusCode).toBe(200);
    // 59-FZ's own 30 days from 2 Mar: the 152-FZ extension does not carry over to another law.
    expect(reclassified.json().deadlines).toMatchObject({
      legalBasis: '59-FZ',
      legalDueAt: '2026-04-01T20:59:59.999Z',
      legalExtendedAt: null,
      legalExtensible: true,
    });
    const audit = await t.db.db
      .selectFrom('auditLog')
      .select(['before', 'after'])
      .where('entityId', '=', id)
      .where('action', '=', 'request.update')
      .executeTakeFirstOrThrow();
    expect(audit.before).toMatchObject({ type: 'pd_request_152fz', legalExtendedAt: extended.json().deadlines.legalExtendedAt });
    expect(audit.after).toMatchObject({ type: 'appeal_59fz', legalExtendedAt: null, legalDueAt: '2026-04-01T20:59:59.999Z' });

    const again = await extend(head, id);
    expect(again.statusCode).toBe(200);
    expect(again.json().deadlines.legalDueAt).toBe('2026-05-04T20:59:59.999Z'); // 60 days, then the May holidays
  });

  it('a type without a legal term drops the extension; back to an appeal: its own 30 days, extensible again', async () => {
    const id = await file('appeal_59fz');
    expect((await extend(head, id)).json().deadlines.legalDueAt).toBe('2026-05-04T20:59:59.999Z');
    const consultant = await login(t.app, world.users.consultant.email, TEST_PASSWORD);
    const consultation = (await consultant.patch(`/api/requests/${id}`, { type: 'consultation' })).json();
    expect(consultation.deadlines).toMatchObject({ legalDueAt: null, legalExtendedAt: null });
    const appeal = (await consultant.patch(`/api/requests/${id}`, { type: 'appeal_59fz' })).json();
    expect(appeal.deadlines).toMatchObject({ legalDueAt: '2026-04-01T20:59:59.999Z', legalExtendedAt: null, legalExtensible: true });
  });

  it('the deadline jobs follow the extended term while the review clock is paused', async () => {
    const id = await file('appeal_59fz');
    const consultant = await login(t.app, world.users.consultant.email, TEST_PASSWORD);
    const asked = await consultant.post(`/api/requests/${id}/transitions`, { action: 'request_clarification', body: 'Какой предмет?' });
    expect(asked.json().deadlines.dueAt).toBe('2026-04-01T20:59:59.999Z'); // paused: only the legal term counts
    const extended = (await extend(head, id)).json();
    expect(extended.deadlines.dueAt).toBe('2026-05-04T20:59:59.999Z');
    const jobs = await t.db.db
      .selectFrom('jobs')
      .select(['kind', 'dedupeKey'])
      .where('dedupeKey', 'like', `requests.%:${id}:${Date.parse('2026-05-04T20:59:59.999Z')}%`)
      .execute();
    expect(jobs.map((j) => j.kind).sort()).toEqual(['requests.escalation', 'requests.reminder']);
    expect(extended.timeline.some((e: { type: string }) => e.type === 'deadline_changed')).toBe(true);
  });

  it('the legal deadline’s jobs follow the extended term behind a missed review deadline', async () => {
    const id = await file('appeal_59fz');
    await travel('2026-03-20T07:00:00Z'); // the review deadline (10 March) has passed: it still counts first
    const extended = (await extend(head, id)).json();
    expect(extended.deadlines).toMatchObject({ dueAt: '2026-03-10T20:59:59.999Z', legalDueAt: '2026-05-04T20:59:59.999Z' });
    const jobs = await t.db.db
      .selectFrom('jobs')
      .select(['kind', 'runAt'])
      .where('dedupeKey', 'like', `requests.%:${id}:${Date.parse('2026-05-04T20:59:59.999Z')}:legal%`)
      .orderBy('kind')
      .execute();
    expect(jobs.map((j) => [j.kind, j.runAt.toISOString()])).toEqual([
      ['requests.escalation', '2026-05-04T21:00:00.000Z'],
      ['requests.reminder', '2026-05-03T20:59:59.999Z'],
    ]);
  });

  it('409 for a type the law gives no extension, and for a finished request', async () => {
    for (const type of ['consultation', 'complaint_210fz']) {
      const response = await extend(head, await file(type));
      expect(response.statusCode).toBe(409);
      expect(response.json().message).toMatch(/^Для этого типа обращения закон не предусматривает продления срока/);
    }
    const id = await file('appeal_59fz');
    const consultant = await login(t.app, world.users.consultant.email, TEST_PASSWORD);
    expect((await consultant.post(`/api/requests/${id}/transitions`, { action: 'resolve', body: 'Оценка исправлена.' })).statusCode).toBe(
      200,
    );
    expect((await head.get(`/api/requests/${id}`)).json().deadlines.legalExtensible).toBe(false);
    const response = await extend(head, id);
    expect(response.statusCode).toBe(409);
    expect(response.json().message).toBe('Обращение уже рассмотрено: продлевать срок ответа незачем.');
  });

  it('400 in Russian for a missing, blank, long or unknown field, and nothing changes', async () => {
    const id = await file('appeal_59fz');
    const blank = await extend(head, id, { reason: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().fields.reason).toBe('Укажите причину продления: она будет сообщена заявителю.');
    for (const body of [{}, { reason: 'x'.repeat(2001) }, { reason: REASON, days: 30 }]) {
      expect((await extend(head, id, body)).statusCode).toBe(400);
    }
    expect((await head.get(`/api/requests/${id}`)).json().deadlines).toMatchObject({
      legalDueAt: '2026-04-01T20:59:59.999Z',
      legalExtendedAt: null,
    });
  });

  it('the head and an admin may extend; no other role, and no one from another school', async () => {
    const other = await createWorld(t.db.db);
    const expected: Array<[string, string, number]> = [
      ['consultant', world.users.consultant.email, 403],
      ['staff', world.users.staff.email, 403],
      ['parent', world.users.parent.email, 403],
      ['operator', world.users.operator.email, 403],
      ['other school head', other.users.head.email, 404],
      ['other school admin', other.users.admin.email, 404],
      ['admin', world.users.admin.email, 200],
    ];
    const id = await file('appeal_59fz');
    const seen: Array<[string, number]> = [];
    for (const [who, email] of expected) seen.push([who, (await extend(await login(t.app, email, TEST_PASSWORD), id)).statusCode]);
    expect(seen).toEqual(expected.map(([who, , status]) => [who, status]));
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/requests/${id}/legal-extension`, payload: { reason: REASON } })).statusCode,
    ).toBe(401);
  });
});
