/**
 * The demo school: region «Московская область» → municipality «г.о. Мытищи» → school
 * «МБОУ СОШ №27», and the regional «Служба поддержки Школьного портала»; one user per role.
 * The embedded quick start seeds it once on an empty database; a server is seeded only by
 * `opora seed-demo`.
 */
import type { Deps } from '../deps.ts';
import type { Executor } from '../db/database.ts';
import type { Role } from '../db/schema.ts';
import { insertMembership, insertUser } from '../modules/identity/identity.repository.ts';
import { hashPassword } from '../modules/identity/passwords.ts';
import { findOrganizationBySlug, insertOrganization } from '../modules/organizations/organizations.repository.ts';
import { seedDemoRequests } from '../modules/requests/requests.seed.ts';

export const DEMO_PASSWORD = 'opora-demo-2026';
const DEMO_SCHOOL_SLUG = 'school-27';

export const DEMO_USERS: Array<{ email: string; fullName: string; role: Role; org: 'school' | 'support' | 'region' }> = [
  { email: 'head@school27.demo', fullName: 'Иванова Марина Петровна', role: 'head', org: 'school' },
  { email: 'consultant@school27.demo', fullName: 'Смирнов Алексей Викторович', role: 'consultant', org: 'school' },
  { email: 'teacher@school27.demo', fullName: 'Кузнецова Елена Сергеевна', role: 'staff', org: 'school' },
  { email: 'parent@school27.demo', fullName: 'Соколов Дмитрий Андреевич', role: 'parent', org: 'school' },
  { email: 'operator@support.demo', fullName: 'Попова Анна Игоревна', role: 'operator', org: 'support' },
  { email: 'admin@opora.demo', fullName: 'Орлов Павел Николаевич', role: 'admin', org: 'region' },
];

export interface DemoOrganizations {
  region: { id: string; path: string[] };
  municipality: { id: string; path: string[] };
  school: { id: string; path: string[] };
  support: { id: string; path: string[] };
}

/** Extra demo data contributed by modules (requests, calendar …), run after the core seed. */
export type DemoSeedStep = (tx: Executor, orgs: DemoOrganizations, deps: Deps) => Promise<void>;
const steps: DemoSeedStep[] = [seedDemoRequests];
export function addDemoSeedStep(step: DemoSeedStep): void {
  steps.push(step);
}

export async function isDatabaseEmpty(db: Executor): Promise<boolean> {
  const row = await db.selectFrom('organizations').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

export async function hasDemoSchool(db: Executor): Promise<boolean> {
  return (await findOrganizationBySlug(db, DEMO_SCHOOL_SLUG)) !== undefined;
}

/** Seeds the demo; does nothing when the demo school already exists. Returns whether it seeded. */
export async function seedDemo(deps: Deps): Promise<boolean> {
  if (await hasDemoSchool(deps.db)) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await deps.db.transaction().execute(async (tx) => {
    const region = await insertOrganization(tx, null, {
      kind: 'region',
      name: 'Московская область',
      shortName: 'Московская область',
      slug: 'mosreg',
      phone: null,
      email: null,
      website: null,
      address: null,
      timezone: 'Europe/Moscow',
    });
    const municipality = await insertOrganization(tx, region, {
      kind: 'municipality',
      name: 'Управление образования администрации городского округа Мытищи',
      shortName: 'г.о. Мытищи',
      slug: 'mytishchi',
      phone: '+7 495 586-00-00',
      email: 'edu@mytishchi.demo',
      website: 'https://edu.mytishchi.demo',
      address: 'Московская обл., г. Мытищи',
      timezone: 'Europe/Moscow',
    });
    const school = await insertOrganization(tx, municipality, {
      kind: 'school',
      name: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа №27»',
      shortName: 'МБОУ СОШ №27',
      slug: DEMO_SCHOOL_SLUG,
      phone: '+7 495 586-27-27',
      email: 'school27@mytishchi.demo',
      website: 'https://school27.mytishchi.demo',
      address: 'Московская обл., г. Мытищи, ул. Школьная, д. 27',
      timezone: 'Europe/Moscow',
    });
    const support = await insertOrganization(tx, region, {
      kind: 'support_service',
      name: 'Служба поддержки Школьного портала Московской области',
      shortName: 'Служба поддержки Школьного портала',
      slug: 'portal-support',
      phone: '8 800 000-00-00',
      email: 'support@school-portal.demo',
      website: 'https://school-portal.demo/support',
      address: null,
      timezone: 'Europe/Moscow',
    });
    const orgs: DemoOrganizations = { region, municipality, school, support };
    for (const demo of DEMO_USERS) {
      const user = await insertUser(tx, { email: demo.email, fullName: demo.fullName, phone: null, passwordHash, locale: 'ru' });
      const org = demo.org === 'school' ? school : demo.org === 'support' ? support : region;
      await insertMembership(tx, { userId: user.id, organizationId: org.id, role: demo.role });
    }
    for (const step of steps) await step(tx, orgs, deps);
  });
  return true;
}
