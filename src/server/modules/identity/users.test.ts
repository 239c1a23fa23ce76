import { beforeAll, describe, expect, it } from 'vitest';
import { login, useTestApp, type Client, type TestApp } from '../../../../tests/helpers/app.ts';
import { createUser, createWorld, TEST_PASSWORD, type TestWorld } from '../../../../tests/helpers/factories.ts';
import { insertMembership } from './identity.repository.ts';
import { timeZone } from '../../../domain/working-time/time-zone.ts';
import { getWorkCalendar } from '../calendar/calendar.service.ts';
import { deskClock } from '../requests/request-deadlines.ts';

let t: TestApp;
let world: TestWorld;
let admin: Client;

beforeAll(async () => {
  t = await useTestApp();
  world = await createWorld(t.db.db);
  admin = await login(t.app, world.users.admin.email, TEST_PASSWORD);
});

describe('administration of users and memberships', () => {
  it('creates a user with a role, who can then sign in; the audit row records it without the password', async () => {
    const created = await admin.post('/api/admin/users', {
      email: 'Novaya.Uchitelnica@Example.test',
      fullName: 'Новикова Ольга Игоревна',
      password: 'first-password-1',
      organizationId: world.school.id,
      role: 'staff',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().email).toBe('novaya.uchitelnica@example.test');
    expect(created.json()).not.toHaveProperty('passwordHash');
    const client = await login(t.app, 'novaya.uchitelnica@example.test', 'first-password-1');
    expect(client.me.membership?.role).toBe('staff');
    const audit = await t.db.db
      .selectFrom('auditLog')
      .select(['action', 'after'])
      .where('entityId', '=', created.json().id)
      .where('action', '=', 'user.create')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.after)).not.toContain('first-password-1');
    expect(JSON.stringify(audit.after)).not.toMatch(/argon2/);
  });

  it('refuses a duplicate e-mail with 409 and a field message', async () => {
    const response = await admin.post('/api/admin/users', {
      email: world.users.parent.email,
      fullName: 'Дубль',
      organizationId: world.school.id,
      role: 'parent',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ error: 'EMAIL_TAKEN', fields: { email: 'Пользователь с таким адресом уже есть.' } });
  });

  it('rejects bad input on every admin endpoint with 400', async () => {
    const cases = [
      admin.post('/api/admin/users', { email: 'not-an-email', fullName: 'X', organizationId: 'nope', role: 'king' }),
      admin.patch(`/api/admin/users/${world.users.staff.id}`, {}),
      admin.patch('/api/admin/users/not-a-uuid', { fullName: 'Имя Фамилия' }),
      admin.post(`/api/admin/users/${world.users.staff.id}/memberships`, { organizationId: world.school.id, role: 'janitor' }),
      admin.delete('/api/admin/memberships/123'),
    ];
    for (const response of await Promise.all(cases)) {
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toBe('VALIDATION');
    }
  });

  it('deactivates a user: their sessions end and they cannot sign in', async () => {
    const staff = await login(t.app, world.users.staff.email, TEST_PASSWORD);
    const response = await admin.patch(`/api/admin/users/${world.users.staff.id}`, { isActive: false });
    expect(response.statusCode).toBe(200);
    expect((await staff.get('/api/me')).statusCode).toBe(401);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: world.users.staff.email, password: TEST_PASSWORD },
    });
    expect(again.statusCode).toBe(403);
    expect(again.json().error).toBe('ACCOUNT_DISABLED');
    await admin.patch(`/api/admin/users/${world.users.staff.id}`, { isActive: true });
  });

  it('adds a second membership, which then appears in the organisation switcher', async () => {
    const added = await admin.post(`/api/admin/users/${world.users.consultant.id}/memberships`, {
      organizationId: world.school.id,
      role: 'staff',
    });
    expect(added.statusCode).toBe(201);
    const duplicate = await admin.post(`/api/admin/users/${world.users.consultant.id}/memberships`, {
      organizationId: world.school.id,
      role: 'staff',
    });
    expect(duplicate.statusCode).toBe(409);
    const consultant = await login(t.app, world.users.consultant.email, TEST_PASSWORD);
    const me = (await consultant.get('/api/me')).json();
    expect(me.memberships.map((m: { role: string }) => m.role).sort()).toEqual(['consultant', 'staff']);
    const switched = await consultant.put('/api/me/membership', { membershipId: added.json().id });
    expect(switched.json().membership.role).toBe('staff');
    expect(switched.json().navigation).toEqual(['myRequests']);
    expect((await admin.delete(`/api/admin/memberships/${added.json().id}`)).statusCode).toBe(200);
  });

  it('never removes the last admin of an organisation', async () => {
    const me = (await admin.get('/api/me')).json();
    const response = await admin.delete(`/api/admin/memberships/${me.membership.id}`);
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toBe('LAST_ADMIN');
  });

  it("a school's admin cannot change the account of someone who also belongs to organisations above the school", async () => {
    // A region admin who also consults at the school: the school's admin sees them, but their
    // password, name and access reach the region too.
    const regionAdmin = await createUser(t.db.db, world.region, 'admin');
    await insertMembership(t.db.db, { userId: regionAdmin.id, organizationId: world.school.id, role: 'consultant' });
    const victim = await login(t.app, regionAdmin.email, TEST_PASSWORD);
    for (const patch of [{ password: 'taken-over-password-1' }, { isActive: false }, { fullName: 'Чужое Имя' }]) {
      const response = await admin.patch(`/api/admin/users/${regionAdmin.id}`, patch);
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ error: 'FORBIDDEN', message: expect.stringContaining('не подчинены') });
    }
    expect((await victim.get('/api/me')).statusCode).toBe(200);
    const account = await t.db.db
      .selectFrom('users')
      .select(['fullName', 'isActive'])
      .where('id', '=', regionAdmin.id)
      .executeTakeFirstOrThrow();
    expect(account).toEqual({ fullName: regionAdmin.fullName, isActive: true });
    await login(t.app, regionAdmin.email, TEST_PASSWORD);
    // The school's admin still sees them, may add a role at the school, and the region's admin may change the account.
    const listed = (await admin.get(`/api/admin/users?search=${encodeURIComponent(regionAdmin.fullName)}`)).json();
    expect(listed.map((u: { id: string }) => u.id)).toContain(regionAdmin.id);
    expect(
      (await admin.post(`/api/admin/users/${regionAdmin.id}/memberships`, { organizationId: world.school.id, role: 'staff' })).statusCode,
    ).toBe(201);
    const regionClient = await login(t.app, regionAdmin.email, TEST_PASSWORD);
    const memberships: Array<{ id: string; organizationId: string }> = (await regionClient.get('/api/me')).json().memberships;
    const regionMembership = memberships.find((m) => m.organizationId === world.region.id)!;
    await regionClient.put('/api/me/membership', { membershipId: regionMembership.id });
    expect((await regionClient.patch(`/api/admin/users/${regionAdmin.id}`, { phone: '+7 900 000-00-00' })).statusCode).toBe(200);
  });

  it('searches users by name', async () => {
    const found = (await admin.get(`/api/admin/users?search=${encodeURIComponent('Новикова')}`)).json();
    expect(found).toHaveLength(1);
    expect(found[0].memberships[0].role).toBe('staff');
  });
});

