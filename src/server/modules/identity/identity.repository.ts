import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Executor } from '../../db/database.ts';
import { matchesPerson, namesSomeone, type PersonCriteria } from '../../db/person-match.ts';
import { anyOf } from '../../db/json-params.ts';
import type { Role } from '../../db/schema.ts';
import type { ActorMembership } from '../../http/actor.ts';

export function findUserByEmail(db: Executor, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export function findUserById(db: Executor, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Users with any of the ids or (lower-cased) e-mails, each with the organisations it is a member of, in one read. */
export function findUsersByIdsOrEmails(db: Executor, ids: readonly string[], emails: readonly string[]) {
  if (ids.length === 0 && emails.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .selectAll()
    .select(sql<string[]>`array(select m.organization_id::text from memberships m where m.user_id = users.id)`.as('organizationIds'))
    .where((eb) =>
      eb.or([eb('id', '=', anyOf([...new Set(ids)])), eb('email', '=', anyOf([...new Set(emails.map((e) => e.toLowerCase()))], 'text'))]),
    )
    .execute();
}

/** What an actor's membership shows (memberships `m` joined with organizations `o`). */
const MEMBERSHIP_COLUMNS = [
  'm.id',
  'm.role',
  'm.organizationId',
  'o.path as organizationPath',
  'o.name as organizationName',
  'o.shortName as organizationShortName',
  'o.kind as organizationKind',
  'o.slug as organizationSlug',
  'o.timezone as organizationTimeZone',
] as const;

export async function membershipsOf(db: Executor, userId: string): Promise<ActorMembership[]> {
  return db
    .selectFrom('memberships as m')
    .innerJoin('organizations as o', 'o.id', 'm.organizationId')
    .select(MEMBERSHIP_COLUMNS)
    .where('m.userId', '=', userId)
    .orderBy('o.name')
    .orderBy('m.role')
    .execute();
}

export async function insertSession(
  db: Executor,
  row: {
    id: string;
    userId: string;
    membershipId: string | null;
    csrfToken: string;
    ip: string | null;
    userAgent: string | null;
    expiresAt: Date;
  },
): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/**
 * Sessions by id with their users and the users' memberships (as `membershipsOf` lists them), in
 * one read; expired ones included (the caller compares `expiresAt` with its clock).
 */
export function findSessions(db: Executor, ids: readonly string[]) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.userId')
    .select((eb) => [
      's.id',
      's.userId',
      's.membershipId',
      's.csrfToken',
      's.lastSeenAt',
      's.expiresAt',
      'u.email',
      'u.fullName',
      'u.locale',
      'u.isActive',
      // The same rows and order as membershipsOf (json_agg keeps the order of the sorted subquery).
      jsonArrayFrom(
        eb
          .selectFrom('memberships as m')
          .innerJoin('organizations as o', 'o.id', 'm.organizationId')
          .select(MEMBERSHIP_COLUMNS)
          .whereRef('m.userId', '=', 's.userId')
          .orderBy('o.name')
          .orderBy('m.role'),
      ).as('memberships'),
    ])
    .where('s.id', '=', anyOf(ids, 'text'))
    .execute();
}

export type SessionRow = Awaited<ReturnType<typeof findSessions>>[number];

export async function touchSession(db: Executor, id: string, now: Date, expiresAt: Date): Promise<void> {
  await db.updateTable('sessions').set({ lastSeenAt: now, expiresAt }).where('id', '=', id).execute();
}

export async function setSessionMembership(db: Executor, id: string, membershipId: string): Promise<void> {
  await db.updateTable('sessions').set({ membershipId }).where('id', '=', id).execute();
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Deletes up to `limit` sessions that expired before `before` (housekeeping); returns how many. */
export async function deleteExpiredSessions(db: Executor, before: Date, limit: number): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where('id', 'in', (qb) => qb.selectFrom('sessions').select('id').where('expiresAt', '<', before).limit(limit))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes password-reset links that expired before `before` (housekeeping); returns how many. */
export async function deleteExpiredPasswordResets(db: Executor, before: Date): Promise<number> {
  const result = await db.deleteFrom('passwordResets').where('expiresAt', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteSessionsOfUser(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('userId', '=', userId).execute();
}

export async function recordFailedLogin(db: Executor, userId: string, maxFailures: number, lockUntil: Date) {
  return db
    .updateTable('users')
    .set((eb) => ({
      failedLogins: eb('failedLogins', '+', 1),
      lockedUntil: eb
        .case()
        .when('failedLogins', '>=', maxFailures - 1)
        .then(lockUntil)
        .else(eb.ref('lockedUntil'))
        .end(),
    }))
    .where('id', '=', userId)
    .returning(['failedLogins', 'lockedUntil'])
    .executeTakeFirstOrThrow();
}

export async function recordSuccessfulLogin(db: Executor, userId: string, now: Date): Promise<void> {
  await db.updateTable('users').set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where('id', '=', userId).execute();
}

export async function insertPasswordReset(db: Executor, row: { tokenHash: string; userId: string; expiresAt: Date }): Promise<void> {
  await db.insertInto('passwordResets').values(row).execute();
}

/** Marks a valid reset token used and returns its user, atomically (a link works once). */
export function consumePasswordReset(db: Executor, tokenHash: string, now: Date) {
  return db
    .updateTable('passwordResets')
    .set({ usedAt: now })
    .where('tokenHash', '=', tokenHash)
    .where('usedAt', 'is', null)
    .where('expiresAt', '>', now)
    .returning(['userId'])
    .executeTakeFirst();
}

export async function setPassword(db: Executor, userId: string, passwordHash: string, now: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({ passwordHash, failedLogins: 0, lockedUntil: null, updatedAt: now })
    .where('id', '=', userId)
    .execute();
}

export async function setLocale(db: Executor, userId: string, locale: 'ru' | 'en'): Promise<void> {
  await db.updateTable('users').set({ locale }).where('id', '=', userId).execute();
}

// ---- administration ----

export function listUsersUnder(db: Executor, rootOrgId: string, search: string | undefined, limit: number, offset: number) {
  let query = db
    .selectFrom('users as u')
    .select(['u.id', 'u.email', 'u.fullName', 'u.phone', 'u.isActive', 'u.locale', 'u.lastLoginAt', 'u.createdAt'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('memberships as m')
          .innerJoin('organizations as o', 'o.id', 'm.organizationId')
          .select('m.id')
          .whereRef('m.userId', '=', 'u.id')
          .where(sql<boolean>`${rootOrgId} = any(o.path)`),
      ),
    )
    .orderBy('u.fullName')
    .limit(limit)
    .offset(offset);
  if (search) {
    const pattern = `%${search.replace(/[%_\\]/g, '\\$&')}%`;
    query = query.where((eb) => eb.or([eb('u.fullName', 'ilike', pattern), eb('u.email', 'ilike', pattern)]));
  }
  return query.execute();
}

export function membershipsOfUsers(db: Executor, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('memberships as m')
    .innerJoin('organizations as o', 'o.id', 'm.organizationId')
    .select(['m.id', 'm.userId', 'm.role', 'm.organizationId', 'o.shortName as organizationName', 'o.path as organizationPath'])
    .where('m.userId', 'in', userIds)
    .execute();
}

export function insertUser(
  db: Executor,
  row: { email: string; fullName: string; phone: string | null; passwordHash: string | null; locale: 'ru' | 'en' },
) {
  return db.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateUser(
  db: Executor,
  id: string,
  patch: { fullName?: string; phone?: string | null; isActive?: boolean; email?: string; updatedAt: Date },
) {
  return db.updateTable('users').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export function insertMembership(db: Executor, row: { userId: string; organizationId: string; role: Role }) {
  return db
    .insertInto('memberships')
    .values(row)
    .onConflict((oc) => oc.columns(['userId', 'organizationId', 'role']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export function findMembership(db: Executor, id: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('organizations as o', 'o.id', 'm.organizationId')
    .select(['m.id', 'm.userId', 'm.role', 'm.organizationId', 'o.path as organizationPath'])
    .where('m.id', '=', id)
    .executeTakeFirst();
}

export async function deleteMembership(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('memberships').where('id', '=', id).execute();
}

export async function countAdminsOf(db: Executor, organizationId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organizationId', '=', organizationId)
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Users with a role in an organisation (e.g. heads to alert, consultants to assign). */
/** `usersWithRole` for several organisations in one read, each row with its organisation. */
export function usersWithRoleIn(db: Executor, organizationIds: readonly string[], roles: Role[]) {
  if (organizationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.userId')
    .select(['u.id', 'u.email', 'u.fullName', 'u.locale', 'm.role', 'm.organizationId'])
    .where('m.organizationId', '=', sql<string>`any(${[...new Set(organizationIds)]}::uuid[])`)
    .where('m.role', '=', sql<Role>`any(${roles}::text[])`)
    .where('u.isActive', '=', true)
    .orderBy('u.fullName')
    .execute();
}

export function usersWithRole(db: Executor, organizationId: string, roles: Role[]) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.userId')
    .select(['u.id', 'u.email', 'u.fullName', 'u.locale', 'm.role'])
    .where('m.organizationId', '=', organizationId)
    .where('m.role', 'in', roles)
    .where('u.isActive', '=', true)
    .orderBy('u.fullName')
    .execute();
}

/**
 * Accounts matching a person (by e-mail, phone key — the last ten digits — or id), limited to the
 * members of `organizationId` when given; each with its memberships and its sessions. For one
 * organisation, only what it holds: the memberships there and the sessions opened in them (where
 * else the person works, and from where they sign in there, is not its business).
 */
export function accountsOfPerson(db: Executor, criteria: PersonCriteria) {
  if (!namesSomeone(criteria)) return Promise.resolve([]);
  const { organizationId } = criteria;
  let query = db
    .selectFrom('users as u')
    .select(['u.id', 'u.fullName', 'u.email', 'u.phone', 'u.locale', 'u.isActive', 'u.lastLoginAt', 'u.createdAt'])
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('memberships as m')
          .innerJoin('organizations as o', 'o.id', 'm.organizationId')
          .select(['m.organizationId', 'o.shortName as organizationName', 'm.role', 'm.createdAt'])
          .whereRef('m.userId', '=', 'u.id')
          .$if(organizationId !== null, (qb) => qb.where('m.organizationId', '=', organizationId!))
          .orderBy('m.createdAt'),
      ).as('memberships'),
      jsonArrayFrom(
        eb
          .selectFrom('sessions as s')
          .select(['s.createdAt', 's.lastSeenAt', 's.expiresAt', 's.ip', 's.userAgent'])
          .whereRef('s.userId', '=', 'u.id')
          .$if(organizationId !== null, (qb) =>
            qb.where((inner) =>
              inner.exists(
                inner
                  .selectFrom('memberships as sm')
                  .select('sm.id')
                  .whereRef('sm.id', '=', 's.membershipId')
                  .where('sm.organizationId', '=', organizationId!),
              ),
            ),
          )
          .orderBy('s.createdAt'),
      ).as('sessions'),
    ])
    // An account's own address is its own: `contactsIn` is about requests filed with it.
    .where((eb) => matchesPerson(eb, { email: 'u.email', userId: 'u.id', phone: 'u.phone' }, { ...criteria, contactsIn: undefined }));
  if (organizationId) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('memberships as mo')
          .select('mo.id')
          .whereRef('mo.userId', '=', 'u.id')
          .where('mo.organizationId', '=', organizationId),
      ),
    );
  }
  return query.orderBy('u.createdAt').execute();
}
