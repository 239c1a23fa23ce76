/**
 * In-app notifications of the signed-in user: list, unread count, mark read. Every user sees
 * only their own; the request engine writes them (new request, assignment, requester reply,
 * deadline reminder, breach escalation) in the transaction of the change.
 */
import type { Deps } from '../../deps.ts';
import { requireActor } from '../../http/access.ts';
import type { RequestContext } from '../../http/actor.ts';
import { AppError } from '../../http/errors.ts';
import * as repo from './notifications.repository.ts';

export async function listMyNotifications(
  deps: Deps,
  ctx: RequestContext,
  query: { unreadOnly?: boolean | undefined; limit?: number | undefined; offset?: number | undefined },
) {
  const actor = requireActor(ctx);
  const limit = query.limit ?? 30;
  const offset = query.offset ?? 0;
  const [items, unread] = await Promise.all([
    repo.listNotifications(deps.db, actor.userId, query.unreadOnly ?? false, limit, offset),
    repo.countUnread(deps.db, actor.userId),
  ]);
  return { items, unread, limit, offset };
}

export async function unreadCount(deps: Deps, ctx: RequestContext) {
  const actor = requireActor(ctx);
  return { unread: await repo.countUnread(deps.db, actor.userId) };
}

export async function markNotificationRead(deps: Deps, ctx: RequestContext, id: string) {
  const actor = requireActor(ctx);
  if (!(await repo.markRead(deps.db, actor.userId, id, deps.clock.now()))) throw new AppError('NOT_FOUND');
  return { unread: await repo.countUnread(deps.db, actor.userId) };
}

export async function markAllNotificationsRead(deps: Deps, ctx: RequestContext) {
  const actor = requireActor(ctx);
  const marked = await repo.markAllRead(deps.db, actor.userId, deps.clock.now());
  return { marked, unread: 0 };
}
