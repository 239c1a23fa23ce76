/**
 * A client-side pg_stat_statements for the bench server (loaded with `node --import`): counts every
 * statement the app sends through `pg` and the time until its answer, by SQL text. On SIGUSR2 it
 * writes a cumulative snapshot to `${BENCH_PROBE_OUT}.<n>.json`; the runner diffs two snapshots
 * around the measured run. Not used unless the runner asks for it (--probe).
 */
import fs from 'node:fs';
import pg from 'pg';

interface Stat {
  calls: number;
  totalMs: number;
}

const stats = new Map<string, Stat>();
const out = process.env.BENCH_PROBE_OUT;
let snapshots = 0;

type QueryFn = (...args: unknown[]) => unknown;
const proto = pg.Client.prototype as unknown as { query: QueryFn };
const original = proto.query;

function textOf(arg: unknown): string {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object' && 'text' in arg) return String((arg as { text: unknown }).text);
  return '?';
}

proto.query = function probedQuery(this: unknown, ...args: unknown[]) {
  const text = textOf(args[0]).replace(/\s+/g, ' ').trim();
  const started = performance.now();
  const result = original.apply(this, args);
  const record = () => {
    const stat = stats.get(text) ?? { calls: 0, totalMs: 0 };
    stat.calls += 1;
    stat.totalMs += performance.now() - started;
    stats.set(text, stat);
  };
  if (result && typeof (result as Promise<unknown>).then === 'function') (result as Promise<unknown>).then(record, record);
  else record();
  return result;
};

function snapshot(): void {
  if (!out) return;
  snapshots += 1;
  fs.writeFileSync(`${out}.${snapshots}.json`, JSON.stringify(Object.fromEntries(stats)));
}

process.on('SIGUSR2', snapshot);
