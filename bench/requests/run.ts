/**
 * The request-engine benchmark (issue 4 point 9), on the PostgreSQL server:
 *
 *   node bench/requests/run.ts [--rows 1000000] [--duration 20] [--warmup 5] [--connections 32]
 *        [--per-school 2] [--queue-samples 300] [--db NAME] [--keep-db] [--only generate,queues,intake]
 *        [--jobs true|false] [--probe] [--profile] [--wait-idle 120] [--json FILE] [--seed 42]
 *
 * 1. Generates `--rows` requests in a new database `opora_bench_<timestamp>` (generate.ts), unless
 *    `--db` names an existing bench database to reuse.
 * 2. Starts the real app on it (`src/server/main.ts start`, job runner on unless --jobs false).
 * 3. Queues at full size: overdue and "mine" through the API and as raw SQL, with EXPLAIN, against
 *    a primary-key SELECT and GET /api/me measured in the same run (queues.ts).
 * 4. Intake: baseline raw INSERTs → POST /api/requests/intake with autocannon → baseline again,
 *    at `--connections` (intake.ts); the ratio uses the mean of the two baselines.
 * 5. Prints the tables (Markdown) and drops the database unless --keep-db.
 * `--probe` counts the app's statements per intake (pg-probe.ts); `--profile` writes a V8 CPU
 * profile of the app process to .tmp/bench-requests/. `--wait-idle S` waits up to S seconds for
 * the machine's 1-minute load average to fall below 1.5 before each measured phase.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { BENCH_PASSWORD, generate, type DeskInfo, type GenerateResult } from './generate.ts';
import {
  runBaseline,
  runIntake,
  runPaced,
  signIn,
  type BaselineResult,
  type IntakeResult,
  type PacedResult,
  type Session,
} from './intake.ts';
import {
  captureQueueSql,
  explain,
  inlineSql,
  measureHttp,
  measureSql,
  queueFilter,
  type ExplainSummary,
  type HttpMeasure,
} from './queues.ts';
import { startApp, type AppProcess } from './server.ts';
import {
  BENCH_DB_PREFIX,
  createDatabase,
  databaseExists,
  databaseUrl,
  dropDatabase,
  int,
  machineInfo,
  ms,
  newDatabaseName,
  ratio,
  seconds,
  sleep,
  table,
  type LatencySummary,
  type MachineInfo,
} from './lib.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WORK = path.join(ROOT, '.tmp/bench-requests');

const { values: flags } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    schools: { type: 'string', default: '40' },
    municipalities: { type: 'string', default: '4' },
    'events-fraction': { type: 'string', default: '0.2' },
    seed: { type: 'string', default: '42' },
    duration: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '5' },
    connections: { type: 'string', default: '32' },
    'per-school': { type: 'string', default: '2' },
    'queue-samples': { type: 'string', default: '300' },
    db: { type: 'string' },
    'keep-db': { type: 'boolean', default: false },
    only: { type: 'string', default: 'generate,queues,intake' },
    jobs: { type: 'string', default: 'true' },
    probe: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    'wait-idle': { type: 'string', default: '0' },
    json: { type: 'string' },
    'app-root': { type: 'string' },
    'paced-rate': { type: 'string', default: '100' },
    socket: { type: 'string' },
  },
});
if (flags.socket) process.env.BENCH_PG_SOCKET = flags.socket;

const ROWS = Number(flags.rows);
const DURATION = Number(flags.duration);
const WARMUP = Number(flags.warmup);
const CONNECTIONS = Number(flags.connections);
const PER_SCHOOL = Number(flags['per-school']);
const QUEUE_SAMPLES = Number(flags['queue-samples']);
const SEED = Number(flags.seed);
const WAIT_IDLE = Number(flags['wait-idle']);
const PHASES = new Set(flags.only.split(','));
const JOBS = flags.jobs !== 'false';

const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

const GOALS = { intakePerSecond: 1500, intakeP99Ms: 50, queueP95Ms: 20 };

async function waitIdle(phase: string): Promise<number> {
  const load = () => os.loadavg()[0]!;
  if (WAIT_IDLE <= 0) return load();
  const until = Date.now() + WAIT_IDLE * 1000;
  while (load() >= 1.5 && Date.now() < until) {
    log(`  waiting for a quieter machine before ${phase} (load ${load().toFixed(2)})`);
    await sleep(10_000);
  }
  return load();
}

/** The consultants that drive the intake: the first `perSchool` of each school, schools in order, until `connections`. */
function intakeConsultants(desks: readonly DeskInfo[], connections: number, perSchool: number): string[] {
  const schools = desks.filter((d) => d.kind === 'school');
  const emails = schools.flatMap((d) => d.consultants.slice(0, perSchool).map((c) => c.email));
  if (emails.length < connections) emails.push(...schools.flatMap((d) => d.consultants.slice(perSchool).map((c) => c.email)));
  if (emails.length < connections) throw new Error(`only ${emails.length} consultants for ${connections} connections`);
  return emails.slice(0, connections);
}

