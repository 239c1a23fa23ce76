/**
 * Intake load: consultants signed in through the API register phone / in-person requests with
 * POST /api/requests/intake, one autocannon client (one keep-alive connection) per consultant,
 * for a fixed duration after a warm-up. Baseline: raw single-row INSERTs (autocommit) into a
 * table like `requests` (same columns, CHECKs, defaults and indexes; no foreign keys) through pg
 * at the same concurrency, in the same run.
 */
import http from 'node:http';
import autocannon from 'autocannon';
import pg from 'pg';
import { machineCpu, cpuByPid, cpuSince, pick, processCpuMs, prng, sleep, summarize, type LatencySummary } from './lib.ts';
import { CLASSES, DESCRIPTIONS, SUBJECTS, fullName, phone } from './vocabulary.ts';

/** Makes every run's form keys new, so a reused database never answers with an earlier request. */
const RUN = Date.now().toString(36);

export interface Session {
  email: string;
  userId: string;
  organizationId: string;
  cookie: string;
  csrfToken: string;
}

/** Signs in through the API (POST /api/auth/login) and keeps the cookie and the CSRF token. */
export async function signIn(url: string, email: string, password: string): Promise<Session> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${email} failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { csrfToken: string; user: { id: string }; membership: { organizationId: string } | null };
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('opora_sid='));
  if (!cookie || !body.membership) throw new Error(`sign-in of ${email}: no session cookie or membership`);
  return {
    email,
    userId: body.user.id,
    organizationId: body.membership.organizationId,
    cookie: cookie.split(';')[0]!,
    csrfToken: body.csrfToken,
  };
}

/** A consultant's intake form as the web client would send it: a caller with a phone, sometimes an e-mail. */
export function intakeBody(random: () => number, categoryIds: readonly string[], key: string): string {
  const kind = random() < 0.6 ? 'parent' : 'staff';
  const withEmail = random() < 0.5;
  const body: Record<string, unknown> = {
    channel: pick(random, ['phone', 'phone', 'in_person', 'parent_meeting', 'email'] as const),
    requester: {
      kind,
      name: fullName(random),
      phone: phone(random),
      ...(withEmail ? { email: `caller.${key.toLowerCase()}@mail.example` } : {}),
    },
    subject: pick(random, SUBJECTS),
    categoryId: pick(random, categoryIds),
    idempotencyKey: key,
  };
  if (random() < 0.5) body.description = pick(random, DESCRIPTIONS);
  if (kind === 'parent') body.childClass = pick(random, CLASSES);
  return JSON.stringify(body);
}

export interface CpuWindow {
  /** CPU time per wall second, in cores (1.0 = one core busy). */
  appNode: number;
  postgresBackends: number;
  loadGenerator: number;
  machineBusy: number;
}

export function cpuMeter(appPid: number | null, databaseName: string) {
  const backends = () => cpuByPid((cmd) => cmd.startsWith('postgres: ') && cmd.includes(` ${databaseName} `));
  const start = {
    at: performance.now(),
    app: appPid ? (processCpuMs(appPid) ?? 0) : 0,
    pg: backends(),
    self: process.cpuUsage(),
    machine: machineCpu(),
  };
  return (): CpuWindow => {
    const seconds = (performance.now() - start.at) / 1000;
    const self = process.cpuUsage(start.self);
    const machine = machineCpu();
    return {
      appNode: appPid ? ((processCpuMs(appPid) ?? 0) - start.app) / 1000 / seconds : 0,
      postgresBackends: cpuSince(start.pg, backends()) / 1000 / seconds,
      loadGenerator: (self.user + self.system) / 1e6 / seconds,
      machineBusy: (machine.busyMs - start.machine.busyMs) / 1000 / seconds,
    };
  };
}

export interface IntakeResult {
  connections: number;
  durationS: number;
  completed: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** 201 answers that returned an earlier request (a repeated form key) instead of a new one: must be 0. */
  notCreated: number;
  perSecond: number;
  latency: LatencySummary;
  cpu: CpuWindow;
  firstError: string | null;
}

export interface IntakeOptions {
  url: string;
  sessions: readonly Session[];
  categoriesByOrg: ReadonlyMap<string, readonly string[]>;
  durationS: number;
  warmupS: number;
  appPid: number;
  databaseName: string;
  seed: number;
  /** Called between the warm-up and the measured run (e.g. a probe snapshot). */
  beforeMeasure?: () => Promise<void> | void;
  log: (line: string) => void;
}

