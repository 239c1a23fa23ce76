/**
 * The desk: its policy (defaults, edits by the head, effects on deadlines and pauses), its
 * two-level category taxonomy seeded from DOMAIN §3.2, and the in-app notifications API.
 */
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

const clock = fixedClock('2026-04-24T07:00:00Z'); // Friday 24 April 2026, 10:00 Moscow; +7 days = 1 May (holiday)
let t: TestApp;
let world: TestWorld;
let head: Client;
let consultant: Client;
let parent: Client;

beforeAll(async () => {
  t = await useTestApp({ clock });
  world = await createWorld(t.db.db);
  head = await login(t.app, world.users.head.email, TEST_PASSWORD);
  consultant = await login(t.app, world.users.consultant.email, TEST_PASSWORD);
  parent = await login(t.app, world.users.parent.email, TEST_PASSWORD);
});

async function freshSchool(): Promise<{ school: OrgRef; head: Client; consultant: Client }> {
  const school = await createOrganization(t.db.db, 'school', world.municipality, 'Лицей №3');
  return {
    school,
    head: await login(t.app, (await createUser(t.db.db, school, 'head')).email, TEST_PASSWORD),
    consultant: await login(t.app, (await createUser(t.db.db, school, 'consultant')).email, TEST_PASSWORD),
  };
}

async function intake(client: Client): Promise<{ id: string; deadlines: { reviewDueAt: string }; pausedSince: string | null }> {
  return (
    await client.post('/api/requests/intake', {
      channel: 'in_person',
      subject: 'Деление на подгруппы',
      requester: { kind: 'staff', name: 'Учитель Английского', phone: '+7 900 123-45-67' },
    })
  ).json();
}

describe('desk policy', () => {
  it('starts with the regulation’s defaults', async () => {
    const desk = (await consultant.get(`/api/organizations/${world.school.id}/request-desk`)).json();
    expect(desk).toMatchObject({
      organizationId: world.school.id,
      termUnit: 'calendar_days',
      reviewTermDays: 7,
      moveToNextWorkingDay: true,
      pauseWhileWaiting: true,
      autoCloseDays: 7,
      reopenWindowDays: 30,
      reminderLeadHours: 24,
    });
  });

  it('moves a term ending on 1 May to 4 May (art. 14), keeps it when turned off, counts working days when chosen', async () => {
    const s = await freshSchool();
    expect((await intake(s.consultant)).deadlines.reviewDueAt).toBe('2026-05-04T20:59:59.999Z');
    expect((await s.head.patch(`/api/organizations/${s.school.id}/request-desk`, { moveToNextWorkingDay: false })).statusCode).toBe(200);
    expect((await intake(s.consultant)).deadlines.reviewDueAt).toBe('2026-05-01T20:59:59.999Z');
    await s.head.patch(`/api/organizations/${s.school.id}/request-desk`, { termUnit: 'working_days' });
    expect((await intake(s.consultant)).deadlines.reviewDueAt).toBe('2026-05-06T20:59:59.999Z');
    const audit = await t.db.db
      .selectFrom('auditLog')
      .select(['action', 'before', 'after'])
      .where('entityId', '=', s.school.id)
      .where('action', '=', 'request_desk.update')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit[1]).toMatchObject({ before: { termUnit: 'calendar_days' }, after: { termUnit: 'working_days' } });
  });

  it('does not pause the clock while waiting when the desk says so', async () => {
    const s = await freshSchool();
    await s.head.patch(`/api/organizations/${s.school.id}/request-desk`, { pauseWhileWaiting: false });
    const request = await intake(s.consultant);
    const waiting = (
      await s.consultant.post(`/api/requests/${request.id}/transitions`, { action: 'request_clarification', body: 'Какие группы нужны?' })
    ).json();
    expect(waiting.pausedSince).toBeNull();
    expect(waiting.deadlines.badge.state).toBe('on_track');
    const resumed = (await s.consultant.post(`/api/requests/${request.id}/transitions`, { action: 'start' })).json();
    expect(resumed.deadlines.reviewDueAt).toBe(request.deadlines.reviewDueAt);
  });
});

