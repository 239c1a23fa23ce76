/**
 * Sign-in, sessions, organisation switching and password reset. Sessions are rows in the
 * database keyed by the hash of an HttpOnly cookie token; every change is audited.
 */
import { translate } from '../../../shared/i18n/index.ts';
import { formatDateTime } from '../../../shared/i18n/index.ts';
import { navigationFor } from '../../../domain/permissions.ts';
import type { Executor } from '../../db/database.ts';
import type { Deps } from '../../deps.ts';
import { requireActor } from '../../http/access.ts';
import type { Actor, ActorMembership, RequestContext } from '../../http/actor.ts';
import { AppError } from '../../http/errors.ts';
import { createGrouper, groupersBy } from '../../lib/grouper.ts';
import { hashToken, newToken } from '../../lib/tokens.ts';
import { deleteEmailsMadeBefore, enqueueEmail } from '../../mail/outbox.ts';
import { deleteInBatches, type HousekeepingTask } from '../../jobs/housekeeping.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as repo from './identity.repository.ts';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.ts';

const RESET_TTL_MINUTES = 60;
const RESET_EMAIL_TEMPLATE = 'password_reset';
const RESET_EMAIL_RELATED_TYPE = 'user';
/** Refresh a session's expiry at most this often, to keep reads cheap. */
const TOUCH_EVERY_MS = 5 * 60_000;

export interface SessionInfo {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function login(
  deps: Deps,
  ctx: RequestContext & { userAgent: string | null },
  input: { email: string; password: string },
): Promise<SessionInfo> {
  const now = deps.clock.now();
  const user = await repo.findUserByEmail(deps.db, input.email.trim());
  if (user?.lockedUntil && user.lockedUntil > now) {
    throw new AppError('ACCOUNT_LOCKED', { params: { until: formatDateTime(user.lockedUntil) } });
  }
  const valid = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !valid) {
    if (user) {
      const lockUntil = new Date(now.getTime() + deps.config.loginLockMinutes * 60_000);
      await deps.db.transaction().execute(async (tx) => {
        const result = await repo.recordFailedLogin(tx, user.id, deps.config.loginMaxFailures, lockUntil);
        await recordAudit(tx, ctx, {
          organizationId: null,
          action: result.lockedUntil && result.lockedUntil > now ? 'auth.locked' : 'auth.login_failed',
          entityType: 'user',
          entityId: user.id,
          after: { failedLogins: result.failedLogins },
        });
      });
    }
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (!user.isActive) throw new AppError('ACCOUNT_DISABLED');
  const memberships = await repo.membershipsOf(deps.db, user.id);
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + deps.config.sessionTtlHours * 3_600_000);
  await deps.db.transaction().execute(async (tx) => {
    await repo.insertSession(tx, {
      id: hashToken(token),
      userId: user.id,
      membershipId: memberships[0]?.id ?? null,
      csrfToken,
      ip: ctx.ip,
      userAgent: ctx.userAgent?.slice(0, 300) ?? null,
      expiresAt,
    });
    await repo.recordSuccessfulLogin(tx, user.id, now);
    await recordAudit(tx, ctx, {
      organizationId: memberships[0]?.organizationId ?? null,
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      actor: { userId: user.id, role: memberships[0]?.role ?? null },
    });
  });
  return { token, csrfToken, expiresAt };
}

/**
 * Session look-ups of concurrent requests share one read (group processing, lib/grouper.ts): every
 * API call starts with one, so under load this is the most frequent statement.
 */
const sessionLookups = groupersBy((db: Deps['db']) =>
  createGrouper<string, repo.SessionRow | undefined>({
    maxGroup: 64,
    maxInFlight: 2,
    run: async (ids) => {
      const rows = new Map((await repo.findSessions(db, [...new Set(ids)])).map((row) => [row.id, row]));
      return ids.map((id) => ({ ok: true, value: rows.get(id) }));
    },
  }),
);

/**
 * Resolves a cookie token to the acting user; null when missing, expired or disabled. An active
 * session is extended (at most every few minutes); `onRenewed` then gets its new end, for the
 * cookie to last as long.
 */
export async function resolveSession(deps: Deps, token: string, onRenewed?: (expiresAt: Date) => void): Promise<Actor | null> {
  const now = deps.clock.now();
  const id = hashToken(token);
  const session = await sessionLookups(deps.db).submit(id);
  if (!session || session.expiresAt.getTime() <= now.getTime() || !session.isActive) return null;
  const memberships: ActorMembership[] = session.memberships;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    const expiresAt = new Date(now.getTime() + deps.config.sessionTtlHours * 3_600_000);
    await repo.touchSession(deps.db, id, now, expiresAt);
    onRenewed?.(expiresAt);
  }
  return {
    userId: session.userId,
    email: session.email,
    fullName: session.fullName,
    locale: session.locale,
    sessionId: id,
    csrfToken: session.csrfToken,
    membership: memberships.find((m) => m.id === session.membershipId) ?? memberships[0] ?? null,
    memberships,
  };
}

export async function logout(deps: Deps, ctx: RequestContext): Promise<void> {
  const actor = requireActor(ctx);
  await deps.db.transaction().execute(async (tx) => {
    await repo.deleteSession(tx, actor.sessionId);
    await recordAudit(tx, ctx, {
      organizationId: actor.membership?.organizationId ?? null,
      action: 'auth.logout',
      entityType: 'user',
      entityId: actor.userId,
    });
  });
}

export interface MeView {
  user: { id: string; email: string; fullName: string; locale: string };
  membership: ActorMembership | null;
  memberships: ActorMembership[];
  navigation: string[];
  csrfToken: string;
}