async function desksOf(db: pg.Client): Promise<DeskInfo[]> {
  const orgs = await db.query<{ id: string; kind: 'school' | 'support_service'; short_name: string; n: string }>(
    `select o.id, o.kind, o.short_name, (select count(*) from requests r where r.organization_id = o.id) as n
     from organizations o join request_desks d on d.organization_id = o.id order by o.kind desc, o.slug`,
  );
  const workers = await db.query<{ id: string; email: string; full_name: string; organization_id: string }>(
    `select u.id, u.email, u.full_name, m.organization_id from users u join memberships m on m.user_id = u.id where m.role in ('consultant', 'operator')`,
  );
  const desks = orgs.rows.map((o) => ({
    index: Number(/(\d+)/.exec(o.short_name)?.[1] ?? 0) + 1,
    id: o.id,
    kind: o.kind,
    shortName: o.short_name,
    weight: Number(o.n),
    consultants: workers.rows
      .filter((w) => w.organization_id === o.id)
      .map((w) => ({ id: w.id, email: w.email, fullName: w.full_name }))
      .sort((a, b) => a.email.localeCompare(b.email, 'en', { numeric: true })),
  }));
  return desks.sort((a, b) => (a.kind === b.kind ? a.index - b.index : a.kind === 'support_service' ? -1 : 1));
}

interface QueueReport {
  desk: string;
  deskRows: number;
  openRows: number;
  view: string;
  http: HttpMeasure;
  sql: Array<{ label: string; latency: LatencySummary; explain: ExplainSummary; inline: string }>;
}

async function measureQueues(app: AppProcess, url: string, desks: DeskInfo[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const bySize = [...desks].sort((a, b) => b.weight - a.weight);
    const schools = bySize.filter((d) => d.kind === 'school');
    const chosen = [bySize.find((d) => d.kind === 'support_service')!, schools[0]!, schools[Math.floor(schools.length / 2)]!];
    const reports: QueueReport[] = [];
    let baselineHttp: HttpMeasure | null = null;
    // Baseline SQL: a primary-key select of random requests.
    const ids = (await client.query<{ id: string }>(`select id from requests tablesample system (1) limit 1000`)).rows.map((r) => r.id);
    const pk = await measureSql(
      client,
      (i) => ({ sql: 'select * from requests where id = $1', parameters: [ids[i % ids.length]] }),
      QUEUE_SAMPLES,
      20,
    );
    for (const desk of chosen) {
      const consultant = desk.consultants[0]!;
      const session = await signIn(app.url, consultant.email, BENCH_PASSWORD);
      if (!baselineHttp) baselineHttp = await measureHttp(app.url, session, '/api/me', QUEUE_SAMPLES, 20);
      const counts = await client.query<{ n: string; open: string }>(
        `select count(*) as n, count(*) filter (where status in ('new','in_progress','waiting_for_requester')) as open from requests where organization_id = $1`,
        [desk.id],
      );
      for (const view of ['overdue', 'mine'] as const) {
        log(`  ${desk.shortName}: ${view}`);
        const httpResult = await measureHttp(app.url, session, `/api/requests?view=${view}`, QUEUE_SAMPLES, 20);
        const captured = await captureQueueSql(url, queueFilter(desk.id, session.userId, view, new Date()));
        const sql = [];
        for (const [i, query] of captured.entries()) {
          const label = i === 0 ? 'list (limit 25)' : 'count';
          sql.push({
            label,
            latency: await measureSql(client, query, QUEUE_SAMPLES, 20),
            explain: await explain(client, query),
            inline: inlineSql(query),
          });
        }
        reports.push({
          desk: desk.shortName,
          deskRows: Number(counts.rows[0]!.n),
          openRows: Number(counts.rows[0]!.open),
          view,
          http: httpResult,
          sql,
        });
      }
    }
    return { reports, pk, baselineHttp: baselineHttp! };
  } finally {
    await client.end();
  }
}

