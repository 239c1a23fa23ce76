/**
 * Benchmark of the working-time engine (src/domain/working-time) against naive loops.
 * Run: node bench/working-time.bench.ts   (writes docs/bench/working-time.md)
 *
 * - addWorkingDays: random dates 2018–2027, n = 1..30; target ≥ 1,000,000 ops/s.
 *   Naive baselines: a day-by-day loop over `Date` objects with `Set<string>` lookups, and a
 *   day-by-day loop over the engine's O(1) `isWorkingDay`.
 * - addBusinessTime: random instants 2018–2027, durations up to 45 h (5 days of 9 h); target
 *   ≥ 300,000 ops/s. Naive baseline: minute stepping with the engine's O(1) day lookups.
 * Inputs come from a seeded generator, so every run measures the same work; results of the fast and
 * naive versions are compared on a sample before timing.
 */
import { writeFileSync } from 'node:fs';
import { cpus, platform, arch, totalmem } from 'node:os';
import { join } from 'node:path';
import * as prettier from 'prettier';
import {
  DAY_MS,
  MINUTE_MS,
  SHIPPED_RU_CALENDARS,
  computeDeadline,
  createBusinessClock,
  createWorkCalendar,
  dayFromCivil,
  formatIsoDate,
  isoWeekday,
  yearsFromFiles,
} from '../src/domain/working-time/index.ts';

const calendar = createWorkCalendar({ years: yearsFromFiles(SHIPPED_RU_CALENDARS, 'five_day'), weekKind: 'five_day' });
const clock = createBusinessClock({ calendar });
const FIRST = dayFromCivil(2018, 1, 1);
const LAST = dayFromCivil(2027, 12, 31);
const SIZE = 1 << 16;

let seed = 20_260_101;
function random(): number {
  seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0;
  return seed / 2 ** 32;
}
const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
const days = Int32Array.from({ length: SIZE }, () => int(FIRST, LAST));
const counts = Int32Array.from({ length: SIZE }, () => int(1, 30));
const dayStrings = Array.from(days, formatIsoDate);
const instants = Float64Array.from({ length: SIZE }, () => int(FIRST * DAY_MS, (LAST + 1) * DAY_MS - 1));
const durations = Float64Array.from({ length: SIZE }, () => int(1, 45 * 60) * MINUTE_MS);

// Naive 1: Date objects and string sets, as code without a precomputed calendar would do.
const off = new Set<string>(SHIPPED_RU_CALENDARS.flatMap((f) => f.week5.holidays));
const worked = new Set<string>(SHIPPED_RU_CALENDARS.flatMap((f) => f.week5.workingWeekends));
function naiveDateAddWorkingDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  for (let left = n; left > 0;) {
    d.setUTCDate(d.getUTCDate() + 1);
    const key = d.toISOString().slice(0, 10);
    const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6;
    if (worked.has(key) || (!weekend && !off.has(key))) left--;
  }
  return d.toISOString().slice(0, 10);
}
// Naive 2: day-by-day over the engine's O(1) lookup.
function naiveLoopAddWorkingDays(day: number, n: number): number {
  let d = day;
  for (let left = n; left > 0;) if (calendar.isWorkingDay(++d)) left--;
  return d;
}
// Naive 3: minute stepping, Moscow = UTC+3, 9:00–18:00 on working days (17:00 on short days).
function naiveAddBusinessTime(start: number, duration: number): number {
  let t = Math.ceil(start / MINUTE_MS) * MINUTE_MS;
  let left = Math.round(duration / MINUTE_MS);
  let day = Number.NaN;
  let open = 0;
  let close = 0;
  for (; left > 0; t += MINUTE_MS) {
    const local = t + 3 * 3_600_000;
    const today = Math.floor(local / DAY_MS);
    if (today !== day) {
      day = today;
      const working = calendar.isWorkingDay(day);
      open = working ? 9 * 60 : 0;
      close = working ? (calendar.isShortDay(day) ? 17 : 18) * 60 : 0;
    }
    const minute = Math.floor((local - day * DAY_MS) / MINUTE_MS);
    if (minute >= open && minute < close) left--;
  }
  return t;
}

function check(): void {
  for (let i = 0; i < 2000; i++) {
    const fast = calendar.addWorkingDays(days[i] ?? 0, counts[i] ?? 1);
    if (naiveLoopAddWorkingDays(days[i] ?? 0, counts[i] ?? 1) !== fast) throw new Error(`loop mismatch at ${i}`);
    if (naiveDateAddWorkingDays(dayStrings[i] ?? '', counts[i] ?? 1) !== formatIsoDate(fast)) throw new Error(`Date mismatch at ${i}`);
  }
  for (let i = 0; i < 200; i++) {
    const start = Math.ceil((instants[i] ?? 0) / MINUTE_MS) * MINUTE_MS;
    if (naiveAddBusinessTime(start, durations[i] ?? 0) !== clock.addBusinessTime(start, durations[i] ?? 0)) {
      throw new Error(`business-time mismatch at ${i}`);
    }
  }
  if (isoWeekday(FIRST) !== 1) throw new Error('2018-01-01 is a Monday');
}

