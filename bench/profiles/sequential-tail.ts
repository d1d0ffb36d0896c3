// What the one-at-a-time tail is made of: documents taken through review one step at a time in
// process, and for the warm steps (after the first 50 documents) the distribution, the steps over
// 2 ms with the slowest statement of each, and the GC events that overlap them:
// [DOCS=300] npx tsx bench/profiles/sequential-tail.ts
import { PerformanceObserver } from 'node:perf_hooks';
import type { LocalClient } from '../../server/db/local-client';
import { freshFixture, reviewToPublication, submittedDocuments } from '../lib/fixture';
import { probeStatements } from '../lib/statement-probe';

const WARM_UP_DOCS = 50;
const f = await freshFixture();
const docs = await submittedDocuments(f, Number(process.env.DOCS ?? 300));
const gcs: { start: number; end: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcs.push({ start: e.startTime, end: e.startTime + e.duration });
}).observe({ entryTypes: ['gc'] });
const steps: { step: string; t0: number; ms: number; slowest: { sql: string; ms: number } }[] = [];
let slowest = { sql: '', ms: 0 };
probeStatements(f.services.database.client as LocalClient, (sql, micros) => {
  if (micros / 1000 > slowest.ms) slowest = { sql: sql.replace(/\s+/g, ' ').trim().slice(0, 60), ms: micros / 1000 };
});
for (const id of docs) {
  await reviewToPublication(f, id, async ({ step }, approve) => {
    slowest = { sql: '', ms: 0 };
    const t0 = performance.now();
    const result = await approve();
    steps.push({ step, t0, ms: performance.now() - t0, slowest });
    return result;
  });
}
await new Promise((resolve) => setTimeout(resolve, 100));
const warm = steps.slice(WARM_UP_DOCS * 5);
const total = warm.reduce((sum, s) => sum + s.ms, 0);
const sorted = warm.map((s) => s.ms).sort((a, b) => a - b);
const q = (p: number) => sorted[Math.floor(p * sorted.length)]!.toFixed(2);
console.log(`${warm.length} warm steps: mean ${(total / warm.length).toFixed(2)} ms, p50 ${q(0.5)}, p90 ${q(0.9)}, p95 ${q(0.95)}, p99 ${q(0.99)}, max ${sorted.at(-1)!.toFixed(1)}`);
const gcInside = (s: (typeof warm)[number]) => gcs.filter((g) => g.start < s.t0 + s.ms && g.end > s.t0).reduce((sum, g) => sum + (g.end - g.start), 0);
const slow = warm.filter((s) => s.ms > 2);
console.log(`steps over 2 ms: ${slow.length}, ${slow.reduce((sum, s) => sum + s.ms, 0).toFixed(0)} of ${total.toFixed(0)} ms; overlapping a GC: ${slow.filter((s) => gcInside(s) > 0).length} (${slow.reduce((sum, s) => sum + gcInside(s), 0).toFixed(0)} ms of GC)`);
const bySlowest = new Map<string, { n: number; statementMs: number; stepMs: number }>();
for (const s of slow) {
  const entry = bySlowest.get(s.slowest.sql) ?? { n: 0, statementMs: 0, stepMs: 0 };
  entry.n++;
  entry.statementMs += s.slowest.ms;
  entry.stepMs += s.ms;
  bySlowest.set(s.slowest.sql, entry);
}
for (const [sql, e] of [...bySlowest].sort((a, b) => b[1].stepMs - a[1].stepMs)) console.log(`  ${String(e.n).padStart(3)} steps (${e.stepMs.toFixed(1)} ms), slowest statement ${sql} (${e.statementMs.toFixed(1)} ms in all)`);
f.close();
