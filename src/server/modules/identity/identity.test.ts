import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, login, useTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { createUser, createWorld, TEST_PASSWORD, type TestWorld } from '../../../../tests/helpers/factories.ts';
import { startSmtpListener, type SmtpListener } from '../../../../tests/helpers/smtp.ts';
import { findSessions, insertMembership, insertSession, membershipsOf } from './identity.repository.ts';

let smtp: SmtpListener;
let t: TestApp;
let world: TestWorld;

beforeAll(async () => {
  smtp = await startSmtpListener();
  t = await useTestApp({ env: { ...smtp.env(), LOGIN_MAX_FAILURES: '3' } });
  world = await createWorld(t.db.db);
});
afterAll(() => smtp.close());

describe('login', () => {
  it('signs in with the right password and returns the membership and navigation', async () => {
    const client = await login(t.app, world.users.consultant.email, TEST_PASSWORD);
    expect(client.me.membership?.role).toBe('consultant');
    const me = await client.get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().navigation).toContain('requests');
    expect(me.json().navigation).not.toContain('users');
    // The workspace shows its dates on the clock of the organisation the user works in.
    expect(me.json().membership).toMatchObject({ organizationId: world.school.id, organizationTimeZone: 'Europe/Moscow' });
    await t.db.db.updateTable('organizations').set({ timezone: 'Asia/Novosibirsk' }).where('id', '=', world.school.id).execute();
    const later = await login(t.app, world.users.consultant.email, TEST_PASSWORD);
    expect((await later.get('/api/me')).json().membership.organizationTimeZone).toBe('Asia/Novosibirsk');
    await t.db.db.updateTable('organizations').set({ timezone: 'Europe/Moscow' }).where('id', '=', world.school.id).execute();
  });

  it('answers a wrong password with a clear Russian message and no session', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: world.users.staff.email, password: 'wrong-password' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: 'INVALID_CREDENTIALS', message: 'Неверный адрес электронной почты или пароль.' });
    expect(response.cookies.find((c) => c.name === 'opora_sid')).toBeUndefined();
  });

  it('answers a NUL character in the address or the reset request with a 400, not a 500', async () => {
    for (const [url, payload] of [
      ['/api/auth/login', { email: 'a\u0000b@example.test', password: 'whatever-123' }],
      ['/api/auth/password-reset', { email: 'a\u0000b@example.test' }],
    ] as const) {
      const response = await t.app.inject({ method: 'POST', url, payload });
      expect({ url, status: response.statusCode, error: response.json().error }).toEqual({ url, status: 400, error: 'INVALID_CHARACTERS' });
      expect(response.json().message).toMatch(/недопустимый символ/);
    }
  });

  it('uses English when the browser asks for it', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
      payload: { email: 'nobody@example.test', password: 'whatever-123' },
    });
    expect(response.json().message).toBe('Wrong e-mail address or password.');
  });

  it('locks the account after repeated failures, even for the right password', async () => {
    const email = world.users.parent.email;
    for (let i = 0; i < 3; i += 1) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: `bad-${i}` } });
      expect(r.statusCode).toBe(401);
    }
    const locked = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: TEST_PASSWORD } });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error).toBe('ACCOUNT_LOCKED');
    const audit = await t.db.db.selectFrom('auditLog').select('action').where('entityId', '=', world.users.parent.id).execute();
    expect(audit.map((a) => a.action)).toContain('auth.locked');
  });

  it('sets an HttpOnly SameSite cookie', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: world.users.head.email, password: TEST_PASSWORD },
    });
    const cookie = response.cookies.find((c) => c.name === 'opora_sid');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  });
});

describe('session protection', () => {
  it('rejects a cookie-authenticated mutation without the CSRF header', async () => {
    const client = await login(t.app, world.users.head.email, TEST_PASSWORD);
    const response = await client.request('PUT', '/api/me/locale', { locale: 'en' }, { 'x-csrf-token': 'forged' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toBe('CSRF');
    const ok = await client.put('/api/me/locale', { locale: 'ru' });
    expect(ok.statusCode).toBe(200);
  });

  it('ends the session on logout', async () => {
    const client = await login(t.app, world.users.head.email, TEST_PASSWORD);
    expect((await client.post('/api/auth/logout')).statusCode).toBe(200);
    const after = await client.get('/api/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().error).toBe('UNAUTHENTICATED');
  });

  it('switches between memberships only to the user’s own', async () => {
    const client = await login(t.app, world.users.admin.email, TEST_PASSWORD);
    const foreign = await client.put('/api/me/membership', { membershipId: '00000000-0000-4000-8000-000000000000' });
    expect(foreign.statusCode).toBe(404);
    const own = await client.put('/api/me/membership', { membershipId: client.me.membership!.id });
    expect(own.statusCode).toBe(200);
  });
});

describe('password reset over SMTP', () => {
  it('e-mails a one-time link that sets a new password and ends old sessions', async () => {
    const user = world.users.staff;
    const old = await login(t.app, user.email, TEST_PASSWORD);
    const requested = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: user.email } });
    expect(requested.statusCode).toBe(202);
    await t.runner.runDue();
    const mail = await smtp.waitFor((m) => m.to !== undefined && JSON.stringify(m.to).includes(user.email));
    expect(mail.subject).toBe('Опора: смена пароля');
    const token = /token=([\w-]+)/.exec(mail.text ?? '')?.[1];
    expect(token).toBeTruthy();

    const weak = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password: 'short' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error).toBe('WEAK_PASSWORD');

    const done = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, password: 'a-brand-new-password' },
    });
    expect(done.statusCode).toBe(200);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, password: 'another-new-password' },
    });
    expect(again.json().error).toBe('RESET_TOKEN_INVALID');
    expect((await old.get('/api/me')).statusCode).toBe(401);
    await login(t.app, user.email, 'a-brand-new-password');
  });

  it('does not reveal whether an address exists', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: 'nobody@example.test' } });
    expect(response.statusCode).toBe(202);
  });
});