async function categoriesByOrg(url: string): Promise<Map<string, string[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = await client.query<{ organization_id: string; id: string }>(
      `select organization_id, id from request_categories where parent_id is not null and is_active`,
    );
    const map = new Map<string, string[]>();
    for (const row of rows.rows) map.set(row.organization_id, [...(map.get(row.organization_id) ?? []), row.id]);
    return map;
  } finally {
    await client.end();
  }
}

function readProbe(file: string): Record<string, { calls: number; totalMs: number }> {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, { calls: number; totalMs: number }>) : {};
}

async function probeSnapshot(app: AppProcess, base: string, n: number): Promise<Record<string, { calls: number; totalMs: number }>> {
  process.kill(app.pid, 'SIGUSR2');
  const file = `${base}.${n}.json`;
  for (let i = 0; i < 100 && !fs.existsSync(file); i += 1) await sleep(50);
  await sleep(100);
  return readProbe(file);
}

async function main(): Promise<void> {
  fs.mkdirSync(WORK, { recursive: true });
  const machine: MachineInfo = await machineInfo();
  log(
    `${machine.cpu} × ${machine.cores}, ${machine.memoryGb} GB, ${machine.postgres}, Node ${machine.node}, load ${machine.loadAverage.map((l) => l.toFixed(2)).join(' ')}`,
  );

  const reuse = flags.db;
  const name = reuse ?? newDatabaseName();
  if (reuse && (!reuse.startsWith(BENCH_DB_PREFIX) || !(await databaseExists(reuse))))
    throw new Error(`--db ${reuse}: no such bench database`);
  const url = databaseUrl(name);
  let app: AppProcess | null = null;
  const results: Record<string, unknown> = { machine, database: name, flags };
  try {
    if (!reuse) {
      await createDatabase(name);
      log(`database ${name}`);
    }
    if (!reuse && PHASES.has('generate')) {
      log(`generating ${ROWS.toLocaleString('en-US')} requests`);
      const generated: GenerateResult = await generate({
        url,
        rows: ROWS,
        schools: Number(flags.schools),
        municipalities: Number(flags.municipalities),
        eventsFraction: Number(flags['events-fraction']),
        seed: SEED,
        log,
      });
      log(`generated in ${seconds(generated.totalMs)}`);
      results.generated = { ...generated, desks: undefined };
    }
    const meta = new pg.Client({ connectionString: url });
    await meta.connect();
    const desks = await desksOf(meta).finally(() => meta.end());

    const probeBase = flags.probe ? path.join(WORK, `probe-${name}-${Date.now()}`) : undefined;
    app = await startApp({
      databaseUrl: url,
      jobsEnabled: JOBS,
      probeFile: probeBase,
      cpuProfileDir: flags.profile ? WORK : undefined,
      appRoot: flags['app-root'] ? path.resolve(flags['app-root']) : undefined,
    });
    log(`app at ${app.url} (pid ${app.pid}, jobs ${JOBS ? 'on' : 'off'})`);

    if (PHASES.has('queues')) {
      results.loadBeforeQueues = await waitIdle('the queues');
      log('queues');
      results.queues = await measureQueues(app, url, desks);
    }

    if (PHASES.has('intake')) {
      const emails = intakeConsultants(desks, CONNECTIONS, PER_SCHOOL);
      log(`signing in ${emails.length} consultants of ${new Set(emails.map((e) => e.split('-')[1])).size} schools`);
      const sessions: Session[] = [];
      for (const email of emails) sessions.push(await signIn(app.url, email, BENCH_PASSWORD));
      const categories = await categoriesByOrg(url);
      results.loadBeforeIntake = await waitIdle('the intake');
      log(`baseline (raw INSERTs) before`);
      const before: BaselineResult = await runBaseline({
        databaseUrl: url,
        databaseName: name,
        connections: sessions.length,
        durationS: DURATION,
        appPid: app.pid,
      });
      log(`  ${int(before.perSecond)} rows/s, p99 ${ms(before.latency.p99)}`);
      let probeBefore: Record<string, { calls: number; totalMs: number }> = {};
      log('intake');
      const intake: IntakeResult = await runIntake({
        url: app.url,
        sessions,
        categoriesByOrg: categories,
        durationS: DURATION,
        warmupS: WARMUP,
        appPid: app.pid,
        databaseName: name,
        seed: SEED,
        log,
        beforeMeasure: async () => {
          if (probeBase) probeBefore = await probeSnapshot(app!, probeBase, 1);
        },
      });
      log(`  ${int(intake.perSecond)} req/s, p99 ${ms(intake.latency.p99)}, non-2xx ${intake.non2xx}`);
      if (intake.firstError) log(`  first non-201 body: ${intake.firstError}`);
      if (probeBase) {
        const after = await probeSnapshot(app, probeBase, 2);
        const per = Object.entries(after)
          .map(([sql, s]) => ({
            sql,
            calls: s.calls - (probeBefore[sql]?.calls ?? 0),
            totalMs: s.totalMs - (probeBefore[sql]?.totalMs ?? 0),
          }))
          .filter((s) => s.calls > 0)
          .sort((a, b) => b.calls - a.calls);
        results.probe = { intakes: intake.completed, statements: per };
      }
      const pacedRate = Number(flags['paced-rate']);
      let paced: PacedResult | null = null;
      if (pacedRate > 0) {
        log(`intake at ${pacedRate} req/s offered (open loop)`);
        paced = await runPaced(
          {
            url: app.url,
            sessions,
            categoriesByOrg: categories,
            durationS: DURATION,
            warmupS: 0,
            appPid: app.pid,
            databaseName: name,
            seed: SEED,
            log,
          },
          pacedRate,
        );
        log(`  p50 ${ms(paced.latency.p50)}, p99 ${ms(paced.latency.p99)}, non-2xx ${paced.non2xx}`);
      }
      log(`baseline (raw INSERTs) after`);
      const afterBaseline = await runBaseline({
        databaseUrl: url,
        databaseName: name,
        connections: sessions.length,
        durationS: DURATION,
        appPid: app.pid,
      });
      log(`  ${int(afterBaseline.perSecond)} rows/s, p99 ${ms(afterBaseline.latency.p99)}`);
      results.intake = { sessions: sessions.map((s) => s.email), intake, paced, baselineBefore: before, baselineAfter: afterBaseline };
    }
  } finally {
    await app?.stop();
    if (!flags['keep-db'] && !reuse) await dropDatabase(name).catch((error: unknown) => log(`could not drop ${name}: ${String(error)}`));
    else log(`kept database ${name}`);
  }
  if (flags.json) fs.writeFileSync(flags.json, JSON.stringify(results, null, 2));
  console.log(`\n${report(results)}`);
}