describe('organisations', () => {
  it('take only a known time zone, and a new one moves the desk’s business hours at once', async () => {
    const bad = await admin.patch(`/api/organizations/${world.school.id}`, { timezone: 'Europe/Moskva' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'VALIDATION', fields: { timezone: expect.stringContaining('Неизвестный часовой пояс') } });
    const before = await getWorkCalendar(t.deps, world.school.id); // cached from here on
    expect(before.timeZone).toBe('Europe/Moscow');
    expect((await admin.patch(`/api/organizations/${world.school.id}`, { timezone: 'Asia/Yekaterinburg' })).statusCode).toBe(200);
    expect((await getWorkCalendar(t.deps, world.school.id)).timeZone).toBe('Asia/Yekaterinburg');
    expect((await deskClock(t.deps, world.school.id)).zone).toBe(timeZone('Asia/Yekaterinburg'));
    await admin.patch(`/api/organizations/${world.school.id}`, { timezone: 'Europe/Moscow' });
  });

  it('builds the tree by the allowed kinds and keeps slugs unique', async () => {
    const regionAdmin = await login(t.app, (await createUser(t.db.db, world.region, 'admin')).email, TEST_PASSWORD);
    const school = await regionAdmin.post('/api/organizations', {
      kind: 'school',
      parentId: world.municipality.id,
      name: 'МБОУ СОШ №5 г.о. Мытищи',
      shortName: 'СОШ №5',
      slug: `school-5-${Date.now()}`,
      email: 'school5@example.test',
      website: 'https://school5.example.test',
    });
    expect(school.statusCode).toBe(201);
    expect(school.json().path).toEqual([...world.municipality.path, school.json().id]);
    const wrongKind = await regionAdmin.post('/api/organizations', {
      kind: 'municipality',
      parentId: school.json().id,
      name: 'Неверно',
      shortName: 'Неверно',
      slug: `bad-${Date.now()}`,
    });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().error).toBe('ORG_PARENT_INVALID');
    const sameSlug = await regionAdmin.post('/api/organizations', {
      kind: 'school',
      parentId: world.municipality.id,
      name: 'Дубль',
      shortName: 'Дубль',
      slug: school.json().slug,
    });
    expect(sameSlug.statusCode).toBe(409);
    const list = (await regionAdmin.get('/api/organizations')).json() as Array<{ id: string }>;
    expect(list.map((o) => o.id)).toEqual(expect.arrayContaining([world.region.id, world.school.id, school.json().id]));
    const updated = await regionAdmin.patch(`/api/organizations/${school.json().id}`, { phone: '+7 495 555-55-55' });
    expect(updated.json().phone).toBe('+7 495 555-55-55');
    const audit = (await regionAdmin.get(`/api/audit?entityId=${school.json().id}`)).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(['organization.update', 'organization.create']);
    expect(audit.items[0].before.phone).toBeNull();
    expect(audit.items[0].after.phone).toBe('+7 495 555-55-55');
  });
});
