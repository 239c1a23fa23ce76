/**
 * Group commit of registrations (requests.service.ts): concurrent intakes are written together,
 * and each request still gets its own answer, number, timeline, jobs and audit row — one
 * request's problem never fails another.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, login, useTestApp, type Client, type TestApp } from '../../../../tests/helpers/app.ts';
import {
  createOrganization,
  createUser,
  createWorld,
  TEST_PASSWORD,
  type OrgRef,
  type TestWorld,
} from '../../../../tests/helpers/factories.ts';

const clock = fixedClock('2026-05-12T08:00:00Z');
let t: TestApp;
let world: TestWorld;
let consultant: Client;
let otherSchool: OrgRef;
let otherConsultant: Client;

beforeAll(async () => {
  t = await useTestApp({ clock });
  world = await createWorld(t.db.db);
  consultant = await login(t.app, world.users.consultant.email, TEST_PASSWORD);
  otherSchool = await createOrganization(t.db.db, 'school', world.municipality);
  otherConsultant = await login(t.app, (await createUser(t.db.db, otherSchool, 'consultant')).email, TEST_PASSWORD);
});

function intake(key: string, extra: Record<string, unknown> = {}) {
  return {
    channel: 'phone',
    subject: `Не вижу оценки в журнале (${key})`,
    requester: { kind: 'parent', name: 'Иван Петров', phone: '+7 900 000-00-00', email: `${key}@mail.example` },
    idempotencyKey: key,
    ...extra,
  };
}

const requestsOf = (organizationId: string) =>
  t.db.db
    .selectFrom('requests')
    .select(['id', 'number', 'sequence', 'idempotencyKey', sql<string>`xmin::text`.as('xmin')])
    .where('organizationId', '=', organizationId)
    .orderBy('sequence')
    .execute();

describe('concurrent registrations', () => {
  it('are written in fewer transactions than requests, each complete with its own number, timeline, e-mail, jobs and audit row', async () => {
    const before = (await requestsOf(world.school.id)).length;
    const count = 24;
    const answers = await Promise.all(
      Array.from({ length: count }, (_, i) => consultant.post('/api/requests/intake', intake(`group-a-${i}`))),
    );
    for (const answer of answers) expect(answer.statusCode, answer.body).toBe(201);
    const views = answers.map(
      (a) => a.json() as { id: string; number: string; created: boolean; timeline: Array<{ type: string }>; emails: unknown[] },
    );
    expect(views.every((v) => v.created)).toBe(true);

    const rows = (await requestsOf(world.school.id)).slice(before);
    expect(rows).toHaveLength(count);
    // Numbers: the desk's sequence without gaps or repeats, each answer with its own.
    expect(rows.map((r) => r.sequence)).toEqual(Array.from({ length: count }, (_, i) => before + i + 1));
    expect(new Set(views.map((v) => v.number)).size).toBe(count);
    expect(new Set(views.map((v) => v.number))).toEqual(new Set(rows.map((r) => r.number)));
    // Group commit: rows written by one transaction share its xmin.
    expect(new Set(rows.map((r) => r.xmin)).size).toBeLessThan(count);

    const ids = rows.map((r) => r.id);
    const perRequest = async (table: 'requestEvents' | 'requestStatusTokens', column: 'requestId') =>
      (await t.db.db.selectFrom(table).select(column).where(column, 'in', ids).execute()).map((r) => r[column]);
    const events = await perRequest('requestEvents', 'requestId');
    const tokens = await perRequest('requestStatusTokens', 'requestId');
    for (const id of ids) {
      expect(events.filter((e) => e === id)).toHaveLength(2); // created, assigned (to the consultant)
      expect(tokens.filter((e) => e === id)).toHaveLength(1);
    }
    const audit = await t.db.db
      .selectFrom('auditLog')
      .select(['entityId', 'requestId'])
      .where('action', '=', 'request.create')
      .where('entityId', 'in', ids)
      .execute();
    expect(audit.map((a) => a.entityId).sort()).toEqual([...ids].sort());
    expect(new Set(audit.map((a) => a.requestId)).size).toBe(count); // each row names its own HTTP request
    const mails = await t.db.db.selectFrom('emailOutbox').select(['id', 'relatedId', 'subject']).where('relatedId', 'in', ids).execute();
    expect(mails.map((m) => m.relatedId).sort()).toEqual([...ids].sort());
    for (const mail of mails) expect(mail.subject).toContain(rows.find((r) => r.id === mail.relatedId)!.number);
    const jobs = await t.db.db
      .selectFrom('jobs')
      .select(['kind', 'payload'])
      .where('kind', 'in', ['requests.reminder', 'requests.escalation', 'email.send'])
      .execute();
    for (const [i, id] of ids.entries()) {
      expect(
        jobs
          .filter((j) => (j.payload as { requestId?: string }).requestId === id)
          .map((j) => j.kind)
          .sort(),
      ).toEqual(['requests.escalation', 'requests.reminder']);
      expect(jobs.filter((j) => (j.payload as { outboxId?: string }).outboxId === mails.find((m) => m.relatedId === id)!.id)).toHaveLength(
        1,
      );
      // The answer is what a read of the request shows.
      if (i < 3) {
        const view = views.find((v) => v.id === id)!;
        const { created: _created, wordingHints: _hints, ...shown } = view as typeof view & { wordingHints: unknown };
        expect(shown).toEqual((await consultant.get(`/api/requests/${id}`)).json());
      }
    }
  });

  it('answer a bad or foreign one with its own 4xx while the rest are registered', async () => {
    const before = (await requestsOf(world.school.id)).length;
    const foreignCategory = await t.db.db
      .selectFrom('requestCategories')
      .select('id')
      .where('organizationId', '=', otherSchool.id)
      .executeTakeFirst();
    const bodies = [
      intake('group-b-0'),
      intake('group-b-1', { subject: 'а' }), // too short to be understood
      intake('group-b-2'),
      intake('group-b-3', { organizationId: otherSchool.id }), // another school's desk
      intake(
        'group-b-4',
        ...(foreignCategory ? [{ categoryId: foreignCategory.id }] : [{ categoryId: '00000000-0000-4000-8000-000000000000' }]),
      ),
      intake('group-b-5', { receivedAt: '2026-05-13T08:00:00Z' }), // tomorrow
      intake('group-b-6'),
    ];
    const answers = await Promise.all(bodies.map((body) => consultant.post('/api/requests/intake', body)));
    expect(answers.map((a) => a.statusCode)).toEqual([201, 400, 201, 403, 400, 400, 201]);
    expect(answers[1]!.json().fields).toHaveProperty('subject');
    expect(answers[4]!.json().fields).toHaveProperty('categoryId');
    expect(answers[5]!.json().fields).toHaveProperty('receivedAt');
    const rows = (await requestsOf(world.school.id)).slice(before);
    // Concurrent groups commit in either order; the numbers still follow without gaps.
    expect(rows.map((r) => r.idempotencyKey).sort()).toEqual(['group-b-0', 'group-b-2', 'group-b-6']);
    expect(rows.map((r) => r.sequence)).toEqual([before + 1, before + 2, before + 3]);
    expect(await requestsOf(otherSchool.id)).toEqual([]);
  });

  it('store a form key sent twice in one group once, both answers with its number, and the others untouched', async () => {
    const before = (await requestsOf(world.school.id)).length;
    const bodies = [intake('group-c-0'), intake('group-c-twice'), intake('group-c-1'), intake('group-c-twice'), intake('group-c-2')];
    const answers = await Promise.all(bodies.map((body) => consultant.post('/api/requests/intake', body)));
    for (const answer of answers) expect(answer.statusCode, answer.body).toBe(201);
    const twice = [answers[1]!.json(), answers[3]!.json()] as Array<{ id: string; created: boolean }>;
    expect(twice[0]!.id).toBe(twice[1]!.id);
    expect(twice.map((v) => v.created).sort()).toEqual([false, true]);
    const rows = (await requestsOf(world.school.id)).slice(before);
    expect(rows.map((r) => r.idempotencyKey).sort()).toEqual(['group-c-0', 'group-c-1', 'group-c-2', 'group-c-twice']);
    expect(rows.map((r) => r.sequence)).toEqual([before + 1, before + 2, before + 3, before + 4]);
  });

  it('of two schools each take their own desk’s numbers', async () => {
    const mine = (await requestsOf(world.school.id)).length;
    const theirs = (await requestsOf(otherSchool.id)).length;
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 === 0 ? consultant : otherConsultant).post('/api/requests/intake', intake(`group-d-${i}`)),
      ),
    );
    for (const answer of answers) expect(answer.statusCode, answer.body).toBe(201);
    expect((await requestsOf(world.school.id)).slice(mine).map((r) => r.sequence)).toEqual([1, 2, 3, 4, 5].map((n) => mine + n));
    expect((await requestsOf(otherSchool.id)).slice(theirs).map((r) => r.sequence)).toEqual([1, 2, 3, 4, 5].map((n) => theirs + n));
    const organizations = answers.map((a) => (a.json() as { organizationId: string }).organizationId);
    expect(organizations).toEqual(answers.map((_, i) => (i % 2 === 0 ? world.school.id : otherSchool.id)));
  });
});
