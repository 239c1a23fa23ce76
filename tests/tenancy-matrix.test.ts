/**
 * Tenancy and roles, as a matrix: every role of school A (and the support service's operator)
 * tries each foundation action on school A and on school B of the same municipality. The
 * expected status of every cell is written out; a module adds its rows as it grows.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/server/db/schema.ts';
import { login, useTestApp, type Client, type TestApp } from './helpers/app.ts';
import { createOrganization, createUser, createWorld, TEST_PASSWORD, type OrgRef, type TestWorld } from './helpers/factories.ts';

let t: TestApp;
let world: TestWorld;
let schoolB: OrgRef;
const clients = {} as Record<Role, Client>;

beforeAll(async () => {
  t = await useTestApp();
  world = await createWorld(t.db.db);
  schoolB = await createOrganization(t.db.db, 'school', world.municipality);
  await createUser(t.db.db, schoolB, 'head');
  for (const role of Object.keys(world.users) as Role[]) clients[role] = await login(t.app, world.users[role].email, TEST_PASSWORD);
});

type Target = 'own' | 'other';

let closureDay = 0;
/** A distinct date per call, so no cell fails by hitting an earlier cell's closure. */
function nextClosureDate(): string {
  closureDay += 1;
  return new Date(Date.UTC(2027, 0, closureDay)).toISOString().slice(0, 10);
}
interface Action {
  name: string;
  run(client: Client, org: OrgRef): Promise<{ statusCode: number }>;
  /** Expected status per role for [own school, other school]. */
  expect: Record<Role, [number, number]>;
}

const ACTIONS: Action[] = [
  {
    name: 'read the organisation',
    run: (c, org) => c.get(`/api/organizations/${org.id}`),
    expect: { admin: [200, 403], head: [200, 403], consultant: [200, 403], staff: [403, 403], parent: [403, 403], operator: [403, 403] },
  },
  {
    name: 'edit the organisation’s contacts',
    run: (c, org) => c.patch(`/api/organizations/${org.id}`, { phone: '+7 495 000-00-00' }),
    expect: { admin: [200, 403], head: [403, 403], consultant: [403, 403], staff: [403, 403], parent: [403, 403], operator: [403, 403] },
  },
  {
    name: 'create a user in the organisation',
    run: (c, org) =>
      c.post('/api/admin/users', { email: `new-${Math.random().toString(36).slice(2)}@example.test`, fullName: 'Новый Сотрудник', organizationId: org.id, role: 'staff' }),
    expect: { admin: [201, 403], head: [403, 403], consultant: [403, 403], staff: [403, 403], parent: [403, 403], operator: [403, 403] },
  },
  {
    name: 'read the calendar settings',
    run: (c, org) => c.get(`/api/organizations/${org.id}/calendar`),
    expect: { admin: [200, 403], head: [200, 403], consultant: [200, 403], staff: [403, 403], parent: [403, 403], operator: [403, 403] },
  },
  {
    name: 'add a closure day',
    run: (c, org) => c.post(`/api/organizations/${org.id}/closures`, { date: nextClosureDate(), reason: 'Проверка' }),
    expect: { admin: [201, 403], head: [201, 403], consultant: [403, 403], staff: [403, 403], parent: [403, 403], operator: [403, 403] },
  },
];

describe.each(ACTIONS)('$name', (action) => {
  it.each(Object.keys(action.expect) as Role[])('as %s', async (role) => {
    for (const [index, target] of (['own', 'other'] as Target[]).entries()) {
      const org = target === 'own' ? world.school : schoolB;
      const response = await action.run(clients[role], org);
      expect({ target, status: response.statusCode }).toEqual({ target, status: action.expect[role][index] });
    }
  });
});

describe('lists are scoped to the organisation', () => {
  it('an admin of school A lists only users of school A', async () => {
    const list = (await clients.admin.get('/api/admin/users?limit=200')).json() as Array<{ email: string }>;
    const emails = list.map((u) => u.email);
    expect(emails).toContain(world.users.parent.email);
    expect(emails).not.toContain(world.users.operator.email);
  });

  it('the audit log of school A has none of school B’s rows', async () => {
    const audit = (await clients.head.get('/api/audit?limit=200')).json() as { items: Array<{ organizationId: string | null }> };
    expect(audit.items.length).toBeGreaterThan(0);
    expect(audit.items.every((row) => row.organizationId === world.school.id)).toBe(true);
  });

  it('a staff member and a parent cannot read the audit log or the user list', async () => {
    for (const role of ['staff', 'parent', 'consultant'] as Role[]) {
      expect((await clients[role].get('/api/audit')).statusCode).toBe(403);
      expect((await clients[role].get('/api/admin/users')).statusCode).toBe(403);
    }
  });

  it('anonymous callers get 401 everywhere', async () => {
    for (const url of ['/api/me', '/api/organizations', '/api/admin/users', '/api/audit', `/api/organizations/${world.school.id}/calendar`]) {
      const response = await t.app.inject({ method: 'GET', url });
      expect({ url, status: response.statusCode }).toEqual({ url, status: 401 });
    }
  });
});
