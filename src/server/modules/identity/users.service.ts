/** Administration of users and memberships, scoped to the admin's organisation subtree. */
import type { Role } from '../../../domain/permissions.ts';
import type { Deps } from '../../deps.ts';
import { authorize, requireMembership } from '../../http/access.ts';
import type { RequestContext } from '../../http/actor.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { getOrganization } from '../organizations/organizations.service.ts';
import * as repo from './identity.repository.ts';
import { assertStrongPassword } from './identity.service.ts';
import { hashPassword } from './passwords.ts';

export async function listUsers(
  deps: Deps,
  ctx: RequestContext,
  query: { search?: string | undefined; limit?: number | undefined; offset?: number | undefined },
) {
  const { membership } = requireMembership(ctx);
  authorize(ctx, 'user.manage', membership.organizationPath);
  const users = await repo.listUsersUnder(
    deps.db,
    membership.organizationId,
    query.search?.trim() || undefined,
    Math.min(query.limit ?? 50, 200),
    query.offset ?? 0,
  );
  const memberships = await repo.membershipsOfUsers(
    deps.db,
    users.map((u) => u.id),
  );
  return users.map((user) => ({
    ...user,
    memberships: memberships
      .filter((m) => m.userId === user.id && m.organizationPath.includes(membership.organizationId))
      .map(({ organizationPath: _path, userId: _user, ...rest }) => rest),
  }));
}

export interface NewUserInput {
  email: string;
  fullName: string;
  phone?: string | null | undefined;
  password?: string | undefined;
  locale?: 'ru' | 'en' | undefined;
  organizationId: string;
  role: Role;
}

export async function createUser(deps: Deps, ctx: RequestContext, input: NewUserInput) {
  const org = await getOrganizationForAdmin(deps, ctx, input.organizationId);
  if (input.password !== undefined) assertStrongPassword(input.password);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return deps.db.transaction().execute(async (tx) => {
    if (await repo.findUserByEmail(tx, input.email)) throw new AppError('EMAIL_TAKEN', { fields: { email: { key: 'error.EMAIL_TAKEN' } } });
    const user = await repo.insertUser(tx, {
      email: input.email.trim().toLowerCase(),
      fullName: input.fullName.trim(),
      phone: input.phone ?? null,
      passwordHash,
      locale: input.locale ?? 'ru',
    });
    const membership = await repo.insertMembership(tx, { userId: user.id, organizationId: org.id, role: input.role });
    await recordAudit(tx, ctx, {
      organizationId: org.id,
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      after: { ...user, role: input.role },
    });
    const { passwordHash: _hash, ...safe } = user;
    return { ...safe, memberships: membership ? [membership] : [] };
  });
}

export async function updateUser(
  deps: Deps,
  ctx: RequestContext,
  userId: string,
  patch: {
    fullName?: string | undefined;
    phone?: string | null | undefined;
    isActive?: boolean | undefined;
    password?: string | undefined;
  },
) {
  await assertUserInScope(deps, ctx, userId, true);
  if (patch.password !== undefined) assertStrongPassword(patch.password);
  const passwordHash = patch.password ? await hashPassword(patch.password) : null;
  return deps.db.transaction().execute(async (tx) => {
    const before = await repo.findUserById(tx, userId);
    if (!before) throw new AppError('NOT_FOUND');
    const { password: _password, ...fields } = patch;
    const after = await repo.updateUser(tx, userId, { ...stripUndefined(fields), updatedAt: deps.clock.now() });
    if (passwordHash) await repo.setPassword(tx, userId, passwordHash, deps.clock.now());
    if (patch.isActive === false || passwordHash) await repo.deleteSessionsOfUser(tx, userId);
    await recordAudit(tx, ctx, {
      organizationId: requireMembership(ctx).membership.organizationId,
      action: 'user.update',
      entityType: 'user',
      entityId: userId,
      before,
      after: { ...after, ...(passwordHash ? { password: 'changed' } : {}) },
    });
    const { passwordHash: _hash, ...safe } = after;
    return safe;
  });
}

export async function addMembership(deps: Deps, ctx: RequestContext, userId: string, input: { organizationId: string; role: Role }) {
  await assertUserInScope(deps, ctx, userId);
  const org = await getOrganizationForAdmin(deps, ctx, input.organizationId);
  return deps.db.transaction().execute(async (tx) => {
    const created = await repo.insertMembership(tx, { userId, organizationId: org.id, role: input.role });
    if (!created) throw new AppError('MEMBERSHIP_EXISTS');
    await recordAudit(tx, ctx, {
      organizationId: org.id,
      action: 'membership.create',
      entityType: 'membership',
      entityId: created.id,
      after: created,
    });
    return created;
  });
}

export async function removeMembership(deps: Deps, ctx: RequestContext, membershipId: string) {
  await deps.db.transaction().execute(async (tx) => {
    const membership = await repo.findMembership(tx, membershipId);
    if (!membership) throw new AppError('NOT_FOUND');
    authorize(ctx, 'user.manage', membership.organizationPath);
    if (membership.role === 'admin' && (await repo.countAdminsOf(tx, membership.organizationId)) <= 1) throw new AppError('LAST_ADMIN');
    await repo.deleteMembership(tx, membershipId);
    await recordAudit(tx, ctx, {
      organizationId: membership.organizationId,
      action: 'membership.delete',
      entityType: 'membership',
      entityId: membershipId,
      before: membership,
    });
  });
}

async function getOrganizationForAdmin(deps: Deps, ctx: RequestContext, organizationId: string) {
  const org = await getOrganization(deps, ctx, organizationId).catch((error: unknown) => {
    throw error instanceof AppError && error.code === 'FORBIDDEN' ? new AppError('FORBIDDEN') : error;
  });
  authorize(ctx, 'user.manage', org.path);
  return org;
}

/**
 * A user is in the admin's scope when one of their memberships lies in the admin's subtree: the
 * admin sees them and may add a membership there. `wholeAccount`: a change of the account itself
 * (password, disabling, name) reaches every organisation the person belongs to, so it needs all of
 * their memberships in the admin's subtree — otherwise a school's admin could take over a region
 * admin who is also a consultant at the school.
 */
async function assertUserInScope(deps: Deps, ctx: RequestContext, userId: string, wholeAccount = false): Promise<void> {
  const { membership } = requireMembership(ctx);
  authorize(ctx, 'user.manage', membership.organizationPath);
  const memberships = await repo.membershipsOfUsers(deps.db, [userId]);
  const mine = (m: (typeof memberships)[number]) => m.organizationPath.includes(membership.organizationId);
  if (!memberships.some(mine)) throw new AppError('NOT_FOUND');
  if (wholeAccount && !memberships.every(mine)) throw new AppError('FORBIDDEN', { messageKey: 'error.userOutsideScope' });
}

function stripUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
