/**
 * Tenancy and roles are decided here, once: every service asks `authorize` with the acting
 * membership and the target organisation's path before touching data.
 */
import { can, type Permission } from '../../domain/permissions.ts';
import type { Actor, ActorMembership, RequestContext } from './actor.ts';
import { AppError } from './errors.ts';

export function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
}

export function requireMembership(ctx: RequestContext): { actor: Actor; membership: ActorMembership } {
  const actor = requireActor(ctx);
  if (!actor.membership) throw new AppError('FORBIDDEN');
  return { actor, membership: actor.membership };
}

/** Throws FORBIDDEN unless the acting membership has `permission` over the target organisation. */
export function authorize(ctx: RequestContext, permission: Permission, targetPath: readonly string[]): ActorMembership {
  const { membership } = requireMembership(ctx);
  if (!can(membership, permission, targetPath)) throw new AppError('FORBIDDEN');
  return membership;
}

/** Checks a permission on the acting membership's own organisation. */
export function authorizeOwn(ctx: RequestContext, permission: Permission): ActorMembership {
  const { membership } = requireMembership(ctx);
  return authorize(ctx, permission, membership.organizationPath);
}
