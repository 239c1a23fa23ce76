import { clearSessionCookie, contextOf, setSessionCookie } from '../../http/auth.ts';
import { IdParams, Ok } from '../../http/common.schemas.ts';
import type { App, RouteOptions } from '../../http/types.ts';
import * as identity from './identity.service.ts';
import * as users from './users.service.ts';
import {
  LocaleBody,
  LoginBody,
  MeResponse,
  NewMembershipBody,
  NewUserBody,
  PasswordResetBody,
  PasswordResetRequestBody,
  SwitchBody,
  UserListQuery,
  UserPatchBody,
} from './identity.schemas.ts';

export async function identityRoutes(app: App, { deps }: RouteOptions): Promise<void> {
  const secure = deps.config.secureCookies;
  const strict = { sessionless: true, rateLimit: { max: deps.config.authRateLimitPerMinute, timeWindow: '1 minute' } };

  app.post(
    '/api/auth/login',
    { schema: { tags: ['auth'], body: LoginBody, response: { 200: MeResponse } }, config: strict },
    async (request, reply) => {
      const ctx = { ...contextOf(request), userAgent: request.headers['user-agent'] ?? null };
      const session = await identity.login(deps, ctx, request.body);
      setSessionCookie(reply, session.token, session.expiresAt, secure);
      const actor = await identity.resolveSession(deps, session.token);
      return identity.me({ ...ctx, actor });
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'], response: { 200: Ok } } }, async (request, reply) => {
    await identity.logout(deps, contextOf(request));
    clearSessionCookie(reply, secure);
    return { ok: true as const };
  });

  app.get('/api/me', { schema: { tags: ['auth'], response: { 200: MeResponse } } }, async (request) => identity.me(contextOf(request)));

  app.put('/api/me/membership', { schema: { tags: ['auth'], body: SwitchBody, response: { 200: MeResponse } } }, async (request) =>
    identity.switchMembership(deps, contextOf(request), request.body.membershipId),
  );

  app.put('/api/me/locale', { schema: { tags: ['auth'], body: LocaleBody, response: { 200: Ok } } }, async (request) => {
    await identity.changeLocale(deps, contextOf(request), request.body.locale);
    return { ok: true as const };
  });

  app.post(
    '/api/auth/password-reset',
    { schema: { tags: ['auth'], body: PasswordResetRequestBody, response: { 202: Ok } }, config: strict },
    async (request, reply) => {
      await identity.requestPasswordReset(deps, contextOf(request), request.body.email);
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.post(
    '/api/auth/password-reset/confirm',
    { schema: { tags: ['auth'], body: PasswordResetBody, response: { 200: Ok } }, config: strict },
    async (request) => {
      await identity.resetPassword(deps, contextOf(request), request.body);
      return { ok: true as const };
    },
  );

  app.get('/api/admin/users', { schema: { tags: ['admin'], querystring: UserListQuery } }, async (request) =>
    users.listUsers(deps, contextOf(request), request.query),
  );
  app.post('/api/admin/users', { schema: { tags: ['admin'], body: NewUserBody } }, async (request, reply) =>
    reply.status(201).send(await users.createUser(deps, contextOf(request), request.body)),
  );
  app.patch('/api/admin/users/:id', { schema: { tags: ['admin'], params: IdParams, body: UserPatchBody } }, async (request) =>
    users.updateUser(deps, contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/admin/users/:id/memberships',
    { schema: { tags: ['admin'], params: IdParams, body: NewMembershipBody } },
    async (request, reply) => reply.status(201).send(await users.addMembership(deps, contextOf(request), request.params.id, request.body)),
  );
  app.delete('/api/admin/memberships/:id', { schema: { tags: ['admin'], params: IdParams, response: { 200: Ok } } }, async (request) => {
    await users.removeMembership(deps, contextOf(request), request.params.id);
    return { ok: true as const };
  });
}
