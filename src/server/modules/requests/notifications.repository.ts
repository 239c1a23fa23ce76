/** In-app notifications (table `notifications` of the foundation): Kysely only. */
import type { Executor } from '../../db/database.ts';

export interface NewNotification {
  userId: string;
  organizationId: string | null;
  kind: string;
  title: string;
  body: string;
  link: string | null;
}

/** The columns of a new notice, for multi-row inserts from JSON (src/server/db/json-params.ts). */
export const NOTIFICATION_COLUMNS = ['userId', 'organizationId', 'kind', 'title', 'body', 'link'] as const satisfies ReadonlyArray<
  keyof NewNotification
>;

export async function insertNotifications(db: Executor, rows: NewNotification[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('notifications').values(rows).execute();
}

const COLUMNS = ['id', 'organizationId', 'kind', 'title', 'body', 'link', 'readAt', 'createdAt'] as const;

export function listNotifications(db: Executor, userId: string, unreadOnly: boolean, limit: number, offset: number) {
  let query = db.selectFrom('notifications').select(COLUMNS).where('userId', '=', userId);
  if (unreadOnly) query = query.where('readAt', 'is', null);
  return query.orderBy('createdAt', 'desc').orderBy('id').limit(limit).offset(offset).execute();
}

export async function countUnread(db: Executor, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('userId', '=', userId)
    .where('readAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one of the user's notifications read; false when it is not theirs. */
export async function markRead(db: Executor, userId: string, id: string, at: Date): Promise<boolean> {
  const row = await db
    .updateTable('notifications')
    .set((eb) => ({ readAt: eb.fn.coalesce('readAt', eb.val(at)) }))
    .where('id', '=', id)
    .where('userId', '=', userId)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function markAllRead(db: Executor, userId: string, at: Date): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ readAt: at })
    .where('userId', '=', userId)
    .where('readAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
