/**
 * Runs the real Opora process (`node src/server/main.ts start`: migrations, calendars, job runner,
 * listen) against a bench database, in a child process so the load generator does not share its
 * event loop. Optional: a V8 CPU profile (--cpu-prof) and the query probe (pg-probe.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sleep } from './lib.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface AppProcess {
  url: string;
  pid: number;
  output(): string;
  stop(): Promise<void>;
}

export interface AppOptions {
  databaseUrl: string;
  jobsEnabled: boolean;
  /** Directory for a .cpuprofile written when the process exits. */
  cpuProfileDir?: string | undefined;
  /** File the query probe writes its per-statement counts to when the process exits. */
  probeFile?: string | undefined;
  /** Extra environment (e.g. a prototype switch). */
  env?: Record<string, string> | undefined;
  /** A folder holding another copy of src/ (a prototype of a proposed change); default: this repository. */
  appRoot?: string | undefined;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || !address) throw new Error('no free port');
  return address.port;
}

export async function startApp(options: AppOptions): Promise<AppProcess> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: options.databaseUrl,
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'warn',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    JOBS_ENABLED: String(options.jobsEnabled),
    OPORA_SEED_DEMO: 'false',
    ...(options.probeFile ? { BENCH_PROBE_OUT: options.probeFile } : {}),
    ...options.env,
  };
  delete env.SMTP_HOST;
  const args = [
    ...(options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : []),
    ...(options.probeFile ? ['--import', path.join(ROOT, 'bench/requests/pg-probe.ts')] : []),
    path.join(options.appRoot ?? ROOT, 'src/server/main.ts'),
    'start',
  ];
  const child: ChildProcess = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`opora exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${url}/readyz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 120_000) {
      child.kill('SIGKILL');
      throw new Error(`no /readyz within 120 s:\n${output}`);
    }
    await sleep(50);
  }
  return {
    url,
    pid: child.pid!,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timeout = sleep(30_000).then(() => 'timeout');
      if ((await Promise.race([exited, timeout])) === 'timeout') {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}
