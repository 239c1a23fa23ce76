/**
 * Reading requests: the desk's queues (views mine / unassigned / open / overdue / waiting / all,
 * sorted by deadline, with filters, search by number or requester, offset pagination and counts),
 * the full detail, attachment downloads, the requester's own list, and the people a consultant
 * picks from (assignees, requesters for the quick intake).
 */
import { phoneSearchDigits } from '../../../domain/contacts.ts';
import { ASSIGNABLE_ROLES } from '../../../domain/permissions.ts';
import { normalizeRequestNumber } from '../../../domain/requests/numbering.ts';
import type { Deps } from '../../deps.ts';
import { authorize, authorizeOwn, requireActor, requireMembership } from '../../http/access.ts';
import type { RequestContext } from '../../http/actor.ts';
import { AppError } from '../../http/errors.ts';
import { listUsersUnder, membershipsOfUsers } from '../identity/identity.lookup.ts';
import { loadDesk } from './desk.service.ts';
import { loadForDesk, loadForRequester } from './request-access.ts';
import { usersOfRole } from './request-notify.ts';
import { presentForDesk, presentForRequester, presentQueueItem } from './request-views.ts';
import * as repo from './requests.repository.ts';
import type { QueueSort, QueueView } from './requests.repository.ts';

export interface QueueQuery {
  organizationId?: string | undefined;
  view?: QueueView | undefined;
  status?: string[] | undefined;
  categoryId?: string | undefined;
  channel?: string | undefined;
  requesterKind?: string | undefined;
  assigneeId?: string | undefined;
  type?: string | undefined;
  q?: string | undefined;
  sort?: QueueSort | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

async function deskInScope(deps: Deps, ctx: RequestContext, organizationId: string | undefined) {
  const membership = authorizeOwn(ctx, 'request.readAll');
  const desk = await loadDesk(deps.db, organizationId ?? membership.organizationId);
  authorize(ctx, 'request.readAll', desk.org.path);
  return desk;
}

/** One queue view of a desk, sorted by deadline (or registration), with its total. */
export async function listQueue(deps: Deps, ctx: RequestContext, query: QueueQuery) {
  const desk = await deskInScope(deps, ctx, query.organizationId);
  const now = deps.clock.now();
  const view = query.view ?? 'open';
  const q = query.q?.trim();
  const filter = {
    organizationId: desk.org.id,
    view,
    userId: requireActor(ctx).userId,
    now,
    status: query.status,
    categoryId: query.categoryId,
    channel: query.channel,
    requesterKind: query.requesterKind,
    assigneeId: query.assigneeId,
    type: query.type,
    number: q ? normalizeRequestNumber(q) : null,
    text: q && q.length > 0 ? q : undefined,
    phoneDigits: q ? phoneSearchDigits(q) : null,
  };
  const limit = query.limit ?? 25;
  const offset = query.offset ?? 0;
  const sort = query.sort ?? (view === 'all' ? '-created' : 'due');
  const [rows, total] = await Promise.all([repo.listQueue(deps.db, filter, sort, limit, offset), repo.countQueue(deps.db, filter)]);
  return { view, items: rows.map((row) => presentQueueItem(row, desk, now)), total, limit, offset };
}

/** How many requests each view holds, for the tabs. */
export async function queueCounts(deps: Deps, ctx: RequestContext, organizationId?: string) {
  const desk = await deskInScope(deps, ctx, organizationId);
  return repo.countViews(deps.db, desk.org.id, requireActor(ctx).userId, deps.clock.now());
}

/** The desk's view of one request: timeline with internal notes, e-mail deliveries, badge, allowed actions. */
export async function getRequestDetail(deps: Deps, ctx: RequestContext, id: string) {
  const { row, desk } = await loadForDesk(deps.db, ctx, id, 'request.readAll');
  return presentForDesk(deps.db, row, desk, deps.clock.now());
}

export async function getDeskAttachment(deps: Deps, ctx: RequestContext, id: string, attachmentId: string) {
  const { row } = await loadForDesk(deps.db, ctx, id, 'request.readAll');
  const file = await repo.findAttachment(deps.db, row.id, attachmentId);
  if (!file) throw new AppError('NOT_FOUND');
  return { fileName: file.fileName, contentType: file.contentType, content: file.content };
}

/** The signed-in user's own requests at their current organisation, newest first. */
export async function listMyRequests(deps: Deps, ctx: RequestContext, query: { limit?: number | undefined; offset?: number | undefined }) {
  const { actor, membership } = requireMembership(ctx);
  const desk = await loadDesk(deps.db, membership.organizationId);
  const now = deps.clock.now();
  const limit = query.limit ?? 25;
  const offset = query.offset ?? 0;
  const [rows, total] = await Promise.all([
    repo.listOwn(deps.db, membership.organizationId, actor.userId, limit, offset),
    repo.countOwn(deps.db, membership.organizationId, actor.userId),
  ]);
  const items = rows.map((row) => {
    const item = presentQueueItem(row, desk, now);
    return { ...item, requester: { kind: item.requester.kind, name: item.requester.name, childClass: item.requester.childClass } };
  });
  return { items, total, limit, offset };
}

export async function getMyRequest(deps: Deps, ctx: RequestContext, id: string) {
  requireMembership(ctx);
  const { row, desk } = await loadForRequester(deps.db, ctx, { kind: 'user', requestId: id });
  return presentForRequester(deps.db, row, desk, deps.clock.now(), `/api/my/requests/${row.id}/attachments`);
}

/** Who a request can be assigned to. */
export async function listAssignees(deps: Deps, ctx: RequestContext, organizationId?: string) {
  const desk = await deskInScope(deps, ctx, organizationId);
  const users = await usersOfRole(deps.db, desk.org.id, [...ASSIGNABLE_ROLES]);
  return users.map((u) => ({ id: u.id, fullName: u.fullName, email: u.email }));
}

/** Members of the organisation matching a name or e-mail, for the quick intake. */
export async function findRequesters(deps: Deps, ctx: RequestContext, q: string, organizationId?: string) {
  const membership = authorizeOwn(ctx, 'request.work');
  const desk = await loadDesk(deps.db, organizationId ?? membership.organizationId);
  authorize(ctx, 'request.work', desk.org.path);
  const users = await listUsersUnder(deps.db, desk.org.id, q.trim(), 20, 0);
  const memberships = await membershipsOfUsers(
    deps.db,
    users.map((u) => u.id),
  );
  return users
    .filter((user) => user.isActive)
    .map((user) => {
      const roles = memberships.filter((m) => m.userId === user.id && m.organizationId === desk.org.id).map((m) => m.role);
      return {
        id: user.id,
        fullName: user.fullName,
        email: user.email,
        phone: user.phone,
        roles,
        suggestedKind: roles.includes('parent') ? ('parent' as const) : ('staff' as const),
      };
    })
    .filter((user) => user.roles.length > 0);
}