/** One autocannon instance per session (one keep-alive connection each), for `durationS`. */
async function cannonade(options: IntakeOptions, durationS: number, tag: string, samples: number[] | null) {
  const statusCodes: Record<string, number> = {};
  let firstError: string | null = null;
  let notCreated = 0;
  const runs = options.sessions.map((session, index) => {
    const random = prng(options.seed * 1000 + index + (tag === 'warm' ? 500 : 0));
    const categories = options.categoriesByOrg.get(session.organizationId) ?? [];
    let n = 0;
    let done!: (result: autocannon.Result) => void;
    let failed!: (error: unknown) => void;
    const finished = new Promise<autocannon.Result>((resolve, reject) => {
      done = resolve;
      failed = reject;
    });
    const options_: autocannon.Options = {
      url: options.url,
      connections: 1,
      duration: durationS,
      timeout: 30,
      requests: [
        {
          method: 'POST',
          path: '/api/requests/intake',
          headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
          setupRequest: (request) => {
            n += 1;
            return { ...request, body: intakeBody(random, categories, `bench-${tag}-${RUN}-${index}-${n}`) };
          },
          onResponse: (status, body) => {
            if (status !== 201 && !firstError) firstError = `${status} ${body.slice(0, 500)}`;
            if (status === 201 && !body.includes('"created":true')) notCreated += 1;
          },
        },
      ],
    };
    const instance = autocannon(options_, (error, result) => (error ? failed(error) : done(result)));
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
      if (samples && statusCode >= 200 && statusCode < 300) samples.push(responseTime);
    });
    return finished;
  });
  const results = await Promise.all(runs);
  return { results, statusCodes, firstError, notCreated };
}

export async function runIntake(options: IntakeOptions): Promise<IntakeResult> {
  if (options.warmupS > 0) {
    options.log(`  warm-up ${options.warmupS} s at ${options.sessions.length} connections`);
    await cannonade(options, options.warmupS, 'warm', null);
  }
  await options.beforeMeasure?.();
  options.log(`  measuring ${options.durationS} s at ${options.sessions.length} connections`);
  const samples: number[] = [];
  const meter = cpuMeter(options.appPid, options.databaseName);
  const started = performance.now();
  const { results, statusCodes, firstError, notCreated } = await cannonade(options, options.durationS, 'run', samples);
  const elapsedS = (performance.now() - started) / 1000;
  const cpu = meter();
  const completed = results.reduce((sum, r) => sum + r.requests.total, 0);
  const non2xx = results.reduce((sum, r) => sum + r.non2xx, 0);
  return {
    connections: options.sessions.length,
    durationS: elapsedS,
    completed,
    ok: completed - non2xx,
    non2xx,
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    timeouts: results.reduce((sum, r) => sum + r.timeouts, 0),
    statusCodes,
    notCreated,
    perSecond: (completed - non2xx) / elapsedS,
    latency: summarize(samples),
    cpu,
    firstError,
  };
}

// ---- baseline: raw single-row INSERTs ----

export interface BaselineResult {
  connections: number;
  durationS: number;
  rows: number;
  perSecond: number;
  latency: LatencySummary;
  cpu: CpuWindow;
}

const SKIP = new Set(['id', 'number', 'sequence', 'idempotency_key', 'source_message_id']);

/**
 * `connections` clients each INSERT one row per statement (autocommit: one durable commit per
 * row) into bench_baseline for `durationS`. Rows are copies of recent requests (same width) with
 * unique numbers.
 */
