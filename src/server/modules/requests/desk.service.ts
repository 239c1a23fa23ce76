/**
 * Desks: every organisation that takes requests (a school, a support service) has one, with its
 * policy (number prefix, review term and unit, Labour Code art. 14 move, pause while waiting,
 * auto-close period, reopen window, reminder lead time, retention of personal data) and its own
 * two-level category taxonomy, seeded with the defaults of DOMAIN §3.2 the first time the desk is
 * used. Head and admin edit both; consultants read the policy; everyone who may file a request
 * reads the categories.
 */
import type { DeadlinePolicy } from '../../../domain/requests/deadlines.ts';
import { DEFAULT_CATEGORIES, defaultNumberPrefix, type RequestType } from '../../../domain/requests/taxonomy.ts';
import type { Executor } from '../../db/database.ts';
import type { Deps } from '../../deps.ts';
import { authorize } from '../../http/access.ts';
import type { RequestContext } from '../../http/actor.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findOrganizationInternal, findOrganizationsInternal } from '../organizations/organizations.service.ts';
import * as repo from './desk.repository.ts';

export const DESK_KINDS = ['school', 'support_service'] as const;

export interface DeskPolicy extends DeadlinePolicy {
  readonly organizationId: string;
  readonly numberPrefix: string;
  readonly autoCloseDays: number;
  readonly reopenWindowDays: number;
  readonly reminderLeadHours: number;
  /** Finished requests are de-personalised this many days after closing (request-privacy.ts). */
  readonly anonymizeAfterDays: number;
  readonly updatedAt: Date;
}

export interface DeskOrganization {
  readonly id: string;
  readonly path: string[];
  readonly kind: string;
  readonly name: string;
  readonly shortName: string;
  readonly timezone: string;
}

export interface Desk {
  readonly org: DeskOrganization;
  readonly policy: DeskPolicy;
}

/**
 * The organisation and its desk, creating the desk (with the default taxonomy) on first use.
 * @throws NOT_FOUND when the organisation does not exist; VALIDATION when it takes no requests.
 */
export async function loadDesk(db: Executor, organizationId: string): Promise<Desk> {
  const org = await findOrganizationInternal({ db }, organizationId);
  if (!org) throw new AppError('NOT_FOUND');
  if (!(DESK_KINDS as readonly string[]).includes(org.kind)) {
    throw new AppError('VALIDATION', { fields: { organizationId: { key: 'requests.error.noDesk' } } });
  }
  let row = await repo.findDesk(db, organizationId);
  if (!row) {
    if (await repo.insertDesk(db, organizationId, defaultNumberPrefix(org.shortName))) await seedDefaultCategories(db, organizationId);
    row = await repo.findDesk(db, organizationId);
    if (!row) throw new Error(`desk of ${organizationId} was not created`);
  }
  return { org, policy: row };
}

/**
 * The desks of several organisations in two reads; each entry is the desk or the error `loadDesk`
 * would throw for it. A desk used for the first time is created as `loadDesk` does.
 */
export async function loadDesks(db: Executor, organizationIds: readonly string[]): Promise<Map<string, Desk | AppError>> {
  const ids = [...new Set(organizationIds)];
  const result = new Map<string, Desk | AppError>();
  if (ids.length === 0) return result;
  const orgs = new Map((await findOrganizationsInternal({ db }, ids)).map((org) => [org.id, org]));
  const policies = new Map((await repo.findDesks(db, ids)).map((row) => [row.organizationId, row]));
  for (const id of ids) {
    const org = orgs.get(id);
    const policy = policies.get(id);
    if (org && policy && (DESK_KINDS as readonly string[]).includes(org.kind)) {
      result.set(id, { org, policy });
      continue;
    }
    try {
      result.set(id, await loadDesk(db, id));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      result.set(id, error);
    }
  }
  return result;
}

