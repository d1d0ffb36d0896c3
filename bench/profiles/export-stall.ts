/**
 * How long the catalog and audit-log exports hold the event loop: each export is written into
 * a sink that takes its chunks as a socket would (a turn of the event loop each, 64 KB
 * buffered), while a 1 ms interval measures the gaps between its ticks.
 * `node --import tsx bench/profiles/export-stall.ts <shenfa.db>` (a generated database:
 * `npm run shenfa -- seed-scale --docs 100000`).
 */
import path from 'node:path';
import { Writable } from 'node:stream';
import { openFixture } from '../lib/fixture';
import { percentile } from '../lib/stats';
import { exportCatalog } from '../../server/services/catalog-export-service';
import { exportAuditLog } from '../../server/services/audit-export-service';

const file = process.argv[2];
if (!file) throw new Error('usage: export-stall.ts <shenfa.db>');
const fixture = await openFixture(path.resolve(file), { keep: true });
const socketLike = () => new Writable({ highWaterMark: 64 * 1024, write: (_chunk, _encoding, done) => setImmediate(done) });
const exports = { 'catalog csv': () => exportCatalog(fixture.services, 'csv', socketLike()), 'audit log csv': () => exportAuditLog(fixture.services, 'csv', socketLike()) };
for (const [name, run] of Object.entries(exports)) {
  const gaps: number[] = [];
  let last = performance.now();
  const ticks = setInterval(() => {
    const now = performance.now();
    gaps.push(now - last);
    last = now;
  }, 1);
  const start = performance.now();
  await run();
  clearInterval(ticks);
  const f = (n: number) => n.toFixed(1);
  console.log(`${name.padEnd(14)} ${Math.round(performance.now() - start)} ms; event loop gaps p50 ${f(percentile(gaps, 50))} ms, p99 ${f(percentile(gaps, 99))} ms, max ${f(Math.max(...gaps))} ms`);
}
fixture.close();
