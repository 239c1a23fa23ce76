/** One error model: every bad input is a clear 4xx in the caller's language; unknown errors are a 500 with a request id. */
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import type { App } from '../src/server/http/types.ts';
import { systemClock } from '../src/server/lib/clock.ts';
import { createTestDatabase, type TestDatabase } from './helpers/db.ts';

let app: App;
let db: TestDatabase;
const logged: unknown[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  const log = pino({ level: 'error' }, { write: (line: string) => logged.push(JSON.parse(line)) });
  app = await buildApp({ db: db.db, config: loadConfig({ NODE_ENV: 'test' }), clock: systemClock, log }, { serveWeb: false });
  app.get('/api/test/boom', async () => {
    throw new Error('secret internal detail at /srv/opora');
  });
  // What a unique key taken by a concurrent request looks like to a service.
  app.post('/api/test/taken', async () => {
    await sql`create temp table if not exists taken (slug text unique); insert into taken values ('school-5'), ('school-5')`.execute(db.db);
    return { ok: true };
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await db.drop();
});

describe('error model', () => {
  it('answers an unknown route with 404 JSON in Russian', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: 'ROUTE_NOT_FOUND', message: 'Такого адреса нет.' });
    expect(response.json().requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a unique key taken meanwhile with 409 CONFLICT, not a 500', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/test/taken', payload: {} });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ error: 'CONFLICT', message: expect.any(String) });
  });

  it('answers invalid JSON with 400 INVALID_JSON', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toBe('INVALID_JSON');
  });

  it('answers wrong types and missing fields with 400 and a message per field', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: ['a'], extra: true } });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error).toBe('VALIDATION');
    expect(body.message).toBe('Проверьте введённые данные.');
    expect(body.fields).toMatchObject({ password: 'Обязательное поле.', extra: 'Неизвестное поле.' });
  });

  it('answers an oversize body with 413', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(1_100_000) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unsupported content type with 415', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/csv' }, payload: 'a,b' });
    expect(response.statusCode).toBe(415);
    expect(response.json().error).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('hides an unexpected error behind 500 with the request id, and logs it', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/test/boom', headers: { 'accept-language': 'en' } });
    expect(response.statusCode).toBe(500);
    const body = response.json();
    expect(body.error).toBe('INTERNAL');
    expect(body.message).toBe(`Internal error. Give the administrator the request code ${body.requestId}.`);
    expect(response.body).not.toContain('secret internal detail');
    expect(response.body).not.toContain('/srv/opora');
    expect(JSON.stringify(logged)).toContain('secret internal detail');
  });

  it('serves the OpenAPI description generated from the route schemas', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const spec = response.json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/organizations', '/api/calendar/import']));
  });

  it('answers health and readiness', async () => {
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready' });
  });
});
