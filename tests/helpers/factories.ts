/**
 * Each test builds its own organisations and users with unique names, so tests share nothing
 * and need no truncation.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from '../../src/server/db/database.ts';
import type { Role } from '../../src/server/db/schema.ts';
import { insertMembership, insertUser } from '../../src/server/modules/identity/identity.repository.ts';
import { hashPassword } from '../../src/server/modules/identity/passwords.ts';
import { insertOrganization } from '../../src/server/modules/organizations/organizations.repository.ts';

export const TEST_PASSWORD = 'test-password-123';
let cachedHash: Promise<string> | null = null;
const passwordHash = () => (cachedHash ??= hashPassword(TEST_PASSWORD));

export function uniqueSlug(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

export interface OrgRef {
  id: string;
  path: string[];
  slug: string;
  name: string;
}

export async function createOrganization(
  db: Database,
  kind: 'region' | 'municipality' | 'school' | 'support_service',
  parent: OrgRef | null,
  name?: string,
): Promise<OrgRef> {
  const slug = uniqueSlug(kind.replace('_', '-'));
  const org = await insertOrganization(db, parent, {
    kind,
    name: name ?? `Тестовая организация ${slug}`,
    shortName: name ?? slug,
    slug,
    phone: null,
    email: `${slug}@example.test`,
    website: null,
    address: null,
    timezone: 'Europe/Moscow',
  });
  return { id: org.id, path: org.path, slug: org.slug, name: org.name };
}

export interface TestUser {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  organizationId: string;
}

export async function createUser(db: Database, org: OrgRef, role: Role, fullName?: string): Promise<TestUser> {
  const email = `${role}-${randomBytes(5).toString('hex')}@example.test`;
  const user = await insertUser(db, { email, fullName: fullName ?? `Тест ${role}`, phone: null, passwordHash: await passwordHash(), locale: 'ru' });
  await insertMembership(db, { userId: user.id, organizationId: org.id, role });
  return { id: user.id, email, fullName: user.fullName, role, organizationId: org.id };
}

export interface TestWorld {
  region: OrgRef;
  municipality: OrgRef;
  school: OrgRef;
  support: OrgRef;
  users: Record<Role, TestUser>;
}

/** A region with a municipality, a school with one user per role, and a support service. */
export async function createWorld(db: Database): Promise<TestWorld> {
  const region = await createOrganization(db, 'region', null);
  const municipality = await createOrganization(db, 'municipality', region);
  const school = await createOrganization(db, 'school', municipality);
  const support = await createOrganization(db, 'support_service', region);
  const roles: Role[] = ['head', 'consultant', 'staff', 'parent', 'admin'];
  const users = {} as Record<Role, TestUser>;
  for (const role of roles) users[role] = await createUser(db, school, role);
  users.operator = await createUser(db, support, 'operator');
  return { region, municipality, school, support, users };
}
