/**
 * Builds the real Fastify app on a fresh test database, with a controllable clock, and signs
 * users in through the real login endpoint.
 */
import type { LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { afterAll } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig, type Config } from '../../src/server/config.ts';
import type { Deps } from '../../src/server/deps.ts';
import type { App } from '../../src/server/http/types.ts';
import { createJobRunner, type JobRunner } from '../../src/server/jobs/runner.ts';
import { registerJobs } from '../../src/server/jobs/registry.ts';
import { fixedClock, systemClock, type Clock } from '../../src/server/lib/clock.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';

export interface TestApp {
  app: App;
  deps: Deps;
  db: TestDatabase;
  runner: JobRunner;
  close(): Promise<void>;
}

export interface TestAppOptions {
  clock?: Clock;
  env?: Record<string, string>;
}

export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config: Config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://opora.test', AUTH_RATE_LIMIT_PER_MINUTE: '10000', ...options.env });
  const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const deps: Deps = { db: db.db, config, clock: options.clock ?? systemClock, log };
  const app = await buildApp(deps, { serveWeb: false });
  await app.ready();
  const runner = createJobRunner({ db: db.db, pool: db.pool, log });
  registerJobs(runner, deps);
  return {
    app,
    deps,
    db,
    runner,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

/** buildTestApp + afterAll(close), for the common case of one app per file. */
export async function useTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const testApp = await buildTestApp(options);
  afterAll(() => testApp.close());
  return testApp;
}

export { fixedClock };

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A signed-in client: sends the session cookie and the CSRF header like the web app does. */
export interface Client {
  request(method: Method, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  me: { user: { id: string }; membership: { id: string; organizationId: string; role: string } | null; csrfToken: string };
}

export async function login(app: App, email: string, password: string): Promise<Client> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login of ${email} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'opora_sid');
  if (!cookie) throw new Error('no session cookie');
  const me = response.json() as Client['me'];
  const request: Client['request'] = (method, url, body, headers = {}) =>
    app.inject({
      method,
      url,
      cookies: { opora_sid: cookie.value },
      headers: { 'x-csrf-token': me.csrfToken, ...headers },
      ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
    });
  return {
    request,
    get: (url) => request('GET', url),
    post: (url, body) => request('POST', url, body ?? {}),
    patch: (url, body) => request('PATCH', url, body ?? {}),
    put: (url, body) => request('PUT', url, body ?? {}),
    delete: (url) => request('DELETE', url),
    me,
  };
}
