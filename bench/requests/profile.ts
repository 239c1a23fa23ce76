/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time by package / source file and
 * the top functions, so "where does the app's CPU go per intake" fits in a table.
 *
 *   node bench/requests/profile.ts FILE.cpuprofile [top=25]
 */
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  totalMs: number;
  idleMs: number;
  byArea: Array<{ area: string; ms: number; share: number }>;
  topFunctions: Array<{ fn: string; where: string; ms: number; share: number }>;
}

/** node_modules/<pkg>, src/<dir>, node:internal, (gc), (program), (idle). */
function areaOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return pkg[1]!;
  const src = /\/(src\/[^/]+\/(?:[^/]+\/)?)/.exec(url);
  if (src) return src[1]!;
  if (url.startsWith('node:')) return url.split('/')[0]!.replace(/:.*/, ':') + url.replace(/^node:(internal\/)?/, '').split('/')[0];
  return url.split('/').slice(-2).join('/');
}

export function summarizeProfile(file: string, top = 25): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i += 1) {
    const id = profile.samples[i]!;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  let total = 0;
  let idle = 0;
  const areas = new Map<string, number>();
  const functions = new Map<string, { fn: string; where: string; ms: number }>();
  for (const [id, ms] of self) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') {
      idle += ms;
      continue;
    }
    total += ms;
    const area = areaOf(url, functionName);
    areas.set(area, (areas.get(area) ?? 0) + ms);
    const where = url ? `${url.replace(/^.*\/(node_modules|src)\//, '$1/')}:${lineNumber + 1}` : '';
    const key = `${functionName}@${where}`;
    const entry = functions.get(key) ?? { fn: functionName || '(anonymous)', where, ms: 0 };
    entry.ms += ms;
    functions.set(key, entry);
  }
  return {
    totalMs: total,
    idleMs: idle,
    byArea: [...areas.entries()].map(([area, ms]) => ({ area, ms, share: ms / total })).sort((a, b) => b.ms - a.ms),
    topFunctions: [...functions.values()]
      .map((f) => ({ ...f, share: f.ms / total }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top),
  };
}

if (import.meta.main) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: node bench/requests/profile.ts FILE.cpuprofile [top]');
  const summary = summarizeProfile(file, Number(process.argv[3] ?? 25));
  console.log(`busy ${summary.totalMs.toFixed(0)} ms, idle ${summary.idleMs.toFixed(0)} ms`);
  for (const a of summary.byArea.slice(0, 30))
    console.log(`${(a.share * 100).toFixed(1).padStart(5)} %  ${a.ms.toFixed(0).padStart(7)} ms  ${a.area}`);
  console.log('');
  for (const f of summary.topFunctions)
    console.log(`${(f.share * 100).toFixed(1).padStart(5)} %  ${f.ms.toFixed(0).padStart(7)} ms  ${f.fn}  ${f.where}`);
}