export async function runBaseline(options: {
  databaseUrl: string;
  databaseName: string;
  connections: number;
  durationS: number;
  appPid: number | null;
}): Promise<BaselineResult> {
  const setup = new pg.Client({ connectionString: options.databaseUrl });
  await setup.connect();
  let columns: string[];
  let templates: unknown[][];
  try {
    await setup.query(
      'create table if not exists bench_baseline (like requests including defaults including constraints including indexes)',
    );
    await setup.query('truncate bench_baseline');
    columns = (
      await setup.query<{ column_name: string }>(
        `select column_name from information_schema.columns where table_name = 'requests' and table_schema = 'public' order by ordinal_position`,
      )
    ).rows
      .map((r) => r.column_name)
      .filter((c) => !SKIP.has(c));
    const sample = await setup.query({
      text: `select ${columns.join(', ')} from requests order by registered_at desc limit 500`,
      rowMode: 'array',
    });
    templates = sample.rows as unknown[][];
  } finally {
    await setup.end();
  }
  const text = `insert into bench_baseline (number, sequence, ${columns.join(', ')}) values (${['$1', '$2', ...columns.map((_, i) => `$${i + 3}`)].join(', ')})`;
  const clients = await Promise.all(
    Array.from({ length: options.connections }, async () => {
      const client = new pg.Client({ connectionString: options.databaseUrl, application_name: 'opora-bench-baseline' });
      await client.connect();
      return client;
    }),
  );
  const samples: number[] = [];
  const meter = cpuMeter(options.appPid, options.databaseName);
  const started = performance.now();
  const deadline = started + options.durationS * 1000;
  try {
    await Promise.all(
      clients.map(async (client, worker) => {
        for (let i = 1; performance.now() < deadline; i += 1) {
          const template = templates[i % templates.length]!;
          const t0 = performance.now();
          await client.query({ text, values: [`B${worker}-${i}`, worker * 10_000_000 + i, ...template], name: 'bench_baseline_insert' });
          samples.push(performance.now() - t0);
        }
      }),
    );
  } catch (error) {
    await Promise.all(clients.map((c) => c.end()));
    throw error;
  }
  // read the CPU counters while the backends still exist
  const elapsedS = (performance.now() - started) / 1000;
  const cpu = meter();
  await Promise.all(clients.map((c) => c.end()));
  return {
    connections: options.connections,
    durationS: elapsedS,
    rows: samples.length,
    perSecond: samples.length / elapsedS,
    latency: summarize(samples),
    cpu,
  };
}

// ---- open loop: a fixed offered rate ----

export interface PacedResult {
  offeredPerSecond: number;
  sent: number;
  ok: number;
  non2xx: number;
  latency: LatencySummary;
  cpu: CpuWindow;
}

/**
 * Offers `rate` intakes per second for `durationS`, evenly spaced, round-robin over the sessions
 * (one keep-alive connection each; a request waits for its session's previous one). Latency is
 * counted from the scheduled send time, so waiting behind a slow response is included.
 */
export async function runPaced(options: IntakeOptions, rate: number): Promise<PacedResult> {
  const agents = options.sessions.map(() => new http.Agent({ keepAlive: true, maxSockets: 1 }));
  const randoms = options.sessions.map((_, index) => prng(options.seed * 7919 + index));
  const samples: number[] = [];
  let ok = 0;
  let non2xx = 0;
  const inflight: Promise<void>[] = [];
  const meter = cpuMeter(options.appPid, options.databaseName);
  const started = performance.now();
  const total = Math.round(rate * options.durationS);
  const target = new URL('/api/requests/intake', options.url);
  for (let n = 0; n < total; n += 1) {
    const at = started + (n * 1000) / rate;
    const wait = at - performance.now();
    if (wait > 1) await sleep(wait);
    const index = n % options.sessions.length;
    const session = options.sessions[index]!;
    const body = intakeBody(randoms[index]!, options.categoriesByOrg.get(session.organizationId) ?? [], `bench-paced-${RUN}-${index}-${n}`);
    inflight.push(
      new Promise<void>((resolve) => {
        const request = http.request(
          target,
          {
            method: 'POST',
            agent: agents[index],
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
              cookie: session.cookie,
              'x-csrf-token': session.csrfToken,
            },
          },
          (response) => {
            response.resume();
            response.on('end', () => {
              if (response.statusCode === 201) {
                ok += 1;
                samples.push(performance.now() - at);
              } else non2xx += 1;
              resolve();
            });
          },
        );
        request.on('error', () => {
          non2xx += 1;
          resolve();
        });
        request.end(body);
      }),
    );
  }
  await Promise.all(inflight);
  const cpu = meter();
  for (const agent of agents) agent.destroy();
  return { offeredPerSecond: total / ((performance.now() - started) / 1000), sent: total, ok, non2xx, latency: summarize(samples), cpu };
}
