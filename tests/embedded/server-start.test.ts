/**
 * `npm start` for real — the bundled server (scripts/build-server.ts → dist/server/main.js) with the
 * start script's node flags — on a fresh embedded folder serves the app,
 * seeds the demo once, and a SIGTERM stops node and its PostgreSQL. With DATABASE_URL the same app
 * runs on a server and seeds nothing by itself.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCommand } from '../../scripts/start-command.ts';
import { startEmbeddedPostgres } from '../../src/server/db/embedded.ts';
import {
  envWithoutLocale,
  freePort,
  isRunning,
  postgresProcessesOf,
  postmasterPid,
  query,
  REPO_ROOT,
  removeFolder,
  socketUrl,
  spawnNode,
  tempFolder,
  waitFor,
  type Spawned,
} from './fixtures/support.ts';

const folder = tempFolder('opora-start-');
const started: Spawned[] = [];
afterAll(() => {
  // Only after a failed test: nothing of ours may outlive the file.
  for (const opora of started) if (opora.child.exitCode === null) opora.child.kill('SIGKILL');
  for (const dataDir of [path.join(folder, 'data', 'pg'), path.join(folder, 'server')]) {
    for (const pid of postgresProcessesOf(dataDir, postmasterPid(dataDir))) process.kill(pid, 'SIGKILL');
  }
  removeFolder(folder);
});

// What `npm start` runs after its build step: package.json's start script is `node <flags> <main> start`.
const built = spawnSync(process.execPath, ['scripts/build-server.ts'], { cwd: REPO_ROOT, encoding: 'utf8' });
if (built.status !== 0) throw new Error(`the server build failed: ${built.stderr}`);
const { nodeFlags: NODE_ARGS, main: MAIN } = startCommand(REPO_ROOT);

async function startOpora(env: Record<string, string>): Promise<{ opora: Spawned; url: string }> {
  const port = await freePort();
  // No locale at all, as on a freshly installed server: the command speaks Russian.
  const base: NodeJS.ProcessEnv = {
    ...envWithoutLocale(),
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'info',
    ...env,
  };
  delete base.DATABASE_URL;
  if (env.DATABASE_URL) base.DATABASE_URL = env.DATABASE_URL;
  const opora = spawnNode(MAIN, ['start'], { env: base, nodeArgs: NODE_ARGS });
  started.push(opora);
  const url = `http://127.0.0.1:${port}`;
  return { opora, url };
}

async function waitReady(opora: Spawned, url: string): Promise<void> {
  await waitFor(
    '/readyz',
    async () => {
      if (opora.child.exitCode !== null) throw new Error(`Opora exited: ${opora.stderr()}`);
      try {
        return (await fetch(`${url}/readyz`)).status === 200;
      } catch {
        return false;
      }
    },
    60_000,
  );
}

async function stopWithSigterm(opora: Spawned): Promise<void> {
  opora.child.kill('SIGTERM');
  const { code, signal } = await opora.exited;
  expect(opora.stderr()).toBe('');
  expect({ code, signal }).toEqual({ code: 0, signal: null });
}

function logMessages(opora: Spawned): string[] {
  return opora
    .stdout()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => String((JSON.parse(line) as { msg?: string }).msg));
}

describe('opora start on the embedded database', () => {
  const dataDir = path.join(folder, 'data', 'pg');
  let organizationsAfterFirstStart = 0;

  it('reaches /readyz on a fresh folder, answers /api/me with a 401 JSON, seeds the demo, and stops PostgreSQL on SIGTERM', async () => {
    const { opora, url } = await startOpora({ OPORA_DATA_DIR: dataDir });
    await waitReady(opora, url);
    // The start banner, in Russian: the environment has no locale at all.
    await waitFor('the start banner', () => opora.stdout().includes('Демо-входы'), 10_000);
    expect(opora.stdout()).toContain(`\nОпора запущена: ${url}  (встроенный PostgreSQL в папке ${dataDir})\n`);
    expect(opora.stdout()).toMatch(/\nДемо-входы \(пароль \S+\): head@school27\.demo, /);
    const me = await fetch(`${url}/api/me`);
    expect(me.status).toBe(401);
    expect(me.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await me.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) });

    expect(logMessages(opora)).toContain('demo school seeded');
    const [demo] = await query<{ n: number }>(socketUrl(dataDir), `select count(*)::int as n from organizations where slug = 'school-27'`);
    expect(demo!.n).toBe(1);
    organizationsAfterFirstStart = (await query<{ n: number }>(socketUrl(dataDir), 'select count(*)::int as n from organizations'))[0]!.n;

    const pid = postmasterPid(dataDir)!;
    const processes = postgresProcessesOf(dataDir, pid);
    expect(processes).toContain(pid);
    await stopWithSigterm(opora);
    expect(processes.filter(isRunning)).toEqual([]);
    expect(postgresProcessesOf(dataDir, pid)).toEqual([]);
    expect(fs.existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
  });

  it('does not seed the demo a second time on the next start', async () => {
    const { opora, url } = await startOpora({ OPORA_DATA_DIR: dataDir });
    await waitReady(opora, url);
    expect(logMessages(opora)).not.toContain('demo school seeded');
    const [counts] = await query<{ demo: number; organizations: number }>(
      socketUrl(dataDir),
      `select count(*) filter (where slug = 'school-27')::int as demo, count(*)::int as organizations from organizations`,
    );
    expect(counts).toEqual({ demo: 1, organizations: organizationsAfterFirstStart });
    const pid = postmasterPid(dataDir)!;
    await stopWithSigterm(opora);
    expect(isRunning(pid)).toBe(false);
  });

  it('shares its PostgreSQL with `opora backup` run beside it, and refuses a second `opora start`', async () => {
    const { opora, url } = await startOpora({ OPORA_DATA_DIR: dataDir });
    await waitReady(opora, url);
    const pid = postmasterPid(dataDir)!;
    const env: NodeJS.ProcessEnv = { ...envWithoutLocale(), OPORA_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
    delete env.DATABASE_URL;

    const file = path.join(folder, 'beside.backup');
    const backup = spawnNode(MAIN, ['backup', file], { env, nodeArgs: NODE_ARGS });
    expect(await backup.exited).toEqual({ code: 0, signal: null });
    expect(backup.stdout()).toMatch(/^Резервная копия записана в /);
    expect(fs.statSync(file).size).toBeGreaterThan(0);
    // The running Opora's database was neither stopped nor replaced.
    expect(postmasterPid(dataDir)).toBe(pid);
    expect(isRunning(pid)).toBe(true);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);

    const second = spawnNode(MAIN, ['start'], { env: { ...env, PORT: String(await freePort()), HOST: '127.0.0.1' }, nodeArgs: NODE_ARGS });
    expect(await second.exited).toEqual({ code: 1, signal: null });
    expect(second.stderr()).toBe(
      `Опора уже запущена с папкой данных ${dataDir} (процесс ${opora.child.pid}); остановите её, прежде чем запускать ещё одну.\n`,
    );
    // An English system locale: the same refusal in English.
    const english = spawnNode(MAIN, ['start'], {
      env: { ...env, LANG: 'en_US.UTF-8', PORT: String(await freePort()), HOST: '127.0.0.1' },
      nodeArgs: NODE_ARGS,
    });
    expect(await english.exited).toEqual({ code: 1, signal: null });
    expect(english.stderr()).toBe(
      `Opora is already running with the data folder ${dataDir} (process ${opora.child.pid}); stop it before starting another.\n`,
    );
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    await stopWithSigterm(opora);
    expect(isRunning(pid)).toBe(false);
  });

  it('exits with a clear message and stops PostgreSQL when its port is taken', async () => {
    const blocker = net.createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      const env: NodeJS.ProcessEnv = {
        ...envWithoutLocale(),
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        OPORA_DATA_DIR: dataDir,
      };
      delete env.DATABASE_URL;
      const opora = spawnNode(MAIN, ['start'], { env, nodeArgs: NODE_ARGS });
      started.push(opora);
      // Before, the job runner's connection kept the pool open: the process never exited.
      expect(await opora.exited).toEqual({ code: 1, signal: null });
      expect(opora.stderr()).toBe(`Порт ${port} на 127.0.0.1 уже занят другой программой; остановите её или укажите другой порт в PORT.\n`);
      expect(postmasterPid(dataDir)).toBeNull();
      expect(fs.existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('stops PostgreSQL when SIGTERM arrives while it is still starting', async () => {
    const { opora } = await startOpora({ OPORA_DATA_DIR: dataDir });
    // PostgreSQL is up, the app is not listening yet (migrations, calendars, routes are still to come).
    await waitFor('PostgreSQL ready', () => logMessages(opora).some((msg) => msg.startsWith('embedded PostgreSQL ready')), 30_000);
    const pid = postmasterPid(dataDir)!;
    await stopWithSigterm(opora);
    expect(isRunning(pid)).toBe(false);
    expect(postgresProcessesOf(dataDir, pid)).toEqual([]);
  });
});

describe('opora start with DATABASE_URL', () => {
  it('uses the server, creates no embedded folder, does not seed the demo, and leaves the server running on SIGTERM', async () => {
    // The "server": a cluster this test owns, reached through DATABASE_URL like any PostgreSQL server.
    const server = await startEmbeddedPostgres({ dataDir: path.join(folder, 'server') });
    try {
      await query(server.connectionString(), 'create database opora_server_mode');
      const databaseUrl = server.connectionString('opora_server_mode');
      const unusedDataDir = path.join(folder, 'unused', 'pg');
      const { opora, url } = await startOpora({ DATABASE_URL: databaseUrl, OPORA_DATA_DIR: unusedDataDir });
      await waitReady(opora, url);
      expect((await fetch(`${url}/api/me`)).status).toBe(401);
      const [state] = await query<{ organizations: number; migrations: number }>(
        databaseUrl,
        `select (select count(*)::int from organizations) as organizations, (select count(*)::int from schema_migrations) as migrations`,
      );
      expect(state!.organizations).toBe(0);
      expect(state!.migrations).toBeGreaterThan(0);
      expect(fs.existsSync(unusedDataDir)).toBe(false);
      await stopWithSigterm(opora);
      expect((await query<{ ok: number }>(databaseUrl, 'select 1 as ok'))[0]!.ok).toBe(1);
    } finally {
      await server.stop();
    }
  });
});
