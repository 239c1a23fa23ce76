/**
 * Shared helpers of the request benchmarks: databases of our own on the PostgreSQL server,
 * percentiles, machine facts and small formatting functions.
 */
import os from 'node:os';
import fs from 'node:fs';
import pg from 'pg';

/** Where the PostgreSQL server is (a maintenance database to CREATE / DROP ours from). */
export const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A bench database's URL; with BENCH_PG_SOCKET (run.ts --socket DIR) over the server's Unix socket instead of TCP. */
export function databaseUrl(name: string, base = ADMIN_URL): string {
  const url = new URL(base);
  url.pathname = `/${encodeURIComponent(name)}`;
  if (process.env.BENCH_PG_SOCKET) url.searchParams.set('host', process.env.BENCH_PG_SOCKET);
  return url.toString();
}

export async function adminQuery<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

export const BENCH_DB_PREFIX = 'opora_bench_';

export function newDatabaseName(): string {
  const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `${BENCH_DB_PREFIX}${stamp}`;
}

export async function createDatabase(name: string): Promise<void> {
  if (!name.startsWith(BENCH_DB_PREFIX)) throw new Error(`refusing to create ${name}: bench databases start with ${BENCH_DB_PREFIX}`);
  await adminQuery(`create database "${name}"`);
}

export async function dropDatabase(name: string): Promise<void> {
  if (!name.startsWith(BENCH_DB_PREFIX)) throw new Error(`refusing to drop ${name}: not a bench database`);
  await adminQuery(`drop database if exists "${name}" with (force)`);
}

export async function databaseExists(name: string): Promise<boolean> {
  return (await adminQuery('select 1 from pg_database where datname = $1', [name])).length > 0;
}

// ---- statistics ----

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface LatencySummary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((acc, v) => acc + v, 0);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
  };
}

/** A simple, seedable PRNG (mulberry32) for reproducible worlds and request bodies. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// ---- formatting ----

export const ms = (value: number, digits = 1) => (Number.isFinite(value) ? `${value.toFixed(digits)} ms` : '—');
export const int = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '—');
export const ratio = (value: number, digits = 2) => (Number.isFinite(value) ? `${value.toFixed(digits)}×` : '—');
export const seconds = (valueMs: number) => `${(valueMs / 1000).toFixed(1)} s`;

export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

// ---- the machine ----

export interface MachineInfo {
  date: string;
  cpu: string;
  cores: number;
  memoryGb: number;
  kernel: string;
  node: string;
  postgres: string;
  postgresSettings: Record<string, string>;
  loadAverage: number[];
}

const SETTINGS = [
  'shared_buffers',
  'max_connections',
  'synchronous_commit',
  'fsync',
  'wal_level',
  'max_wal_size',
  'checkpoint_timeout',
  'work_mem',
  'random_page_cost',
  'effective_cache_size',
  'jit',
];

export async function machineInfo(): Promise<MachineInfo> {
  const cpus = os.cpus();
  const [version] = await adminQuery<{ v: string }>('select version() as v');
  const settings = await adminQuery<{ name: string; setting: string; unit: string | null }>(
    'select name, setting, unit from pg_settings where name = any($1)',
    [SETTINGS],
  );
  return {
    date: new Date().toISOString(),
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    kernel: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    postgres: (version?.v ?? '').split(' on ')[0] ?? '',
    postgresSettings: Object.fromEntries(settings.map((s) => [s.name, s.unit ? `${s.setting} ${s.unit}` : s.setting])),
    loadAverage: os.loadavg(),
  };
}

/** CPU time (user + system, ms) of a process and its threads, from /proc; null when unreadable. */
export function processCpuMs(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/** CPU time (ms) by pid of every process whose command line matches `test` (e.g. one database's backends). */
export function cpuByPid(test: (cmdline: string, pid: number) => boolean): Map<number, number> {
  const result = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (test(cmdline, pid)) result.set(pid, processCpuMs(pid) ?? 0);
    } catch {
      // gone
    }
  }
  return result;
}

/** CPU spent between two readings by the processes alive at the second (new ones count from 0; ended ones are lost). */
export function cpuSince(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

/** Whole-machine CPU counters (ms of busy and total time) from /proc/stat. */
export function machineCpu(): { busyMs: number; totalMs: number } {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  const total = values.reduce((a, b) => a + b, 0);
  return { busyMs: ((total - idle) * 1000) / 100, totalMs: (total * 1000) / 100 };
}
