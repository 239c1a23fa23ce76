/**
 * Per-request identity: resolves the session cookie to an Actor, picks the caller's language,
 * and enforces CSRF protection on cookie-authenticated mutations (double-submit header that must
 * equal the session's token; SameSite=Lax cookies add a second layer).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { localeFromHeader, type Locale } from '../../shared/i18n/index.ts';
import type { Deps } from '../deps.ts';
import { resolveSession } from '../modules/identity/identity.service.ts';
import type { Actor, RequestContext } from './actor.ts';
import { AppError } from './errors.ts';
import { safeEqual } from '../lib/tokens.ts';

export const SESSION_COOKIE = 'opora_sid';
export const LOCALE_COOKIE = 'opora_lang';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    locale: Locale;
  }
  interface FastifyContextConfig {
    /**
     * The route does not act with the caller's session (sign-in, password reset, public forms),
     * so a session cookie that happens to be present does not require the CSRF header.
     */
    sessionless?: boolean;
  }
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const authPlugin = fp(async (app: FastifyInstance, opts: { deps: Deps }) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('locale', 'ru');
  app.addHook('onRequest', async (request, reply) => {
    request.locale = pickLocale(request);
    const token = request.cookies[SESSION_COOKIE];
    if (!token || !request.url.startsWith('/api/')) return;
    // The browser keeps the cookie as long as the server keeps the session it extends.
    const actor = await resolveSession(opts.deps, token, (expiresAt) =>
      setSessionCookie(reply, token, expiresAt, opts.deps.config.secureCookies),
    );
    if (!actor) return;
    request.actor = actor;
    request.locale = actor.locale;
    if (MUTATING.has(request.method) && !request.routeOptions.config.sessionless) {
      const header = request.headers[CSRF_HEADER];
      if (typeof header !== 'string' || !safeEqual(header, actor.csrfToken)) throw new AppError('CSRF');
    }
  });
});

function pickLocale(request: FastifyRequest): Locale {
  const cookie = request.cookies[LOCALE_COOKIE];
  if (cookie === 'ru' || cookie === 'en') return cookie;
  return localeFromHeader(request.headers['accept-language']);
}

/** The request context every service call receives. */
export function contextOf(request: FastifyRequest): RequestContext {
  return { actor: request.actor, ip: request.ip, requestId: request.id, locale: request.locale };
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: expiresAt });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