export function me(ctx: RequestContext): MeView {
  const actor = requireActor(ctx);
  return {
    user: { id: actor.userId, email: actor.email, fullName: actor.fullName, locale: actor.locale },
    membership: actor.membership,
    memberships: actor.memberships,
    navigation: actor.membership ? navigationFor(actor.membership.role) : [],
    csrfToken: actor.csrfToken,
  };
}

export async function switchMembership(deps: Deps, ctx: RequestContext, membershipId: string): Promise<MeView> {
  const actor = requireActor(ctx);
  const target = actor.memberships.find((m) => m.id === membershipId);
  if (!target) throw new AppError('NOT_FOUND');
  await deps.db.transaction().execute(async (tx) => {
    await repo.setSessionMembership(tx, actor.sessionId, membershipId);
    await recordAudit(tx, ctx, {
      organizationId: target.organizationId,
      action: 'auth.switch_membership',
      entityType: 'membership',
      entityId: membershipId,
      before: { membershipId: actor.membership?.id ?? null },
      after: { membershipId },
    });
  });
  return me({ ...ctx, actor: { ...actor, membership: target } });
}

export async function changeLocale(deps: Deps, ctx: RequestContext, locale: 'ru' | 'en'): Promise<void> {
  const actor = requireActor(ctx);
  await deps.db.transaction().execute(async (tx) => {
    await repo.setLocale(tx, actor.userId, locale);
    await recordAudit(tx, ctx, {
      organizationId: null,
      action: 'user.locale',
      entityType: 'user',
      entityId: actor.userId,
      before: { locale: actor.locale },
      after: { locale },
    });
  });
}

/** Always succeeds from the caller's view, so the form does not reveal which addresses exist. */
export async function requestPasswordReset(deps: Deps, ctx: RequestContext, email: string): Promise<void> {
  const user = await repo.findUserByEmail(deps.db, email.trim());
  if (!user || !user.isActive) return;
  await deps.db.transaction().execute(async (tx) => {
    const link = await newResetLink(tx, deps, user.id, RESET_TTL_MINUTES * 60_000);
    await enqueueEmail(tx, {
      organizationId: null,
      to: user.email,
      subject: translate(user.locale, 'mail.passwordReset.subject'),
      text: translate(user.locale, 'mail.passwordReset.body', { name: user.fullName, link, minutes: RESET_TTL_MINUTES }),
      template: RESET_EMAIL_TEMPLATE,
      relatedType: RESET_EMAIL_RELATED_TYPE,
      relatedId: user.id,
    });
    await recordAudit(tx, ctx, { organizationId: null, action: 'auth.password_reset_requested', entityType: 'user', entityId: user.id });
  });
}

/** How long a link issued by `opora init` or `opora password-link` stays usable. */
export const PASSWORD_LINK_TTL_HOURS = 24;

/**
 * A one-time link to set the password, for the person running the `opora` command to pass on
 * (the first administrator, or anyone whose e-mail cannot reach them): the reset page takes it
 * like the e-mailed one. Written in the caller's transaction, audited.
 */
export async function issuePasswordLink(
  tx: Executor,
  deps: Pick<Deps, 'clock' | 'config'>,
  ctx: RequestContext,
  userId: string,
): Promise<string> {
  const link = await newResetLink(tx, deps, userId, PASSWORD_LINK_TTL_HOURS * 3_600_000);
  await recordAudit(tx, ctx, { organizationId: null, action: 'auth.password_link_issued', entityType: 'user', entityId: userId });
  return link;
}

/** Stores a one-time reset token valid for `ttlMs` and returns the reset page's link with it. */
async function newResetLink(tx: Executor, deps: Pick<Deps, 'clock' | 'config'>, userId: string, ttlMs: number): Promise<string> {
  const token = newToken();
  await repo.insertPasswordReset(tx, {
    tokenHash: hashToken(token),
    userId,
    expiresAt: new Date(deps.clock.now().getTime() + ttlMs),
  });
  return `${deps.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
}

export async function resetPassword(deps: Deps, ctx: RequestContext, input: { token: string; password: string }): Promise<void> {
  assertStrongPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (tx) => {
    const reset = await repo.consumePasswordReset(tx, hashToken(input.token), now);
    if (!reset) throw new AppError('RESET_TOKEN_INVALID');
    await repo.setPassword(tx, reset.userId, passwordHash, now);
    // A new password ends every open session of the account.
    await repo.deleteSessionsOfUser(tx, reset.userId);
    await recordAudit(tx, ctx, { organizationId: null, action: 'auth.password_reset', entityType: 'user', entityId: reset.userId });
  });
}

export function assertStrongPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new AppError('WEAK_PASSWORD', { fields: { password: { key: 'error.WEAK_PASSWORD' } } });
}

/**
 * Housekeeping (jobs/housekeeping.ts): sessions that have expired — a sign-in's IP address and
 * browser are not kept past their use.
 */
export const expiredSessionsTask: HousekeepingTask = {
  name: 'sessions',
  run: (deps, now) => deleteInBatches((limit) => repo.deleteExpiredSessions(deps.db, now, limit)),
};

/** Reset e-mails are kept this long after they were made: their link expired long before. */
const RESET_EMAIL_KEPT_MS = 24 * 3600_000;

/**
 * Housekeeping: password-reset links that can no longer be used, and the e-mails that carried
 * them (an address and a link, of no use a day later).
 */
export const passwordResetsTask: HousekeepingTask = {
  name: 'passwordResets',
  run: async (deps, now) =>
    (await repo.deleteExpiredPasswordResets(deps.db, now)) +
    (await deleteInBatches((limit) =>
      deleteEmailsMadeBefore(deps.db, RESET_EMAIL_RELATED_TYPE, RESET_EMAIL_TEMPLATE, new Date(now.getTime() - RESET_EMAIL_KEPT_MS), limit),
    )),
};
