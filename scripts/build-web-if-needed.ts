/**
 * `npm start` runs this first: builds the web app into dist/web when it is missing or older than
 * its sources, so the two-command quick start serves the workspace from the same process.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const output = path.resolve('dist/web/index.html');
const sources = ['index.html', 'vite.config.ts', 'src/web', 'src/shared', 'src/domain'];

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

const builtAt = fs.existsSync(output) ? fs.statSync(output).mtimeMs : 0;
const changedAt = Math.max(...sources.map(newestMtime));
if (builtAt === 0 || changedAt > builtAt) {
  process.stdout.write('Building the web app (vite build)…\n');
  const result = spawnSync(path.join('node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