async function seedDefaultCategories(db: Executor, organizationId: string): Promise<void> {
  for (const [index, category] of DEFAULT_CATEGORIES.entries()) {
    const parent = await repo.insertCategory(db, {
      organizationId,
      parentId: null,
      code: category.code,
      name: category.name,
      defaultType: category.defaultType ?? null,
      position: (index + 1) * 10,
    });
    for (const [childIndex, child] of category.children.entries()) {
      await repo.insertCategory(db, {
        organizationId,
        parentId: parent.id,
        code: child.code,
        name: child.name,
        defaultType: child.defaultType ?? null,
        position: (childIndex + 1) * 10,
      });
    }
  }
}

/** The desk policy, for consultants, the head and admins of the organisation. */
export async function getDeskSettings(deps: Deps, ctx: RequestContext, organizationId: string): Promise<DeskPolicy> {
  const desk = await loadDesk(deps.db, organizationId);
  authorize(ctx, 'request.readAll', desk.org.path);
  return desk.policy;
}

export type DeskSettingsPatch = repo.DeskPatch;

/**
 * Changes the desk policy (head, admin). Term settings apply to requests registered afterwards;
 * a new reminder lead time reschedules the reminders of open requests (`onReminderLeadChanged`).
 */
export async function updateDeskSettings(
  deps: Deps,
  ctx: RequestContext,
  organizationId: string,
  patch: DeskSettingsPatch,
  onReminderLeadChanged?: (tx: Executor, policy: DeskPolicy) => Promise<void>,
): Promise<DeskPolicy> {
  return deps.db.transaction().execute(async (tx) => {
    const before = await loadDesk(tx, organizationId);
    authorize(ctx, 'settings.manage', before.org.path);
    const cleaned = { ...patch, ...(patch.numberPrefix ? { numberPrefix: patch.numberPrefix.toUpperCase() } : {}) };
    const after = await repo.updateDesk(tx, organizationId, {
      ...cleaned,
      updatedAt: deps.clock.now(),
      updatedBy: ctx.actor?.userId ?? null,
    });
    await recordAudit(tx, ctx, {
      organizationId,
      action: 'request_desk.update',
      entityType: 'request_desk',
      entityId: organizationId,
      before: before.policy,
      after,
    });
    if (onReminderLeadChanged && after.reminderLeadHours !== before.policy.reminderLeadHours) await onReminderLeadChanged(tx, after);
    return after;
  });
}

export interface CategoryNode {
  id: string;
  code: string;
  name: string;
  defaultType: RequestType | null;
  position: number;
  isActive: boolean;
  children: CategoryNode[];
}

type CategoryRow = Awaited<ReturnType<typeof repo.listCategories>>[number];

function toTree(rows: CategoryRow[], activeOnly: boolean): CategoryNode[] {
  const node = (row: CategoryRow): CategoryNode => ({
    id: row.id,
    code: row.code,
    name: row.name,
    defaultType: row.defaultType,
    position: row.position,
    isActive: row.isActive,
    children: [],
  });
  const visible = rows.filter((row) => !activeOnly || row.isActive);
  const top = visible.filter((row) => row.parentId === null).map(node);
  const byId = new Map(top.map((n) => [n.id, n]));
  for (const row of visible) if (row.parentId !== null) byId.get(row.parentId)?.children.push(node(row));
  return top;
}

/** The category tree of a desk: everyone who may file a request there; inactive entries only with `includeInactive`. */
export async function listCategories(
  deps: Deps,
  ctx: RequestContext,
  organizationId: string,
  includeInactive = false,
): Promise<CategoryNode[]> {
  const desk = await loadDesk(deps.db, organizationId);
  authorize(ctx, 'request.create', desk.org.path);
  return toTree(await repo.listCategories(deps.db, organizationId), !includeInactive);
}

/** The active category tree for the public web form (no access check: categories are not secret). */
export async function listPublicCategories(deps: Deps, organizationId: string): Promise<CategoryNode[]> {
  await loadDesk(deps.db, organizationId);
  return toTree(await repo.listCategories(deps.db, organizationId), true);
}

export interface NewCategoryInput {
  parentId?: string | null | undefined;
  code?: string | undefined;
  name: string;
  defaultType?: RequestType | null | undefined;
}

