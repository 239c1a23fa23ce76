/**
 * `npm test`: the whole suite, in order —
 *   1. unit (pure domain), 2. the embedded-PostgreSQL launcher, 3. integration on the embedded
 *   PostgreSQL, 4. integration on the PostgreSQL server (TEST_DATABASE_URL, default
 *   postgres://postgres@127.0.0.1:5432/postgres), 5. the web build and end-to-end journeys in Chromium.
 * On a laptop without a PostgreSQL server or Chromium those parts are skipped with a warning;
 * with CI or OPORA_REQUIRE_ALL set, a part that cannot run fails the suite instead.
 * Ends with one line "Total: N passed, N failed, N skipped".
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const strict = Boolean(process.env.CI || process.env.OPORA_REQUIRE_ALL);
const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const only = new Set((process.env.OPORA_TEST_PARTS ?? 'unit,embedded,integration,server,e2e').split(','));
const bin = (name: string) => path.join('node_modules', '.bin', name);
const reportDir = path.resolve('.tmp', 'test-reports');
fs.mkdirSync(reportDir, { recursive: true });

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const problems: string[] = [];

function run(label: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  process.stdout.write(`\n=== ${label} ===\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) problems.push(`${label} failed (exit ${result.status ?? result.signal})`);
  return result.status === 0;
}

function vitest(label: string, project: string, env: Record<string, string> = {}): void {
  const file = path.join(reportDir, `${label.replace(/\W+/g, '-')}.json`);
  fs.rmSync(file, { force: true });
  run(label, bin('vitest'), ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], env);
  if (!fs.existsSync(file)) {
    problems.push(`${label}: no report`);
    return;
  }
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  total.passed += report.numPassedTests;
  total.failed += report.numFailedTests;
  total.skipped += report.numPendingTests + report.numTodoTests;
  if (strict && report.numPendingTests + report.numTodoTests > 0) problems.push(`${label}: ${report.numPendingTests} tests were skipped`);
}

async function serverReachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => {});
  }
}

function skipOrFail(part: string, reason: string): void {
  const message = `${part}: cannot run (${reason})`;
  if (strict) problems.push(message);
  else process.stdout.write(`\n!!! ${message} — skipped on this machine\n`);
}

// The web app is built first: the integration tests check the headers of the pages it serves.
const webBuilt = only.has('integration') || only.has('server') || only.has('e2e') ? run('web build', bin('vite'), ['build', '--logLevel', 'warn']) : true;
if (only.has('unit')) vitest('unit tests', 'unit');
if (only.has('embedded')) vitest('embedded PostgreSQL launcher', 'embedded');
if (only.has('integration')) vitest('integration on embedded PostgreSQL', 'integration', { TEST_DATABASE_URL: '' });
if (only.has('server')) {
  const unreachable = await serverReachable();
  if (unreachable) skipOrFail('integration on the PostgreSQL server', `${serverUrl}: ${unreachable}`);
  else vitest('integration on PostgreSQL server', 'integration', { TEST_DATABASE_URL: serverUrl });
}
if (only.has('e2e')) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) {
    skipOrFail('end-to-end tests', `no Chromium at ${chromium}`);
  } else if (webBuilt) {
    const file = path.join(reportDir, 'e2e.json');
    fs.rmSync(file, { force: true });
    run('end-to-end tests in Chromium', bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: file, OPORA_REQUIRE_BROWSER: strict ? '1' : '' });
    if (fs.existsSync(file)) {
      const stats = (JSON.parse(fs.readFileSync(file, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } }).stats;
      total.passed += stats.expected + stats.flaky;
      total.failed += stats.unexpected;
      total.skipped += stats.skipped;
      if (strict && stats.skipped > 0) problems.push(`end-to-end: ${stats.skipped} tests were skipped`);
    } else problems.push('end-to-end: no report');
  }
}

process.stdout.write('\n');
for (const problem of problems) process.stdout.write(`FAILED: ${problem}\n`);
process.stdout.write(`Total: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
process.exit(problems.length > 0 || total.failed > 0 ? 1 : 0);