describe('rate limit', () => {
  it('answers too many sign-in attempts from one address with 429 in Russian', async () => {
    const limited = await useTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '3' } });
    const attempt = () =>
      limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'x@example.test', password: 'whatever-123' } });
    for (let i = 0; i < 3; i += 1) expect((await attempt()).statusCode).toBe(401);
    const blocked = await attempt();
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error).toBe('RATE_LIMITED');
    expect(blocked.json().message).toMatch(/Слишком много запросов/);
  });

  it('behind the trusted proxy, a forged X-Forwarded-For does not give a fresh limit', async () => {
    const proxied = await useTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: '10.0.0.2' } });
    // The client writes an address of its choice; nginx appends the one it really came from.
    const attempt = (i: number) =>
      proxied.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.0.0.2',
        headers: { 'x-forwarded-for': `203.0.113.${i}, 198.51.100.7` },
        payload: { email: 'x@example.test', password: 'whatever-123' },
      });
    for (let i = 0; i < 3; i += 1) expect((await attempt(i)).statusCode).toBe(401);
    expect((await attempt(3)).statusCode).toBe(429);
  });
});

describe('sign-in from a browser that still holds a session', () => {
  it('accepts the login without the old session’s CSRF header and audits the user who signed in', async () => {
    const first = await login(t.app, world.users.consultant.email, TEST_PASSWORD);
    const cookie = (
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: world.users.consultant.email, password: TEST_PASSWORD },
      })
    ).cookies.find((c) => c.name === 'opora_sid');
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      cookies: { opora_sid: cookie!.value },
      payload: { email: world.users.head.email, password: TEST_PASSWORD },
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().membership.role).toBe('head');
    const row = await t.db.db
      .selectFrom('auditLog')
      .select(['actorUserId', 'actorRole'])
      .where('action', '=', 'auth.login')
      .where('entityId', '=', world.users.head.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ actorUserId: world.users.head.id, actorRole: 'head' });
    expect(first.me.membership?.role).toBe('consultant');
  });
});

describe('session look-up', () => {
  it('reads the session with every membership of its user, in the order membershipsOf gives', async () => {
    const user = await createUser(t.db.db, world.school, 'consultant');
    await insertMembership(t.db.db, { userId: user.id, organizationId: world.school.id, role: 'head' });
    await insertMembership(t.db.db, { userId: user.id, organizationId: world.support.id, role: 'operator' });
    await insertMembership(t.db.db, { userId: user.id, organizationId: world.municipality.id, role: 'admin' });
    await insertSession(t.db.db, {
      id: `session-of-${user.id}`,
      userId: user.id,
      membershipId: null,
      csrfToken: 'csrf',
      ip: null,
      userAgent: null,
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    const [session, ...rest] = await findSessions(t.db.db, [`session-of-${user.id}`, 'no-such-session']);
    const memberships = await membershipsOf(t.db.db, user.id);
    expect(memberships).toHaveLength(4);
    expect(rest).toEqual([]);
    expect(session?.memberships).toEqual(memberships);
  });
});

describe('a session in use', () => {
  it('keeps its cookie as long as the server keeps the session: an hour of work does not sign out a one-hour session', async () => {
    // From the real time: the database stamps the session's last use itself.
    const start = Math.floor(Date.now() / 60_000) * 60_000;
    const clock = fixedClock(new Date(start));
    const short = await useTestApp({ clock, env: { SESSION_TTL_HOURS: '1' } });
    const people = await createWorld(short.db.db);
    const client = await login(short.app, people.users.consultant.email, TEST_PASSWORD);
    clock.advance(50 * 60_000);
    const working = await client.get('/api/me');
    expect(working.statusCode).toBe(200);
    const renewed = working.cookies.find((c) => c.name === 'opora_sid');
    expect(renewed?.expires?.toISOString()).toBe(new Date(start + 110 * 60_000).toISOString());
    clock.advance(20 * 60_000); // 70 minutes after sign-in, 20 after the last request
    expect((await client.get('/api/me')).statusCode).toBe(200);
  });
});