export async function createCategory(deps: Deps, ctx: RequestContext, organizationId: string, input: NewCategoryInput) {
  return deps.db.transaction().execute(async (tx) => {
    const desk = await loadDesk(tx, organizationId);
    authorize(ctx, 'settings.manage', desk.org.path);
    const parent = input.parentId ? await repo.findCategory(tx, organizationId, input.parentId) : null;
    if (input.parentId && (!parent || parent.parentId !== null)) {
      throw new AppError('VALIDATION', { fields: { parentId: { key: 'requests.field.categoryParentInvalid' } } });
    }
    const parentId = parent?.id ?? null;
    const position = (await repo.maxCategoryPosition(tx, organizationId, parentId)) + 10;
    const code = input.code ?? (await freeCode(tx, organizationId, parent?.code ?? 'C', parent ? '.' : ''));
    if (await repo.categoryCodeExists(tx, organizationId, code)) {
      throw new AppError('CONFLICT', { fields: { code: { key: 'requests.field.categoryCodeTaken' } } });
    }
    const created = await repo.insertCategory(tx, {
      organizationId,
      parentId,
      code,
      name: input.name.trim(),
      defaultType: input.defaultType ?? null,
      position,
    });
    await recordAudit(tx, ctx, {
      organizationId,
      action: 'request_category.create',
      entityType: 'request_category',
      entityId: created.id,
      after: created,
    });
    return created;
  });
}

async function freeCode(db: Executor, organizationId: string, base: string, separator: string): Promise<string> {
  for (let n = 1; ; n += 1) {
    const code = `${base}${separator}${n}`;
    if (!(await repo.categoryCodeExists(db, organizationId, code))) return code;
  }
}

export interface CategoryPatch {
  name?: string | undefined;
  isActive?: boolean | undefined;
  position?: number | undefined;
  defaultType?: RequestType | null | undefined;
}

/** Renames, reorders or (de)activates a category; requests keep their category when it is deactivated. */
export async function updateCategory(deps: Deps, ctx: RequestContext, organizationId: string, categoryId: string, patch: CategoryPatch) {
  return deps.db.transaction().execute(async (tx) => {
    const desk = await loadDesk(tx, organizationId);
    authorize(ctx, 'settings.manage', desk.org.path);
    const before = await repo.findCategory(tx, organizationId, categoryId);
    if (!before) throw new AppError('NOT_FOUND');
    const changes = Object.fromEntries(Object.entries({ ...patch, name: patch.name?.trim() }).filter(([, v]) => v !== undefined));
    const after = await repo.updateCategory(tx, categoryId, { ...changes, updatedAt: deps.clock.now() });
    await recordAudit(tx, ctx, {
      organizationId,
      action: 'request_category.update',
      entityType: 'request_category',
      entityId: categoryId,
      before,
      after,
    });
    return after;
  });
}

/**
 * A category a request may use: of the same organisation, active, with an active parent.
 * @throws VALIDATION on the `categoryId` field otherwise.
 */
export async function usableCategory(db: Executor, organizationId: string, categoryId: string) {
  return usableAmong(await repo.findCategoriesAndParents(db, [categoryId]), organizationId, categoryId);
}

export type UsableCategory = ReturnType<typeof usableAmong>;

/** Categories with their parents read at once (`findCategoriesAndParents`), for `usableAmong`. */
export function categoriesAndParents(db: Executor, categoryIds: readonly string[]): Promise<repo.CategoryRow[]> {
  return categoryIds.length === 0 ? Promise.resolve([]) : repo.findCategoriesAndParents(db, [...new Set(categoryIds)]);
}

/** `usableCategory` over rows already read. @throws VALIDATION on the `categoryId` field. */
export function usableAmong(rows: readonly repo.CategoryRow[], organizationId: string, categoryId: string) {
  const category = rows.find((row) => row.id === categoryId && row.organizationId === organizationId);
  const parent = category?.parentId ? (rows.find((row) => row.id === category.parentId) ?? null) : null;
  if (!category || !category.isActive || (parent !== null && !parent.isActive)) {
    throw new AppError('VALIDATION', { fields: { categoryId: { key: 'requests.field.categoryInvalid' } } });
  }
  return { ...category, parent };
}
