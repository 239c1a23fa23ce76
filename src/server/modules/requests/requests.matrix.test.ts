/**
 * Tenancy and roles of every request endpoint, as a matrix: each role of school A (and the
 * support service's operator) calls each endpoint on school A ("own") and on school B of the same
 * municipality ("other"). Every cell's expected status is written out. A request outside the
 * caller's reach is 404 (its existence is not revealed); a role without the permission is 403.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../db/schema.ts';
import { login, useTestApp, type Client, type TestApp } from '../../../../tests/helpers/app.ts';
import {
  createOrganization,
  createUser,
  createWorld,
  TEST_PASSWORD,
  type OrgRef,
  type TestWorld,
} from '../../../../tests/helpers/factories.ts';
import { multipart, PNG } from './test-support.ts';

let t: TestApp;
let world: TestWorld;
let schoolB: OrgRef;
const clients = {} as Record<Role, Client>;
const deskOf = {} as Record<'own' | 'other', { consultant: Client; parent: Client; org: OrgRef }>;
const ROLES: Role[] = ['head', 'consultant', 'staff', 'parent', 'operator', 'admin'];

beforeAll(async () => {
  t = await useTestApp();
  world = await createWorld(t.db.db);
  schoolB = await createOrganization(t.db.db, 'school', world.municipality);
  const consultantB = await createUser(t.db.db, schoolB, 'consultant');
  const parentB = await createUser(t.db.db, schoolB, 'parent');
  for (const role of ROLES) clients[role] = await login(t.app, world.users[role].email, TEST_PASSWORD);
  deskOf.own = { consultant: clients.consultant, parent: clients.parent, org: world.school };
  deskOf.other = {
    consultant: await login(t.app, consultantB.email, TEST_PASSWORD),
    parent: await login(t.app, parentB.email, TEST_PASSWORD),
    org: schoolB,
  };
});

type Target = 'own' | 'other';

interface Fixture {
  org: OrgRef;
  requestId: string;
  attachmentId: string;
  categoryId: string;
}

/** A fresh request of the target school, filed by its parent with an attachment. */
async function fixture(target: Target): Promise<Fixture> {
  const desk = deskOf[target];
  const body = multipart(
    { subject: 'Не вижу оценку в дневнике', description: 'Учительница поставила пятёрку за контрольную в среду, а в дневнике пусто.' },
    [{ name: 'screen.png', data: PNG }],
  );
  const created = await desk.parent.request('POST', '/api/requests', body.payload, body.headers);
  expect(created.statusCode).toBe(201);
  const view = created.json();
  const categories = (await desk.consultant.get(`/api/organizations/${desk.org.id}/request-categories`)).json();
  return { org: desk.org, requestId: view.id, attachmentId: view.timeline[0].attachments[0].id, categoryId: categories[0].children[0].id };
}

interface Action {
  name: string;
  run(client: Client, f: Fixture): Promise<{ statusCode: number }>;
  expect: Record<Role, [number, number]>;
}

const WORKERS_READ = {
  head: [200, 404],
  consultant: [200, 404],
  admin: [200, 404],
  staff: [403, 403],
  parent: [403, 403],
  operator: [404, 404],
} as const;
const WORKERS_CREATE = {
  head: [201, 404],
  consultant: [201, 404],
  admin: [201, 404],
  staff: [403, 403],
  parent: [403, 403],
  operator: [404, 404],
} as const;
const DESK_LIST = {
  head: [200, 403],
  consultant: [200, 403],
  admin: [200, 403],
  staff: [403, 403],
  parent: [403, 403],
  operator: [403, 403],
} as const;
const NOBODY_BUT_REQUESTER = {
  head: [404, 404],
  consultant: [404, 404],
  admin: [404, 404],
  staff: [404, 404],
  parent: [404, 404],
  operator: [404, 404],
} as const;
const SETTINGS = {
  head: [200, 403],
  consultant: [403, 403],
  admin: [200, 403],
  staff: [403, 403],
  parent: [403, 403],
  operator: [403, 403],
} as const;

const mutable = <T extends Record<Role, readonly [number, number]>>(table: T) => table as unknown as Record<Role, [number, number]>;

