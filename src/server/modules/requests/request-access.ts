/**
 * Who may see and act on a request. Tenancy and roles are decided by `authorize` (http/access.ts);
 * this file only applies it to requests:
 * - desk staff (consultant, head, admin — `request.readAll` / `request.work`) of the request's
 *   organisation or an organisation above it; a request outside their scope is NOT_FOUND (its
 *   existence is not revealed), a role without the permission is FORBIDDEN;
 * - the requester: a signed-in user who filed the request (`requester_user_id`), or whoever holds
 *   a private status link. Nobody else, whatever their role.
 */
import type { Permission } from '../../../domain/permissions.ts';
import type { ActorKind } from '../../../domain/requests/lifecycle.ts';
import { translate } from '../../../shared/i18n/index.ts';
import type { Executor } from '../../db/database.ts';
import { authorize, authorizeOwn, requireActor } from '../../http/access.ts';
import type { RequestContext } from '../../http/actor.ts';
import { AppError } from '../../http/errors.ts';
import { hashToken } from '../../lib/tokens.ts';
import { loadDesk, type Desk } from './desk.service.ts';
import * as repo from './requests.repository.ts';
import type { RequestRow } from './requests.repository.ts';
import type { LifecycleAction, RequestStatus, TransitionResult } from '../../../domain/requests/lifecycle.ts';

export interface Loaded {
  row: RequestRow;
  desk: Desk;
}

/** A request for desk staff; `lock` takes the row lock for a state change. */
export async function loadForDesk(db: Executor, ctx: RequestContext, id: string, permission: Permission, lock = false): Promise<Loaded> {
  authorizeOwn(ctx, permission);
  const row = lock ? await repo.lockRequest(db, id) : await repo.findRequest(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  const desk = await loadDesk(db, row.organizationId);
  try {
    authorize(ctx, permission, desk.org.path);
  } catch (error) {
    if (error instanceof AppError && error.code === 'FORBIDDEN') throw new AppError('NOT_FOUND');
    throw error;
  }
  // Every change of a request takes its lock here; a de-personalised one is not changed any more.
  if (lock && row.anonymizedAt) throw new AppError('CONFLICT', { messageKey: 'requests.error.anonymized' });
  return { row, desk };
}

/** How a requester reaches their request: signed in (their own request) or by the private status link. */
export type RequesterTarget = { kind: 'user'; requestId: string } | { kind: 'token'; token: string };

export async function loadForRequester(db: Executor, ctx: RequestContext, target: RequesterTarget, lock = false): Promise<Loaded> {
  let id: string | null;
  if (target.kind === 'token') {
    id = target.token.length >= 20 && target.token.length <= 200 ? await repo.requestIdByTokenHash(db, hashToken(target.token)) : null;
  } else {
    id = target.requestId;
  }
  if (!id) throw new AppError('NOT_FOUND');
  const row = lock ? await repo.lockRequest(db, id) : await repo.findRequest(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (target.kind === 'user' && row.requesterUserId !== requireActor(ctx).userId) throw new AppError('NOT_FOUND');
  return { row, desk: await loadDesk(db, row.organizationId) };
}

export interface EventActor {
  actorKind: ActorKind;
  actorUserId: string | null;
  actorName: string | null;
}

export function eventActor(ctx: RequestContext, kind: ActorKind, row?: Pick<RequestRow, 'requesterName'>): EventActor {
  if (kind === 'system') return { actorKind: 'system', actorUserId: null, actorName: null };
  if (kind === 'requester' && !ctx.actor) return { actorKind: 'requester', actorUserId: null, actorName: row?.requesterName ?? null };
  return { actorKind: kind, actorUserId: ctx.actor?.userId ?? null, actorName: ctx.actor?.fullName ?? null };
}

/** 409 INVALID_TRANSITION naming the current status, with `details.allowed`. */
export function invalidTransition(
  ctx: RequestContext,
  status: RequestStatus,
  action: LifecycleAction,
  result: Extract<TransitionResult, { ok: false }>,
  reopenWindowDays: number,
): AppError {
  const expired = result.reason === 'reopen_window_expired';
  return new AppError('INVALID_TRANSITION', {
    messageKey: expired ? 'requests.error.reopenWindowExpired' : 'requests.error.invalidTransition',
    params: {
      action: translate(ctx.locale, `requests.action.${action}`),
      status: translate(ctx.locale, `requests.status.${status}`),
      days: reopenWindowDays,
    },
    details: { status, action, allowed: result.allowed.filter((a) => a !== 'auto_close'), reason: result.reason },
  });
}
