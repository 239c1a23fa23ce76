import type { QueryCreator } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { jsonRows } from '../../db/json-params.ts';

export interface AuditEntry {
  organizationId: string | null;
  actorUserId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  requestId: string | null;
}

const AUDIT_COLUMNS = [
  'organizationId',
  'actorUserId',
  'actorRole',
  'action',
  'entityType',
  'entityId',
  'before',
  'after',
  'ip',
  'requestId',
] as const satisfies ReadonlyArray<keyof AuditEntry>;

/** Audit rows in one statement; the rows travel as one JSON parameter (src/server/db/json-params.ts). */
export async function insertAudit(db: Executor, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await auditInsert(db, entries).execute();
}

/** The insert of `insertAudit`, also for a `with` clause of a statement that writes audit rows with other rows. */
export function auditInsert<D extends DB>(qc: QueryCreator<D>, entries: readonly AuditEntry[]) {
  return qc
    .insertInto('auditLog')
    .columns(AUDIT_COLUMNS)
    .expression(
      jsonRows(
        'auditLog',
        AUDIT_COLUMNS,
        entries.map((entry) => ({ ...entry, before: entry.before ?? null, after: entry.after ?? null })),
      ),
    );
}

export interface AuditFilter {
  organizationPathRoot: string;
  organizationId?: string | undefined;
  /** Also rows with no organisation (system housekeeping, password resets): for members of a root organisation. */
  includeUnscoped?: boolean | undefined;
  actorUserId?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  beforeId?: number | undefined;
  limit: number;
}

/** Audit rows of the organisations under `organizationPathRoot`, and with `includeUnscoped` the rows of no organisation. */
export async function listAudit(db: Executor, filter: AuditFilter) {
  let query = db
    .selectFrom('auditLog as a')
    .leftJoin('users as u', 'u.id', 'a.actorUserId')
    .leftJoin('organizations as o', 'o.id', 'a.organizationId')
    .select([
      'a.id',
      'a.createdAt',
      'a.action',
      'a.entityType',
      'a.entityId',
      'a.before',
      'a.after',
      'a.ip',
      'a.requestId',
      'a.actorRole',
      'a.organizationId',
      'u.fullName as actorName',
      'u.email as actorEmail',
      'o.shortName as organizationName',
    ])
    .where((eb) => {
      const inScope = eb(eb.val(filter.organizationPathRoot), '=', eb.fn.any('o.path'));
      return filter.includeUnscoped ? eb.or([inScope, eb('a.organizationId', 'is', null)]) : inScope;
    })
    .orderBy('a.id', 'desc')
    .limit(filter.limit);
  if (filter.organizationId) query = query.where('a.organizationId', '=', filter.organizationId);
  if (filter.actorUserId) query = query.where('a.actorUserId', '=', filter.actorUserId);
  if (filter.entityType) query = query.where('a.entityType', '=', filter.entityType);
  if (filter.entityId) query = query.where('a.entityId', '=', filter.entityId);
  if (filter.action) query = query.where('a.action', 'like', `${filter.action.replace(/[%_\\]/g, '\\$&')}%`);
  if (filter.from) query = query.where('a.createdAt', '>=', filter.from);
  if (filter.to) query = query.where('a.createdAt', '<', filter.to);
  if (filter.beforeId) query = query.where('a.id', '<', filter.beforeId);
  return query.execute();
}

/** Deletes up to `limit` audit rows written before `before` (housekeeping); returns how many. */
export async function deleteAuditBefore(db: Executor, before: Date, limit: number): Promise<number> {
  const result = await db
    .deleteFrom('auditLog')
    .where('id', 'in', (qb) => qb.selectFrom('auditLog').select('id').where('createdAt', '<', before).limit(limit))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
