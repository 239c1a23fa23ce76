import { DAY_MS } from '../../../domain/working-time/index.ts';
import type { Executor } from '../../db/database.ts';
import type { Deps } from '../../deps.ts';
import { authorize } from '../../http/access.ts';
import type { RequestContext } from '../../http/actor.ts';
import { deleteInBatches, type HousekeepingTask } from '../../jobs/housekeeping.ts';
import { deleteAuditBefore, insertAudit, listAudit, type AuditEntry } from './audit.repository.ts';

export interface AuditRecord {
  organizationId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  /** The acting user when the request has no session yet (a successful sign-in). */
  actor?: { userId: string; role: string | null };
}

/** Writes one audit row inside the caller's transaction: who, when, what, from where. */
export async function recordAudit(tx: Executor, ctx: RequestContext, record: AuditRecord): Promise<void> {
  await recordAudits(tx, [{ ctx, record }]);
}

/** Several audit rows (each with its own caller) in one statement, inside the caller's transaction. */
export async function recordAudits(tx: Executor, entries: ReadonlyArray<{ ctx: RequestContext; record: AuditRecord }>): Promise<void> {
  await insertAudit(
    tx,
    entries.map(({ ctx, record }) => auditRow(ctx, record)),
  );
}

/** The row `recordAudit` writes, for a statement that writes it along with other rows. */
export function auditRow(ctx: RequestContext, record: AuditRecord): AuditEntry {
  return {
    organizationId: record.organizationId,
    actorUserId: record.actor?.userId ?? ctx.actor?.userId ?? null,
    actorRole: record.actor?.role ?? ctx.actor?.membership?.role ?? null,
    action: record.action,
    entityType: record.entityType,
    entityId: record.entityId,
    before: redact(record.before),
    after: redact(record.after),
    ip: ctx.ip,
    requestId: ctx.requestId,
  };
}

const SECRET_KEYS = new Set(['passwordHash', 'password', 'token', 'tokenHash', 'csrfToken']);

function redact(value: unknown): unknown {
  if (value === null || value === undefined || typeof value !== 'object') return value ?? null;
  if (Array.isArray(value)) return value.map(redact);
  if (value instanceof Date) return value.toISOString();
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, SECRET_KEYS.has(key) ? '***' : redact(inner)]),
  );
}

export interface AuditQuery {
  organizationId?: string | undefined;
  actorUserId?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  beforeId?: number | undefined;
  limit?: number | undefined;
}

/** Audit rows of the acting membership's organisation and everything below it. */
export async function browseAudit(deps: Deps, ctx: RequestContext, query: AuditQuery) {
  const membership = authorize(ctx, 'audit.read', ctx.actor?.membership?.organizationPath ?? []);
  const rows = await listAudit(deps.db, {
    organizationPathRoot: membership.organizationId,
    // Rows that belong to no organisation are the whole installation's: only its root sees them.
    includeUnscoped: membership.organizationPath.length === 1 && !query.organizationId,
    organizationId: query.organizationId,
    actorUserId: query.actorUserId,
    entityType: query.entityType,
    entityId: query.entityId,
    action: query.action,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    beforeId: query.beforeId,
    limit: Math.min(query.limit ?? 50, 200),
  });
  return { items: rows, nextBeforeId: rows.length > 0 ? rows[rows.length - 1]!.id : null };
}

/**
 * Housekeeping: audit rows older than `AUDIT_RETENTION_DAYS` go. They name users, IP addresses
 * and, for a data subject's demand, the e-mail or phone given (personal data, kept no longer than
 * needed); five years by default, the storage term of citizens' appeals.
 */
export const auditRetentionTask: HousekeepingTask = {
  name: 'audit',
  run: (deps, now) => {
    const before = new Date(now.getTime() - deps.config.auditRetentionDays * DAY_MS);
    return deleteInBatches((limit) => deleteAuditBefore(deps.db, before, limit));
  },
};
