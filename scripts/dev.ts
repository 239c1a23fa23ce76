/**
 * `npm run dev`: the API (`opora start` on PORT 3000, restarted by `node --watch` when server code
 * changes) and the Vite dev server (hot reload, proxying /api, /healthz and /readyz to the API)
 * together. Ctrl-C stops both; if either exits, the other is stopped too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name: string): string => path.join(root, 'node_modules', '.bin', name);
const node = fs.existsSync(bin('node')) ? bin('node') : process.execPath;
const apiPort = process.env.PORT ?? '3000';

const children: ChildProcess[] = [];
let stopping = false;

function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  // Own process group, so stopping a child also stops what it started (embedded PostgreSQL, esbuild).
  const child = spawn(command, args, { cwd: root, env, stdio: 'inherit', detached: true });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[dev] ${label} exited (${signal ?? code}); stopping the rest.`);
      void stopAll(typeof code === 'number' && code !== 0 ? code : 1);
    }
  });
  children.push(child);
  return child;
}

async function stopAll(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return resolve();
          child.once('exit', () => resolve());
          try {
            process.kill(-child.pid, 'SIGTERM');
          } catch {
            resolve();
          }
          // The API shuts the embedded PostgreSQL down cleanly on SIGTERM; give it time, then force.
          setTimeout(() => {
            try {
              process.kill(-child.pid!, 'SIGKILL');
            } catch {
              // already gone
            }
          }, 20_000).unref();
        }),
    ),
  );
  process.exit(exitCode);
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

run('API', node, ['--watch', '--watch-preserve-output', 'src/server/main.ts', 'start'], {
  ...process.env,
  PORT: apiPort,
  NODE_ENV: process.env.NODE_ENV ?? 'development',
});
run('Vite', bin('vite'), ['--host', process.env.VITE_HOST ?? 'localhost'], {
  ...process.env,
  OPORA_API_URL: `http://localhost:${apiPort}`,
});
console.log(`[dev] API on http://localhost:${apiPort}, workspace with hot reload on http://localhost:${process.env.VITE_PORT ?? 5173} (Ctrl-C stops both)`);
