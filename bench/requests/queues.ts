/**
 * The workspace queues at full size: GET /api/requests?view=overdue|mine through the API with a
 * consultant's session (sequential, keep-alive), and the SQL the repository generates for them
 * (captured from Kysely's query log while calling requests.repository.ts listQueue/countQueue),
 * timed on its own and explained (EXPLAIN ANALYZE, BUFFERS). Baselines in the same run: a
 * primary-key SELECT on requests, and GET /api/me (session lookup + JSON) through the API.
 */
import http from 'node:http';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from '../../src/server/db/schema.ts';
import { countQueue, listQueue, type QueueFilter, type QueueView } from '../../src/server/modules/requests/requests.repository.ts';
import { summarize, type LatencySummary } from './lib.ts';
import type { Session } from './intake.ts';

export interface CapturedQuery {
  sql: string;
  parameters: readonly unknown[];
}

/** The statements listQueue + countQueue send for a view, exactly as the service calls them. */
export async function captureQueueSql(databaseUrl: string, filter: QueueFilter): Promise<CapturedQuery[]> {
  const captured: CapturedQuery[] = [];
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
    log: (event) => {
      if (event.level === 'query') captured.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  try {
    // request-queries.service.ts listQueue: sort 'due' for every view but 'all', limit 25, offset 0
    await listQueue(db, filter, 'due', 25, 0);
    await countQueue(db, filter);
  } finally {
    await db.destroy();
  }
  return captured;
}

export function queueFilter(organizationId: string, userId: string, view: QueueView, now: Date): QueueFilter {
  return { organizationId, view, userId, now, number: null };
}

export interface HttpMeasure {
  latency: LatencySummary;
  total: number | null;
  bytes: number;
  statuses: Record<string, number>;
}

function get(agent: http.Agent, url: string, cookie: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers: { cookie, accept: 'application/json' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/** `n` sequential GETs (after `warm` unmeasured ones) on one keep-alive connection. */
export async function measureHttp(baseUrl: string, session: Session, path: string, n: number, warm: number): Promise<HttpMeasure> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const samples: number[] = [];
  const statuses: Record<string, number> = {};
  let total: number | null = null;
  let bytes = 0;
  try {
    for (let i = 0; i < warm + n; i += 1) {
      const t0 = performance.now();
      const response = await get(agent, `${baseUrl}${path}`, session.cookie);
      const elapsed = performance.now() - t0;
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${response.body.slice(0, 300)}`);
      if (i >= warm) samples.push(elapsed);
      if (i === 0) {
        const parsed = JSON.parse(response.body) as { total?: number };
        total = typeof parsed.total === 'number' ? parsed.total : null;
        bytes = response.body.length;
      }
    }
  } finally {
    agent.destroy();
  }
  return { latency: summarize(samples), total, bytes, statuses };
}

/** `n` sequential executions (after `warm`) of one statement with its parameters, as the app's pg sends it. */
export async function measureSql(
  client: pg.Client,
  query: CapturedQuery | ((i: number) => CapturedQuery),
  n: number,
  warm: number,
): Promise<LatencySummary> {
  const samples: number[] = [];
  for (let i = 0; i < warm + n; i += 1) {
    const q = typeof query === 'function' ? query(i) : query;
    const t0 = performance.now();
    await client.query(q.sql, q.parameters as unknown[]);
    if (i >= warm) samples.push(performance.now() - t0);
  }
  return summarize(samples);
}

export interface ExplainSummary {
  planningMs: number;
  executionMs: number;
  rows: number;
  sharedHit: number;
  sharedRead: number;
  /** The plan's nodes, outermost first: "Limit > Incremental Sort > Index Scan using requests_open_due_idx". */
  shape: string;
  text: string;
}

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}

function shapeOf(node: PlanNode): string {
  const name = `${node['Node Type']}${node['Index Name'] ? ` using ${node['Index Name']}` : node['Relation Name'] ? ` on ${node['Relation Name']}` : ''} (${node['Actual Rows'] ?? '?'} rows)`;
  const children = (node.Plans ?? []).map(shapeOf);
  if (children.length === 0) return name;
  if (children.length === 1) return `${name} > ${children[0]}`;
  return `${name} > [${children.join(' ; ')}]`;
}

export async function explain(client: pg.Client, query: CapturedQuery): Promise<ExplainSummary> {
  const json = await client.query(`explain (analyze, buffers, format json) ${query.sql}`, query.parameters as unknown[]);
  const plan = (json.rows[0]['QUERY PLAN'] as Array<{ Plan: PlanNode; 'Planning Time': number; 'Execution Time': number }>)[0]!;
  const text = await client.query(
    `explain (analyze, buffers, costs off, timing off, summary on) ${query.sql}`,
    query.parameters as unknown[],
  );
  return {
    planningMs: plan['Planning Time'],
    executionMs: plan['Execution Time'],
    rows: plan.Plan['Actual Rows'] ?? 0,
    sharedHit: plan.Plan['Shared Hit Blocks'] ?? 0,
    sharedRead: plan.Plan['Shared Read Blocks'] ?? 0,
    shape: shapeOf(plan.Plan),
    text: text.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'),
  };
}

/** Inlines the parameters for a readable, copy-pasteable statement in the report. */
export function inlineSql(query: CapturedQuery): string {
  return query.sql.replace(/\$(\d+)/g, (_, index: string) => {
    const value = query.parameters[Number(index) - 1];
    if (value instanceof Date) return `'${value.toISOString()}'`;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (value === null || value === undefined) return 'null';
    return `'${String(value).replace(/'/g, "''")}'`;
  });
}