const ACTIONS: Action[] = [
  { name: 'GET /api/requests (queue)', run: (c, f) => c.get(`/api/requests?organizationId=${f.org.id}`), expect: mutable(DESK_LIST) },
  { name: 'GET /api/requests/counts', run: (c, f) => c.get(`/api/requests/counts?organizationId=${f.org.id}`), expect: mutable(DESK_LIST) },
  {
    name: 'GET /api/requests/assignees',
    run: (c, f) => c.get(`/api/requests/assignees?organizationId=${f.org.id}`),
    expect: mutable(DESK_LIST),
  },
  {
    name: 'GET /api/requests/requesters',
    run: (c, f) => c.get(`/api/requests/requesters?q=Тест&organizationId=${f.org.id}`),
    expect: mutable(DESK_LIST),
  },
  {
    name: 'POST /api/requests/intake',
    run: (c, f) =>
      c.post('/api/requests/intake', {
        organizationId: f.org.id,
        channel: 'phone',
        subject: 'Звонок: нет входа',
        requester: { kind: 'parent', name: 'Петрова Анна', phone: '+7 900 000-00-00' },
      }),
    expect: { head: [201, 403], consultant: [201, 403], admin: [201, 403], staff: [403, 403], parent: [403, 403], operator: [403, 403] },
  },
  {
    // Everyone files their own request with their own desk; a category of another school is refused.
    name: 'POST /api/requests (own request)',
    run: (c, f) =>
      c.post('/api/requests', {
        subject: 'Нет кнопки итоговых',
        description: 'Открываю журнал 10 «А», колонки «итог» за полугодие нет, хотя период закрыт.',
        ...(f.org === schoolB ? { categoryId: f.categoryId } : {}),
      }),
    expect: { head: [201, 400], consultant: [201, 400], admin: [201, 400], staff: [201, 400], parent: [201, 400], operator: [201, 400] },
  },
  { name: 'GET /api/requests/:id', run: (c, f) => c.get(`/api/requests/${f.requestId}`), expect: mutable(WORKERS_READ) },
  {
    name: 'PATCH /api/requests/:id',
    run: (c, f) => c.patch(`/api/requests/${f.requestId}`, { type: 'incident' }),
    expect: mutable(WORKERS_READ),
  },
  {
    name: 'PUT /api/requests/:id/assignment',
    run: (c, f) => c.put(`/api/requests/${f.requestId}/assignment`, { assigneeId: null }),
    expect: mutable(WORKERS_READ),
  },
  {
    name: 'POST /api/requests/:id/transitions',
    run: (c, f) => c.post(`/api/requests/${f.requestId}/transitions`, { action: 'start' }),
    expect: mutable(WORKERS_READ),
  },
  {
    name: 'POST /api/requests/:id/replies',
    run: (c, f) => c.post(`/api/requests/${f.requestId}/replies`, { body: 'Проверьте, пожалуйста, ещё раз.' }),
    expect: mutable(WORKERS_CREATE),
  },
  {
    name: 'POST /api/requests/:id/notes',
    run: (c, f) => c.post(`/api/requests/${f.requestId}/notes`, { body: 'Похоже на задержку синхронизации.' }),
    expect: mutable(WORKERS_CREATE),
  },
  {
    name: 'GET /api/requests/:id/attachments/:aid',
    run: (c, f) => c.get(`/api/requests/${f.requestId}/attachments/${f.attachmentId}`),
    expect: mutable(WORKERS_READ),
  },
  // The requester's endpoints: only the person who filed the request (here: the parent of the
  // target school, who is not the caller except for school A's parent, checked separately).
  {
    name: 'GET /api/my/requests/:id (someone else’s)',
    run: (c, f) => c.get(`/api/my/requests/${f.requestId}`),
    expect: { ...mutable(NOBODY_BUT_REQUESTER), parent: [200, 404] },
  },
  {
    name: 'POST /api/my/requests/:id/replies (someone else’s)',
    run: (c, f) => c.post(`/api/my/requests/${f.requestId}/replies`, { body: 'Дополняю: это 5 «Б».' }),
    expect: { ...mutable(NOBODY_BUT_REQUESTER), parent: [201, 404] },
  },
  {
    name: 'POST /api/my/requests/:id/transitions (someone else’s)',
    run: (c, f) => c.post(`/api/my/requests/${f.requestId}/transitions`, { action: 'reopen' }),
    // The parent's own new request cannot be reopened: 409, but it is found.
    expect: { ...mutable(NOBODY_BUT_REQUESTER), parent: [409, 404] },
  },
  {
    name: 'GET /api/my/requests/:id/attachments/:aid (someone else’s)',
    run: (c, f) => c.get(`/api/my/requests/${f.requestId}/attachments/${f.attachmentId}`),
    expect: { ...mutable(NOBODY_BUT_REQUESTER), parent: [200, 404] },
  },
  {
    name: 'GET /api/organizations/:id/request-desk',
    run: (c, f) => c.get(`/api/organizations/${f.org.id}/request-desk`),
    expect: mutable(DESK_LIST),
  },
  {
    name: 'PATCH /api/organizations/:id/request-desk',
    run: (c, f) => c.patch(`/api/organizations/${f.org.id}/request-desk`, { reminderLeadHours: 24 }),
    expect: mutable(SETTINGS),
  },
  {
    name: 'GET /api/organizations/:id/request-categories',
    run: (c, f) => c.get(`/api/organizations/${f.org.id}/request-categories`),
    expect: { head: [200, 403], consultant: [200, 403], admin: [200, 403], staff: [200, 403], parent: [200, 403], operator: [403, 403] },
  },
  {
    name: 'POST /api/organizations/:id/request-categories',
    run: (c, f) => c.post(`/api/organizations/${f.org.id}/request-categories`, { name: `Новая категория ${Math.random()}` }),
    expect: { ...mutable(SETTINGS), head: [201, 403], admin: [201, 403] },
  },
  {
    name: 'PATCH /api/organizations/:id/request-categories/:cid',
    run: (c, f) => c.patch(`/api/organizations/${f.org.id}/request-categories/${f.categoryId}`, { position: 15 }),
    expect: mutable(SETTINGS),
  },
];

