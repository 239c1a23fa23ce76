/**
 * Starts Opora for the journeys: a fresh temporary data folder with the embedded PostgreSQL (the
 * server seeds the demo school on an empty one), or, with E2E_DATABASE_URL, a new database on that
 * server seeded by `opora seed-demo`. Serves the built dist/web. Returns the teardown.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { browserAvailable, browserRequired, E2E_BASE_URL, E2E_PORT, MISSING_BROWSER } from './environment.ts';
import { MAILBOX_ENV, startMailbox } from './mailbox.ts';

const root = path.resolve(import.meta.dirname, '..');
const nodeBinary = fs.existsSync(path.join(root, 'node_modules/.bin/node')) ? path.join(root, 'node_modules/.bin/node') : process.execPath;

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!browserAvailable()) {
    if (browserRequired()) throw new Error(`${MISSING_BROWSER.replace(': e2e journeys skipped.', '')}; CI/OPORA_REQUIRE_BROWSER is set, so the e2e run fails.`);
    console.warn(MISSING_BROWSER);
    return async () => {};
  }
  if (!fs.existsSync(path.join(root, 'dist/web/index.html'))) {
    throw new Error('dist/web is missing: build the web app first (npx vite build).');
  }
  if (await isListening()) throw new Error(`Port ${E2E_PORT} is already in use: stop what runs there or set E2E_PORT.`);

  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opora-e2e-'));
  // When run as root, the embedded PostgreSQL runs as another OS user, who must be able to enter.
  fs.chmodSync(workDir, 0o755);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(E2E_PORT),
    PUBLIC_URL: E2E_BASE_URL,
    OPORA_DATA_DIR: path.join(workDir, 'pg'),
    LOG_LEVEL: 'warn',
    // Every journey signs in; the production limit (10 per minute per IP) would throttle the suite.
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    LOGIN_MAX_FAILURES: '100',
  };
  delete env.DATABASE_URL;
  // A real SMTP server on loopback receives Opora's e-mails; journeys read them with waitForMail.
  const mailbox = await startMailbox(path.join(workDir, 'mail'));
  Object.assign(env, mailbox.env);
  process.env[MAILBOX_ENV] = path.join(workDir, 'mail');

  let dropDatabase: (() => Promise<void>) | null = null;
  const serverUrl = process.env.E2E_DATABASE_URL;
  if (serverUrl) {
    const { url, drop } = await createDatabase(serverUrl);
    dropDatabase = drop;
    env.DATABASE_URL = url;
    const seeded = spawnSync(nodeBinary, ['src/server/main.ts', 'seed-demo'], { cwd: root, env, encoding: 'utf8' });
    if (seeded.status !== 0) throw new Error(`opora seed-demo failed:\n${seeded.stdout}\n${seeded.stderr}`);
  }

  const logFile = path.join(workDir, 'server.log');
  const log = fs.openSync(logFile, 'a');
  const server = spawn(nodeBinary, ['src/server/main.ts', 'start'], { cwd: root, env, stdio: ['ignore', log, log] });
  try {
    await waitUntilReady(server, logFile);
  } catch (error) {
    await stop(server);
    await mailbox.close();
    throw error;
  }

  return async () => {
    await stop(server);
    await mailbox.close();
    fs.closeSync(log);
    if (dropDatabase) await dropDatabase();
    fs.rmSync(workDir, { recursive: true, force: true });
  };
}

async function isListening(): Promise<boolean> {
  try {
    await fetch(`${E2E_BASE_URL}/healthz`, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

async function waitUntilReady(server: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`Opora exited with code ${server.exitCode}:\n${tail(logFile)}`);
    try {
      const response = await fetch(`${E2E_BASE_URL}/readyz`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`Opora was not ready within 180 s:\n${tail(logFile)}`);
}

function tail(file: string): string {
  return fs.readFileSync(file, 'utf8').split('\n').slice(-40).join('\n');
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}

/** A new, empty database on the given server; the URL points at it. */
async function createDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `opora_e2e_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
