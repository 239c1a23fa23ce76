import type { Executor } from '../../db/database.ts';
import { anyOf } from '../../db/json-params.ts';
import type { OrganizationKind } from '../../db/schema.ts';

const PUBLIC_COLUMNS = [
  'id',
  'parentId',
  'path',
  'kind',
  'name',
  'shortName',
  'slug',
  'phone',
  'email',
  'website',
  'address',
  'timezone',
  'createdAt',
  'updatedAt',
] as const;

export function findOrganization(db: Executor, id: string) {
  return db.selectFrom('organizations').select(PUBLIC_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export function findOrganizations(db: Executor, ids: readonly string[]) {
  return db.selectFrom('organizations').select(PUBLIC_COLUMNS).where('id', '=', anyOf(ids)).execute();
}

export function findOrganizationBySlug(db: Executor, slug: string) {
  return db.selectFrom('organizations').select(PUBLIC_COLUMNS).where('slug', '=', slug).executeTakeFirst();
}

/** The organisation and everything below it, ordered as a tree walk. */
export function listSubtree(db: Executor, rootId: string) {
  return db
    .selectFrom('organizations')
    .select(PUBLIC_COLUMNS)
    .where((eb) => eb(eb.val(rootId), '=', eb.fn.any('path')))
    .orderBy((eb) => eb.fn('array_length', ['path', eb.val(1)]))
    .orderBy('name')
    .execute();
}

export interface OrganizationFields {
  kind: OrganizationKind;
  name: string;
  shortName: string;
  slug: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  address: string | null;
  timezone: string;
}

export async function insertOrganization(db: Executor, parent: { id: string; path: string[] } | null, fields: OrganizationFields) {
  const id = crypto.randomUUID();
  return db
    .insertInto('organizations')
    .values({ id, parentId: parent?.id ?? null, path: [...(parent?.path ?? []), id], ...fields })
    .returning(PUBLIC_COLUMNS)
    .executeTakeFirstOrThrow();
}

export function updateOrganization(db: Executor, id: string, patch: Partial<OrganizationFields> & { updatedAt: Date }) {
  return db.updateTable('organizations').set(patch).where('id', '=', id).returning(PUBLIC_COLUMNS).executeTakeFirstOrThrow();
}

export async function slugExists(db: Executor, slug: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom('organizations').select('id').where('slug', '=', slug);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}