describe.each(ACTIONS)('$name', (action) => {
  it.each(ROLES)('as %s', async (role) => {
    for (const [index, target] of (['own', 'other'] as Target[]).entries()) {
      const response = await action.run(clients[role], await fixture(target));
      expect({ target, status: response.statusCode }).toEqual({ target, status: action.expect[role][index] });
    }
  });
});

describe('requesters see only their own requests', () => {
  it('GET /api/my/requests lists exactly the caller’s requests at their school, for every role', async () => {
    const mineBefore = new Map<Role, number>();
    for (const role of ROLES) mineBefore.set(role, (await clients[role].get('/api/my/requests?limit=100')).json().total);
    await fixture('own');
    await fixture('other');
    for (const role of ROLES) {
      const list = (await clients[role].get('/api/my/requests?limit=100')).json() as { items: Array<{ id: string }>; total: number };
      const expected = (mineBefore.get(role) ?? 0) + (role === 'parent' ? 1 : 0);
      expect({ role, total: list.total }).toEqual({ role, total: expected });
      for (const item of list.items) {
        const row = await t.db.db.selectFrom('requests').select(['requesterUserId']).where('id', '=', item.id).executeTakeFirstOrThrow();
        expect(row.requesterUserId).toBe(world.users[role].id);
      }
    }
  });

  it('a requester never sees internal notes, their attachments or e-mail deliveries', async () => {
    const f = await fixture('own');
    const note = multipart({ body: 'Внутреннее: проверить права учителя' }, [
      { name: 'internal.pdf', data: Buffer.from('%PDF-1.4\n%%EOF') },
    ]);
    const noted = await clients.consultant.request('POST', `/api/requests/${f.requestId}/notes`, note.payload, note.headers);
    expect(noted.statusCode).toBe(201);
    const internalAttachment = noted.json().timeline.at(-1).attachments[0].id as string;
    const mine = (await clients.parent.get(`/api/my/requests/${f.requestId}`)).json();
    expect(JSON.stringify(mine)).not.toContain('Внутреннее');
    expect(mine.timeline.every((e: { type: string }) => e.type !== 'note')).toBe(true);
    expect(mine).not.toHaveProperty('emails');
    expect((await clients.parent.get(`/api/my/requests/${f.requestId}/attachments/${internalAttachment}`)).statusCode).toBe(404);
    expect((await clients.consultant.get(`/api/requests/${f.requestId}/attachments/${internalAttachment}`)).statusCode).toBe(200);
  });

  it('the queue of school A holds none of school B’s requests', async () => {
    const f = await fixture('other');
    const queue = (await clients.head.get('/api/requests?view=all&limit=100')).json() as { items: Array<{ id: string }> };
    expect(queue.items.some((i) => i.id === f.requestId)).toBe(false);
    const search = (await clients.head.get(`/api/requests?view=all&q=${encodeURIComponent('Тест parent')}`)).json() as {
      items: Array<{ id: string }>;
    };
    expect(search.items.some((i) => i.id === f.requestId)).toBe(false);
  });

  it('notifications are the caller’s own', async () => {
    const own = (await clients.consultant.get('/api/notifications?limit=100')).json() as { items: Array<{ id: string }> };
    expect(own.items.length).toBeGreaterThan(0);
    const someone = own.items[0]!.id;
    expect((await clients.parent.post(`/api/notifications/${someone}/read`)).statusCode).toBe(404);
    expect((await clients.head.post(`/api/notifications/${someone}/read`)).statusCode).toBe(404);
  });

  it('anonymous callers get 401 on every request endpoint', async () => {
    const f = await fixture('own');
    const text = { body: 'Сообщение' };
    const calls: Array<[string, string, unknown?]> = [
      ['GET', '/api/requests'],
      ['GET', '/api/requests/counts'],
      ['GET', '/api/requests/assignees'],
      ['GET', '/api/requests/requesters?q=ab'],
      ['POST', '/api/requests', { subject: 'Тема обращения', description: 'Подробное описание затруднения с журналом.' }],
      ['POST', '/api/requests/intake', { channel: 'phone', subject: 'Звонок', requester: { kind: 'parent', name: 'А', phone: '123' } }],
      ['GET', `/api/requests/${f.requestId}`],
      ['PATCH', `/api/requests/${f.requestId}`, { type: 'incident' }],
      ['PUT', `/api/requests/${f.requestId}/assignment`, { assigneeId: null }],
      ['POST', `/api/requests/${f.requestId}/transitions`, { action: 'start' }],
      ['POST', `/api/requests/${f.requestId}/replies`, text],
      ['POST', `/api/requests/${f.requestId}/notes`, text],
      ['GET', `/api/requests/${f.requestId}/attachments/${f.attachmentId}`],
      ['GET', '/api/my/requests'],
      ['GET', `/api/my/requests/${f.requestId}`],
      ['POST', `/api/my/requests/${f.requestId}/replies`, text],
      ['POST', `/api/my/requests/${f.requestId}/transitions`, { action: 'reopen' }],
      ['GET', `/api/my/requests/${f.requestId}/attachments/${f.attachmentId}`],
      ['GET', `/api/organizations/${f.org.id}/request-desk`],
      ['PATCH', `/api/organizations/${f.org.id}/request-desk`, { reminderLeadHours: 2 }],
      ['GET', `/api/organizations/${f.org.id}/request-categories`],
      ['POST', `/api/organizations/${f.org.id}/request-categories`, { name: 'Категория' }],
      ['PATCH', `/api/organizations/${f.org.id}/request-categories/${f.categoryId}`, { position: 1 }],
      ['GET', '/api/notifications'],
      ['GET', '/api/notifications/unread-count'],
      ['POST', '/api/notifications/read-all', {}],
    ];
    for (const [method, url, payload] of calls) {
      const response = await t.app.inject({
        method: method as 'GET',
        url,
        ...(payload ? { payload: payload as Record<string, unknown> } : {}),
      });
      expect({ method, url, status: response.statusCode }).toEqual({ method, url, status: 401 });
    }
  });
});
