import type { Deps } from '../../deps.ts';
import { authorize, requireMembership } from '../../http/access.ts';
import type { RequestContext } from '../../http/actor.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { isTimeZoneName } from '../../../domain/working-time/time-zone.ts';
import { clocksChanged } from '../calendar/calendar.service.ts';
import * as repo from './organizations.repository.ts';
import type { OrganizationFields } from './organizations.repository.ts';

/** Which kinds may sit under which: region → municipality → school; services under a region. */
const ALLOWED_PARENT: Record<OrganizationFields['kind'], Array<OrganizationFields['kind'] | null>> = {
  region: [null],
  municipality: ['region'],
  school: ['municipality', 'region'],
  support_service: ['region', 'municipality', null],
};

export async function getOrganization(deps: Deps, ctx: RequestContext, id: string) {
  const org = await repo.findOrganization(deps.db, id);
  if (!org) throw new AppError('NOT_FOUND');
  authorize(ctx, 'organization.read', org.path);
  return org;
}

/** The tree visible to the acting membership: its organisation and everything below. */
export async function listOrganizations(deps: Deps, ctx: RequestContext) {
  const { membership } = requireMembership(ctx);
  authorize(ctx, 'organization.read', membership.organizationPath);
  return repo.listSubtree(deps.db, membership.organizationId);
}

export async function createOrganization(deps: Deps, ctx: RequestContext, input: OrganizationFields & { parentId: string | null }) {
  const parent = input.parentId ? ((await repo.findOrganization(deps.db, input.parentId)) ?? null) : null;
  if (input.parentId && !parent) throw new AppError('ORG_PARENT_INVALID', { fields: { parentId: { key: 'error.ORG_PARENT_INVALID' } } });
  // A root organisation can only be created by an admin of a root (there is no parent to be admin of).
  authorize(ctx, 'organization.manage', parent?.path ?? requireMembership(ctx).membership.organizationPath.slice(0, 1));
  if (!parent && requireMembership(ctx).membership.organizationPath.length !== 1) throw new AppError('FORBIDDEN');
  if (!ALLOWED_PARENT[input.kind].includes(parent?.kind ?? null)) {
    throw new AppError('ORG_PARENT_INVALID', { fields: { parentId: { key: 'error.ORG_PARENT_INVALID' } } });
  }
  const { parentId: _ignored, ...fields } = input;
  assertTimeZone(fields.timezone);
  return deps.db.transaction().execute(async (tx) => {
    if (await repo.slugExists(tx, fields.slug)) throw new AppError('SLUG_TAKEN', { fields: { slug: { key: 'error.SLUG_TAKEN' } } });
    const created = await repo.insertOrganization(tx, parent, fields);
    await recordAudit(tx, ctx, {
      organizationId: created.id,
      action: 'organization.create',
      entityType: 'organization',
      entityId: created.id,
      after: created,
    });
    return created;
  });
}

/** A time zone the deadline engine knows, or a 400 on the field (an unknown one would fail every deadline). */
function assertTimeZone(name: string | undefined): void {
  if (name !== undefined && !isTimeZoneName(name)) throw new AppError('VALIDATION', { fields: { timezone: { key: 'field.timeZone' } } });
}

export async function updateOrganization(deps: Deps, ctx: RequestContext, id: string, patch: Partial<Omit<OrganizationFields, 'kind'>>) {
  assertTimeZone(patch.timezone);
  return deps.db.transaction().execute(async (tx) => {
    const before = await repo.findOrganization(tx, id);
    if (!before) throw new AppError('NOT_FOUND');
    authorize(ctx, 'organization.manage', before.path);
    if (patch.slug && (await repo.slugExists(tx, patch.slug, id)))
      throw new AppError('SLUG_TAKEN', { fields: { slug: { key: 'error.SLUG_TAKEN' } } });
    const after = await repo.updateOrganization(tx, id, { ...patch, updatedAt: deps.clock.now() });
    // Deadlines and business hours follow the new clock in every process at once.
    if (after.timezone !== before.timezone) await clocksChanged(tx);
    await recordAudit(tx, ctx, {
      organizationId: id,
      action: 'organization.update',
      entityType: 'organization',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/**
 * For other modules' services (no access check: the caller has already authorised its own use
 * case). Returns null when the organisation does not exist.
 */
export async function findOrganizationInternal(deps: Pick<Deps, 'db'>, id: string) {
  return (await repo.findOrganization(deps.db, id)) ?? null;
}

/** Several organisations by id, in one read (missing ones are left out). */
export async function findOrganizationsInternal(deps: Pick<Deps, 'db'>, ids: readonly string[]) {
  return ids.length === 0 ? [] : repo.findOrganizations(deps.db, ids);
}

export async function findOrganizationBySlugInternal(deps: Pick<Deps, 'db'>, slug: string) {
  return (await repo.findOrganizationBySlug(deps.db, slug)) ?? null;
}