function report(results: Record<string, unknown>): string {
  const out: string[] = [];
  const machine = results.machine as MachineInfo;
  out.push(`## Run of ${machine.date.slice(0, 16).replace('T', ' ')} UTC`);
  out.push(
    `Machine: ${machine.cpu} × ${machine.cores} cores, ${machine.memoryGb} GB RAM, ${machine.kernel}; Node ${machine.node}; ${machine.postgres} ` +
      `(${Object.entries(machine.postgresSettings)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')}); load average at start ${machine.loadAverage.map((l) => l.toFixed(2)).join(' / ')}.`,
  );
  const generated = results.generated as GenerateResult | undefined;
  if (generated) {
    out.push('\n### Data');
    out.push(
      table(
        ['what', 'rows'],
        Object.entries(generated.counts).map(([k, v]) => [k, int(v)]),
      ),
    );
    out.push('');
    out.push(
      table(
        ['status', 'requests'],
        Object.entries(generated.statusCounts).map(([k, v]) => [k, int(v)]),
      ),
    );
    out.push('');
    out.push(
      table(
        ['step', 'time'],
        [...Object.entries(generated.stepsMs).map(([k, v]) => [k, seconds(v)]), ['total', seconds(generated.totalMs)]],
      ),
    );
    out.push(
      `\nSizes: ${Object.entries(generated.sizes)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}.`,
    );
  }
  const queues = results.queues as { reports: QueueReport[]; pk: LatencySummary; baselineHttp: HttpMeasure } | undefined;
  if (queues) {
    out.push(
      `\n### Queues (sequential, ${QUEUE_SAMPLES} samples each after 20 warm-up; load average ${Number(results.loadBeforeQueues).toFixed(2)})`,
    );
    const rows: string[][] = [];
    rows.push([
      'baseline',
      '—',
      'GET /api/me',
      ms(queues.baselineHttp.latency.p50, 2),
      ms(queues.baselineHttp.latency.p95, 2),
      '1.00×',
      '—',
    ]);
    rows.push(['baseline', '—', 'SQL: select * from requests where id = $1', ms(queues.pk.p50, 2), ms(queues.pk.p95, 2), '1.00×', '—']);
    for (const r of queues.reports) {
      const verdict = r.http.latency.p95 < GOALS.queueP95Ms ? 'pass' : 'FAIL';
      rows.push([
        `${r.desk} (${int(r.deskRows)} requests, ${int(r.openRows)} open)`,
        r.view,
        `GET /api/requests?view=${r.view} (total ${r.http.total ?? '?'})`,
        ms(r.http.latency.p50, 2),
        ms(r.http.latency.p95, 2),
        ratio(r.http.latency.p95 / queues.baselineHttp.latency.p95),
        `${verdict} (< ${GOALS.queueP95Ms} ms)`,
      ]);
      for (const s of r.sql) {
        rows.push([
          '',
          r.view,
          `SQL ${s.label}: ${s.explain.shape}`,
          ms(s.latency.p50, 2),
          ms(s.latency.p95, 2),
          ratio(s.latency.p95 / queues.pk.p95),
          `exec ${ms(s.explain.executionMs, 2)}, plan ${ms(s.explain.planningMs, 2)}`,
        ]);
      }
    }
    out.push(table(['desk', 'view', 'what', 'p50', 'p95', 'p95 / baseline', 'goal / EXPLAIN'], rows));
  }
  const intake = results.intake as
    | { sessions: string[]; intake: IntakeResult; paced: PacedResult | null; baselineBefore: BaselineResult; baselineAfter: BaselineResult }
    | undefined;
  if (intake) {
    const i = intake.intake;
    const b1 = intake.baselineBefore;
    const b2 = intake.baselineAfter;
    const base = (b1.perSecond + b2.perSecond) / 2;
    out.push(
      `\n### Intake (${i.connections} connections, ${DURATION} s after ${WARMUP} s warm-up; load average ${Number(results.loadBeforeIntake).toFixed(2)})`,
    );
    const cpu = (c: IntakeResult['cpu']) =>
      `app ${c.appNode.toFixed(2)} · pg ${c.postgresBackends.toFixed(2)} · bench ${c.loadGenerator.toFixed(2)} · machine ${c.machineBusy.toFixed(2)}`;
    out.push(
      table(
        ['what', 'per second', 'p50', 'p95', 'p99', 'max', 'n', 'non-2xx / errors', 'CPU (cores)'],
        [
          [
            'baseline before: INSERT one row (autocommit)',
            int(b1.perSecond),
            ms(b1.latency.p50),
            ms(b1.latency.p95),
            ms(b1.latency.p99),
            ms(b1.latency.max),
            int(b1.rows),
            '0',
            cpu(b1.cpu),
          ],
          [
            'POST /api/requests/intake',
            int(i.perSecond),
            ms(i.latency.p50),
            ms(i.latency.p95),
            ms(i.latency.p99),
            ms(i.latency.max),
            int(i.ok),
            `${i.non2xx} / ${i.errors + i.timeouts}`,
            cpu(i.cpu),
          ],
          ...(intake.paced
            ? [
                [
                  `POST /api/requests/intake, ${int(intake.paced.offeredPerSecond)} req/s offered (open loop)`,
                  int(intake.paced.ok / DURATION),
                  ms(intake.paced.latency.p50),
                  ms(intake.paced.latency.p95),
                  ms(intake.paced.latency.p99),
                  ms(intake.paced.latency.max),
                  int(intake.paced.ok),
                  `${intake.paced.non2xx} / 0`,
                  cpu(intake.paced.cpu),
                ],
              ]
            : []),
          [
            'baseline after: INSERT one row (autocommit)',
            int(b2.perSecond),
            ms(b2.latency.p50),
            ms(b2.latency.p95),
            ms(b2.latency.p99),
            ms(b2.latency.max),
            int(b2.rows),
            '0',
            cpu(b2.cpu),
          ],
        ],
      ),
    );
    const perOp = (c: IntakeResult['cpu'], rate: number) =>
      `app ${((c.appNode * 1000) / rate).toFixed(2)} ms · pg ${((c.postgresBackends * 1000) / rate).toFixed(2)} ms`;
    out.push(
      `\nCPU time per operation: intake ${perOp(i.cpu, i.perSecond)}; raw INSERT ${perOp(b1.cpu, b1.perSecond)} (before), ${perOp(b2.cpu, b2.perSecond)} (after). ` +
        `"machine" is every process on the machine (2 cores = 2.00), other engineers' work included.`,
    );
    // The ceiling the CPU alone sets: what the cores could do if no intake ever waited.
    const cores = os.cpus().length;
    const cpuPerIntakeMs = ((i.cpu.appNode + i.cpu.postgresBackends + i.cpu.loadGenerator) * 1000) / i.perSecond;
    out.push(
      `CPU ceiling: app, PostgreSQL and the load generator spend ${cpuPerIntakeMs.toFixed(2)} ms of CPU per intake, so ${cores} cores ` +
        `could register at most ${int((cores * 1000) / cpuPerIntakeMs)} requests/s with no waiting at all; ` +
        `${GOALS.intakePerSecond} requests/s needs at most ${((cores * 1000) / GOALS.intakePerSecond).toFixed(2)} ms per intake.`,
    );
    out.push('');
    out.push(
      table(
        ['goal', 'measured', 'result'],
        [
          [
            `intake ≥ ${GOALS.intakePerSecond} req/s`,
            `${int(i.perSecond)} req/s = ${ratio(i.perSecond / base, 3)} of raw INSERT (${int(base)} rows/s, mean of before/after)`,
            i.perSecond >= GOALS.intakePerSecond ? 'pass' : 'FAIL',
          ],
          [`intake p99 < ${GOALS.intakeP99Ms} ms`, ms(i.latency.p99), i.latency.p99 < GOALS.intakeP99Ms ? 'pass' : 'FAIL'],
          [
            'intake non-2xx = 0',
            `${i.non2xx} (status codes ${JSON.stringify(i.statusCodes)}; answers that were not a new request: ${i.notCreated})`,
            i.non2xx === 0 && i.errors === 0 && i.notCreated === 0 ? 'pass' : 'FAIL',
          ],
        ],
      ),
    );
  }
  const probe = results.probe as { intakes: number; statements: Array<{ sql: string; calls: number; totalMs: number }> } | undefined;
  if (probe) {
    const total = probe.statements.reduce((a, s) => a + s.calls, 0);
    out.push(
      `\n### Statements the app sent during the measured intake (${int(probe.intakes)} intakes, ${(total / Math.max(1, probe.intakes)).toFixed(1)} per intake)`,
    );
    out.push(
      table(
        ['per intake', 'mean ms', 'statement'],
        probe.statements
          .slice(0, 40)
          .map((s) => [
            (s.calls / Math.max(1, probe.intakes)).toFixed(2),
            (s.totalMs / s.calls).toFixed(2),
            `\`${s.sql.slice(0, 160).replace(/\|/g, '\\|')}\``,
          ]),
      ),
    );
  }
  return out.join('\n');
}

await main();
