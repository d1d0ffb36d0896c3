import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Bench, BenchResult, Figure } from './lib/figures';

/**
 * `npm run bench [-- --quick] [selectors...]`: runs the named benchmarks (all when none),
 * writes bench/results/<name>.json and prints one table of figure, baseline, ratio, target.
 */
const BENCHES: Record<string, () => Promise<Bench>> = {
  transitions: async () => (await import('./transitions')).transitionsBench,
  peer: async () => (await import('./peer-engine')).peerEngineBench,
  http: async () => (await import('./http')).httpBench,
  client: async () => (await import('./client')).clientBench,
  scale: async () => (await import('./scale')).scaleBench,
  soak: async () => (await import('./soak')).soakBench,
};
/** Run only when named: `npm run bench -- soak` (SOAK_APPROVALS sets its length). */
const ON_DEMAND = new Set(['soak']);

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const selected = args.filter((a) => !a.startsWith('--'));
const unknown = selected.filter((s) => !(s in BENCHES));
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
const names = selected.length ? selected : Object.keys(BENCHES).filter((name) => !ON_DEMAND.has(name));
// From the working directory (npm runs this at the project's root): this file runs bundled, from bench/results/harness/.
const resultsDir = path.resolve('bench', 'results');
fs.mkdirSync(resultsDir, { recursive: true });

function fmt(n: number | undefined, unit = ''): string {
  if (n === undefined || Number.isNaN(n)) return '';
  const s = Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2);
  return unit ? `${s} ${unit}` : s;
}

function table(rows: { bench: string; f: Figure }[]): string {
  const header = ['bench', 'figure', 'value', 'baseline', 'ratio', 'target', 'result'];
  const lines = rows.map(({ bench, f }) => [
    bench,
    f.figure,
    fmt(f.value, f.unit),
    f.baseline ? `${f.baseline.name}: ${fmt(f.baseline.value, f.unit)}` : '',
    f.ratio === undefined ? '' : `${fmt(f.ratio)}×`,
    f.target ?? '',
    f.pass === null ? '' : f.pass ? 'pass' : 'MISS',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [row(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(row)].join('\n');
}

const all: { bench: string; f: Figure }[] = [];
let failed = false;
const started = Date.now();
for (const name of names) {
  const bench = await BENCHES[name]!();
  const notes: string[] = [];
  const details: Record<string, unknown> = {};
  const t0 = Date.now();
  console.error(`▶ ${name}${quick ? ' (quick)' : ''} — load average ${os.loadavg()[0]!.toFixed(2)} on ${os.cpus().length} cores`);
  try {
    const figures = await bench({ quick, note: (t) => notes.push(t), detail: (k, v) => (details[k] = v) });
    const result: BenchResult = {
      name, quick, startedAt: new Date(t0).toISOString(), durationMs: Date.now() - t0,
      load: { loadavg1: os.loadavg()[0]!, cpus: os.cpus().length }, notes, figures, details,
    };
    fs.writeFileSync(path.join(resultsDir, `${name}${quick ? '.quick' : ''}.json`), `${JSON.stringify(result, null, 2)}\n`);
    for (const f of figures) all.push({ bench: name, f });
    console.error(`  done in ${((Date.now() - t0) / 1000).toFixed(1)} s${notes.length ? `\n  ${notes.join('\n  ')}` : ''}`);
  } catch (error) {
    failed = true;
    console.error(`  ${name} failed:`, error);
  }
}
console.log(table(all));
console.log(`\n${names.length} benchmark(s) in ${((Date.now() - started) / 1000).toFixed(1)} s; load average now ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
process.exit(failed ? 1 : 0);