describe('categories', () => {
  it('are seeded with the default taxonomy for every new desk', async () => {
    const s = await freshSchool();
    const tree = (await s.consultant.get(`/api/organizations/${s.school.id}/request-categories`)).json() as Array<{
      code: string;
      name: string;
      children: Array<{ code: string }>;
    }>;
    expect(tree.map((c) => c.code)).toEqual(['ACC', 'FAM', 'GRD', 'ATT', 'SCH', 'HW', 'MSG', 'REP', 'TRN', 'PD', 'APL', 'OUT']);
    expect(tree.find((c) => c.code === 'SCH')).toMatchObject({
      name: 'Расписание и планирование',
      children: [{ code: 'SCH.1' }, { code: 'SCH.2' }, { code: 'SCH.3' }, { code: 'SCH.4' }, { code: 'SCH.5' }],
    });
    expect(tree.reduce((n, c) => n + c.children.length, 0)).toBe(46);
  });

  it('the head adds, renames and deactivates; inactive ones are hidden from the form but kept on requests', async () => {
    const added = await head.post(`/api/organizations/${world.school.id}/request-categories`, {
      name: 'Электронная библиотека',
      defaultType: 'consultation',
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ code: 'C1', parentId: null, isActive: true });
    const child = (
      await head.post(`/api/organizations/${world.school.id}/request-categories`, { name: 'Доступ к учебникам', parentId: added.json().id })
    ).json();
    expect(child.code).toBe('C1.1');
    const renamed = await head.patch(`/api/organizations/${world.school.id}/request-categories/${child.id}`, {
      name: 'Доступ к электронным учебникам',
    });
    expect(renamed.json().name).toBe('Доступ к электронным учебникам');

    const request = (
      await parent.post('/api/requests', {
        subject: 'Учебник не открывается',
        description: 'Нажимаю на учебник по математике в библиотеке, страница остаётся белой.',
        categoryId: child.id,
      })
    ).json();
    expect(request.category).toMatchObject({ code: 'C1.1', parent: { code: 'C1' } });

    await head.patch(`/api/organizations/${world.school.id}/request-categories/${added.json().id}`, { isActive: false });
    const visible = (await parent.get(`/api/organizations/${world.school.id}/request-categories`)).json() as Array<{ code: string }>;
    expect(visible.map((c) => c.code)).not.toContain('C1');
    const all = (await head.get(`/api/organizations/${world.school.id}/request-categories?includeInactive=true`)).json() as Array<{
      code: string;
      isActive: boolean;
    }>;
    expect(all.find((c) => c.code === 'C1')?.isActive).toBe(false);
    const refused = await parent.post('/api/requests', {
      subject: 'Учебник не открывается',
      description: 'Нажимаю на учебник по математике в библиотеке, страница остаётся белой.',
      categoryId: child.id,
    });
    expect(refused.statusCode).toBe(400);
    expect((await consultant.get(`/api/requests/${request.id}`)).json().category).toMatchObject({ code: 'C1.1', parent: { code: 'C1' } });
    const audit = await t.db.db
      .selectFrom('auditLog')
      .select('action')
      .where('organizationId', '=', world.school.id)
      .where('action', 'like', 'request_category.%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'request_category.create',
      'request_category.create',
      'request_category.update',
      'request_category.update',
    ]);
  });
});

describe('in-app notifications', () => {
  it('lists mine, counts unread, marks one and all read', async () => {
    const s = await freshSchool();
    const other = await login(t.app, (await createUser(t.db.db, s.school, 'consultant')).email, TEST_PASSWORD);
    await intake(s.consultant);
    await intake(s.consultant);
    expect((await other.get('/api/notifications/unread-count')).json()).toEqual({ unread: 2 });
    const list = (await other.get('/api/notifications')).json();
    expect(list.items).toHaveLength(2);
    expect(list.items[0]).toMatchObject({ kind: 'request.created', readAt: null });
    expect(list.items[0].title).toMatch(/^Новое обращение 3-26-0000\d$/);
    expect(list.items[0].link).toMatch(/^\/requests\/[0-9a-f-]{36}$/);
    expect((await s.consultant.get('/api/notifications/unread-count')).json()).toEqual({ unread: 0 }); // not told about their own
    expect((await other.post(`/api/notifications/${list.items[0].id}/read`)).json()).toEqual({ unread: 1 });
    expect((await other.get('/api/notifications?unreadOnly=true')).json().items).toHaveLength(1);
    expect((await other.post('/api/notifications/read-all')).json()).toEqual({ marked: 1, unread: 0 });
    expect((await other.get('/api/notifications/unread-count')).json()).toEqual({ unread: 0 });
  });

  it('tells the new assignee', async () => {
    const s = await freshSchool();
    const otherUser = await createUser(t.db.db, s.school, 'consultant', 'Новикова Ольга');
    const request = await intake(s.consultant);
    await s.consultant.put(`/api/requests/${request.id}/assignment`, { assigneeId: otherUser.id });
    const other = await login(t.app, otherUser.email, TEST_PASSWORD);
    const kinds = (await other.get('/api/notifications')).json().items.map((n: { kind: string }) => n.kind);
    expect(kinds).toContain('request.assigned');
  });
});