let sink = 0;
/** Median ops/s over `rounds` rounds of at least `minMs` each. */
function measure(op: (i: number) => number, minMs: number, rounds = 5): number {
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let ops = 0;
    const t0 = performance.now();
    let elapsed = 0;
    while (elapsed < minMs) {
      for (let k = 0; k < 256; k++, ops++) sink += op(ops & (SIZE - 1));
      elapsed = performance.now() - t0;
    }
    rates.push((ops / elapsed) * 1000);
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)] ?? 0;
}

check();
const rows: Array<[string, string, number, number | undefined]> = [];
const add = (group: string, name: string, rate: number, target?: number): void => {
  rows.push([group, name, rate, target]);
};
const wd = measure((i) => calendar.addWorkingDays(days[i] ?? 0, counts[i] ?? 1), 300);
add('addWorkingDays', 'engine, day numbers', wd, 1_000_000);
add(
  'addWorkingDays',
  'engine, YYYY-MM-DD strings',
  measure((i) => calendar.addWorkingDays(dayStrings[i] ?? '', counts[i] ?? 1).length, 300),
);
add(
  'addWorkingDays',
  'naive: day loop over isWorkingDay',
  measure((i) => naiveLoopAddWorkingDays(days[i] ?? 0, counts[i] ?? 1), 300),
);
add(
  'addWorkingDays',
  'naive: Date + Set<string> day loop',
  measure((i) => naiveDateAddWorkingDays(dayStrings[i] ?? '', counts[i] ?? 1).length, 300),
);
const bt = measure((i) => clock.addBusinessTime(instants[i] ?? 0, durations[i] ?? 0), 300);
add('addBusinessTime', 'engine (≤ 45 h)', bt, 300_000);
const term = { amount: 0, unit: 'business_hours' as const };
add(
  'addBusinessTime',
  'engine, computeDeadline business_hours',
  measure((i) => computeDeadline(instants[i] ?? 0, { ...term, amount: (durations[i] ?? 0) / 3_600_000 }, { clock }), 300),
);
add(
  'addBusinessTime',
  'engine, businessTimeBetween',
  measure((i) => clock.businessTimeBetween(instants[i] ?? 0, (instants[i] ?? 0) + 7 * DAY_MS), 300),
);
add(
  'addBusinessTime',
  'naive: minute stepping',
  measure((i) => naiveAddBusinessTime(instants[i] ?? 0, durations[i] ?? 0), 300, 3),
);

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const lines: string[] = ['| Operation | Implementation | ops/s | × naive (slowest) | Target |', '|---|---|---:|---:|---|'];
for (const [group, name, rate, target] of rows) {
  const slowest = Math.min(...rows.filter((r) => r[0] === group).map((r) => r[2]));
  const verdict = target === undefined ? '' : `≥ ${fmt(target)} ${rate >= target ? '✔' : '✘'}`;
  lines.push(`| ${group} | ${name} | ${fmt(rate)} | ${(rate / slowest).toFixed(1)} | ${verdict} |`);
}
const cpu = cpus();
const machine = `Node ${process.version}, ${platform()} ${arch()}, ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM`;
const table = lines.join('\n');
console.log(`${machine}\n\n${table}\n(sink ${sink > 0 ? 'ok' : '0'})`);

const doc = `# Working-time engine benchmark

Generated by \`node bench/working-time.bench.ts\` (\`npm run bench:calendar\`) on ${new Date().toISOString().slice(0, 10)}.

**Machine:** ${machine}.

Inputs: ${SIZE.toLocaleString('en-US')} pseudo-random cases from a fixed seed — dates 2018–2027 with n = 1..30 working
days; instants 2018–2027 with durations of 1 minute to 45 hours of business time (Mon–Fri 9:00–18:00
Europe/Moscow, shipped production calendar). Each figure is the median of 5 rounds (3 for minute stepping) of at least
300 ms. Before timing, the fast and naive versions are checked to give identical results on a sample.

${table}

"× naive" divides by the slowest implementation of the same operation. The engine answers \`addWorkingDays\` with two
array reads (prefix count of working days + list of working days) and \`addBusinessTime\` with two binary searches over
the precomputed opening windows of whole years (UTC instants with a running total of business time).
`;
const target = join(import.meta.dirname, '../docs/bench/working-time.md');
writeFileSync(target, await prettier.format(doc, { ...(await prettier.resolveConfig(target)), parser: 'markdown' }));
