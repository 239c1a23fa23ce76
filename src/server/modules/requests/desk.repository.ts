import { sql } from 'kysely';
/** Desks (per-organisation request policy) and their category taxonomy: Kysely only. */
import type { Executor } from '../../db/database.ts';
import { anyOf, jsonItems } from '../../db/json-params.ts';
import type { RequestType } from '../../../domain/requests/taxonomy.ts';
import type { TermUnitColumn } from './requests.tables.ts';

export function findDesk(db: Executor, organizationId: string) {
  return db.selectFrom('requestDesks').selectAll().where('organizationId', '=', organizationId).executeTakeFirst();
}

export function findDesks(db: Executor, organizationIds: readonly string[]) {
  return db.selectFrom('requestDesks').selectAll().where('organizationId', '=', anyOf(organizationIds)).execute();
}

/** Inserts a desk unless one exists; returns whether this call created it. */
export async function insertDesk(db: Executor, organizationId: string, numberPrefix: string): Promise<boolean> {
  const row = await db
    .insertInto('requestDesks')
    .values({ organizationId, numberPrefix })
    .onConflict((oc) => oc.column('organizationId').doNothing())
    .returning('organizationId')
    .executeTakeFirst();
  return row !== undefined;
}

export interface DeskPatch {
  numberPrefix?: string;
  termUnit?: TermUnitColumn;
  reviewTermDays?: number;
  moveToNextWorkingDay?: boolean;
  pauseWhileWaiting?: boolean;
  autoCloseDays?: number;
  reopenWindowDays?: number;
  reminderLeadHours?: number;
  anonymizeAfterDays?: number;
}

export function updateDesk(db: Executor, organizationId: string, patch: DeskPatch & { updatedAt: Date; updatedBy: string | null }) {
  return db.updateTable('requestDesks').set(patch).where('organizationId', '=', organizationId).returningAll().executeTakeFirstOrThrow();
}

const CATEGORY_COLUMNS = [
  'id',
  'organizationId',
  'parentId',
  'code',
  'name',
  'defaultType',
  'position',
  'isActive',
  'createdAt',
  'updatedAt',
] as const;

export function listCategories(db: Executor, organizationId: string) {
  return db
    .selectFrom('requestCategories')
    .select(CATEGORY_COLUMNS)
    .where('organizationId', '=', organizationId)
    .orderBy('position')
    .orderBy('code')
    .execute();
}

export function findCategory(db: Executor, organizationId: string, id: string) {
  return db
    .selectFrom('requestCategories')
    .select(CATEGORY_COLUMNS)
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Categories and their parents, in one read (in no given order; the caller checks organisations). */
export function findCategoriesAndParents(db: Executor, ids: readonly string[]) {
  const wanted = [...ids];
  // One array of the categories and their parents, then primary-key look-ups: an OR with a
  // sub-select would scan every organisation's categories.
  return db
    .selectFrom('requestCategories')
    .select(CATEGORY_COLUMNS)
    .where(
      'id',
      '=',
      sql<string>`any(array((${jsonItems(wanted)}) union all select parent_id from request_categories where id = ${anyOf(wanted)}))`,
    )
    .execute();
}

export type CategoryRow = Awaited<ReturnType<typeof findCategoriesAndParents>>[number];

export interface NewCategory {
  organizationId: string;
  parentId: string | null;
  code: string;
  name: string;
  defaultType: RequestType | null;
  position: number;
}

export function insertCategory(db: Executor, row: NewCategory) {
  return db.insertInto('requestCategories').values(row).returning(CATEGORY_COLUMNS).executeTakeFirstOrThrow();
}

export function updateCategory(
  db: Executor,
  id: string,
  patch: { name?: string; isActive?: boolean; position?: number; defaultType?: RequestType | null; updatedAt: Date },
) {
  return db.updateTable('requestCategories').set(patch).where('id', '=', id).returning(CATEGORY_COLUMNS).executeTakeFirstOrThrow();
}

export async function categoryCodeExists(db: Executor, organizationId: string, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('requestCategories')
    .select('id')
    .where('organizationId', '=', organizationId)
    .where('code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}

export async function maxCategoryPosition(db: Executor, organizationId: string, parentId: string | null): Promise<number> {
  let query = db
    .selectFrom('requestCategories')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('organizationId', '=', organizationId);
  query = parentId === null ? query.where('parentId', 'is', null) : query.where('parentId', '=', parentId);
  const row = await query.executeTakeFirst();
  return Number(row?.max ?? 0);
}
