/**
 * `npm start` runs this first: builds what is missing or older than its sources, so the
 * two-command quick start runs the production build —
 *   - the web app into dist/web (vite build), served by the same process;
 *   - the server into dist/server (scripts/build-server.ts): plain JavaScript, so the running
 *     process does not carry Node's TypeScript stripper (about 17 MB of memory).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function stale(output: string, sources: string[]): boolean {
  const builtAt = fs.existsSync(output) ? fs.statSync(output).mtimeMs : 0;
  return builtAt === 0 || Math.max(...sources.map(newestMtime)) > builtAt;
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (stale('dist/web/index.html', ['index.html', 'vite.config.ts', 'src/web', 'src/shared', 'src/domain', 'data/calendars'])) {
  process.stdout.write('Building the web app (vite build)…\n');
  run(path.join('node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn']);
}
if (stale('dist/server/main.js', ['src/server', 'src/shared', 'src/domain', 'data/calendars', 'package-lock.json'])) {
  process.stdout.write('Building the server (dist/server)…\n');
  run(process.execPath, ['scripts/build-server.ts']);
}
