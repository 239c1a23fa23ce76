/**
 * The answer to a registration is built from what the registration wrote, not read back: it must
 * be exactly what a read of the same request shows (desk's intake and the requester's own form).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, login, useTestApp, type Client, type TestApp } from '../../../../tests/helpers/app.ts';
import { createUser, createWorld, TEST_PASSWORD, type TestWorld } from '../../../../tests/helpers/factories.ts';
import { multipart, PDF, PNG } from './test-support.ts';

const clock = fixedClock('2026-04-24T07:00:00Z');
let t: TestApp;
let world: TestWorld;
let consultant: Client;
let parent: Client;
let colleague: { id: string; fullName: string };

beforeAll(async () => {
  t = await useTestApp({ clock });
  world = await createWorld(t.db.db);
  consultant = await login(t.app, world.users.consultant.email, TEST_PASSWORD);
  colleague = await createUser(t.db.db, world.school, 'consultant', 'Коллега Консультант'); // someone to notify
  parent = await login(t.app, world.users.parent.email, TEST_PASSWORD);
});

describe('the answer to a new request', () => {
  it('of the intake equals the detail read afterwards (assignee, category, e-mail, files)', async () => {
    const tree = (await consultant.get(`/api/organizations/${world.school.id}/request-categories`)).json() as Array<{
      id: string;
      children: Array<{ id: string }>;
    }>;
    const variants = [
      { assignToMe: true, email: 'caller@mail.example', categoryId: tree[3]!.children[1]!.id },
      { assignToMe: false, email: null, categoryId: tree[2]!.id },
      { assignToMe: true, email: null, categoryId: null },
    ];
    for (const [index, variant] of variants.entries()) {
      const body = multipart(
        {
          data: {
            channel: 'phone',
            subject: 'Не вижу оценки в журнале',
            requester: {
              kind: 'parent',
              name: 'Иван Петров',
              phone: '+7 900 000-00-00',
              ...(variant.email ? { email: variant.email } : {}),
            },
            ...(variant.categoryId ? { categoryId: variant.categoryId } : {}),
            assignToMe: variant.assignToMe,
            idempotencyKey: `intake-view-${index}`,
          },
        },
        [
          { name: 'a.png', data: PNG },
          { name: 'b.pdf', data: PDF },
        ],
      );
      const response = await consultant.request('POST', '/api/requests/intake', body.payload, body.headers);
      expect(response.statusCode, response.body).toBe(201);
      const { created, wordingHints, ...view } = response.json();
      expect(created).toBe(true);
      expect(wordingHints).toEqual(expect.any(Array));
      expect(view.timeline[0].attachments).toHaveLength(2);
      expect(view.emails).toHaveLength(variant.email ? 1 : 0);
      expect(view.timeline.map((e: { type: string }) => e.type)).toEqual(variant.assignToMe ? ['created', 'assigned'] : ['created']);
      expect(view).toEqual((await consultant.get(`/api/requests/${view.id}`)).json());
    }
  });

  it('is written with the notices: the assignee and every other consultant', async () => {
    const response = await consultant.post('/api/requests/intake', {
      channel: 'in_person',
      subject: 'Не приходят уведомления',
      requester: { kind: 'staff', name: 'Учитель Физики', phone: '+7 900 000-00-01' },
      assigneeId: colleague.id,
      idempotencyKey: 'intake-notices-1',
    });
    expect(response.statusCode, response.body).toBe(201);
    const { created, wordingHints, ...view } = response.json();
    expect([created, wordingHints]).toEqual([true, []]);
    expect(view.assignee).toEqual({ id: colleague.id, name: 'Коллега Консультант' });
    const notices = await t.db.db
      .selectFrom('notifications')
      .select(['userId', 'kind', 'title'])
      .where('link', '=', `/requests/${view.id}`)
      .orderBy('kind')
      .execute();
    expect(notices.map((n) => [n.userId, n.kind])).toEqual([
      [colleague.id, 'request.assigned'],
      [colleague.id, 'request.created'],
    ]);
    expect(view).toEqual((await consultant.get(`/api/requests/${view.id}`)).json());
  });

  it('of the requester’s own form equals the request read afterwards', async () => {
    const response = await parent.post('/api/requests', {
      subject: 'Не вижу оценки в журнале',
      whatDid: 'Открыл дневник ребёнка',
      expected: 'Оценки за неделю',
      happened: 'Пустая страница',
      idempotencyKey: 'own-view-1',
    });
    expect(response.statusCode, response.body).toBe(201);
    const { created, wordingHints, ...view } = response.json();
    expect(created).toBe(true);
    expect(wordingHints).toEqual(expect.any(Array));
    expect(view).toEqual((await parent.get(`/api/my/requests/${view.id}`)).json());
  });
});

describe('the support service’s operators', () => {
  it('register a call at their desk, take it themselves and tell the other operators; the assignee list has them', async () => {
    const operator = await login(t.app, world.users.operator.email, TEST_PASSWORD);
    const other = await createUser(t.db.db, world.support, 'operator', 'Другой Оператор');
    const response = await operator.post('/api/requests/intake', {
      channel: 'phone',
      subject: 'В школе не открывается журнал',
      requester: { kind: 'staff', name: 'Завуч школы № 5', phone: '+7 900 111-22-33' },
      assignToMe: true,
      idempotencyKey: 'operator-call-1',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().assignee).toMatchObject({ id: world.users.operator.id });
    const told = await t.db.db
      .selectFrom('notifications')
      .select(['userId', 'kind'])
      .where('link', '=', `/requests/${response.json().id}`)
      .execute();
    expect(told).toEqual([{ userId: other.id, kind: 'request.created' }]);
    const assignees = (await operator.get('/api/requests/assignees')).json() as Array<{ id: string }>;
    expect(assignees.map((a) => a.id)).toEqual(expect.arrayContaining([world.users.operator.id, other.id]));
    expect((await operator.get('/api/requests?view=mine')).json().items.map((i: { id: string }) => i.id)).toEqual([response.json().id]);
  });
});
