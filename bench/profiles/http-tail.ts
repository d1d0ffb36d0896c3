/**
 * What the approvals' p99 is made of: 50 clients approve through the bundled server as in
 * bench/http.ts (4,000 untimed, then 3,000 timed in the same loop), and the slowest 2% are
 * grouped by the 50 ms window they started in. A pause of the server shows as one window
 * holding a whole round of 50; queueing spread thinly shows as many windows.
 * Beside each window: the server's event-loop gaps and GCs at that time (BENCH_TRACE in
 * bench-server.ts), to tell a blocked event loop from requests waiting on their writes.
 * `npx tsx bench/profiles/http-tail.ts` (SERVER_FLAGS='…' for more node flags; TIMED=n approvals
 * timed, default 3,000: a longer run tells a steady state from one lucky window). Also prints the
 * server's peak RSS, sampled every 50 ms, since GC settings trade pauses for memory.
 */
import fs from 'node:fs';
import { ALL_CHECKS, BENCH_PASSWORD, freshFixture, openTaskId, submittedDocuments } from '../lib/fixture';
import { request, signIn, warmThenTimed, type Session } from '../lib/load';
import { rssMb, startServer, stopServer } from '../lib/server-process';
import { percentile } from '../lib/stats';

const [WARM_UP, TIMED, CONCURRENCY] = [4000, Number(process.env.TIMED ?? 3000), 50];
const fixture = await freshFixture();
const docs = await submittedDocuments(fixture, WARM_UP + TIMED);
const targets: { documentId: string; taskId: string }[] = [];
for (const documentId of docs) targets.push({ documentId, taskId: await openTaskId(fixture, documentId) });
fixture.services.database.close();
const traceFile = `${fixture.dir}/trace.json`;
process.env.BENCH_TRACE = traceFile;
const { child, port } = await startServer(fixture.dbFile, fixture.dir, process.env.SERVER_FLAGS?.split(' ').filter(Boolean) ?? []);
try {
  const sessions: Session[] = [];
  for (let c = 0; c < CONCURRENCY; c++) sessions.push(await signIn(port, 'legal', BENCH_PASSWORD));
  const started: [number, number][] = [];
  let timedFrom = 0;
  let peakRss = 0;
  const rssSampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(child.pid!))), 50);
  await warmThenTimed(
    CONCURRENCY,
    WARM_UP,
    TIMED,
    async (c, i) => {
      const start = performance.now();
      const res = await request(port, sessions[c]!, 'POST', '/api/trpc/review.approve', JSON.stringify({ ...targets[i]!, expectedVersion: 2, opinion: '同意', checks: ALL_CHECKS }));
      if (i >= WARM_UP) started.push([performance.timeOrigin + start, performance.now() - start]);
      return res;
    },
    () => (timedFrom = performance.timeOrigin + performance.now()),
  );
  clearInterval(rssSampler);
  const latencies = started.map(([, ms]) => ms);
  const p98 = percentile(latencies, 98);
  const windows = new Map<number, number>();
  for (const [start, ms] of started) if (ms >= p98) windows.set(Math.floor((start - timedFrom) / 50) * 50, (windows.get(Math.floor((start - timedFrom) / 50) * 50) ?? 0) + 1);
  console.log(`p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`);
  console.log(`the slowest 2% started in ${windows.size} windows of 50 ms: ${[...windows].sort((a, b) => a[0] - b[0]).map(([at, n]) => `${at} ms ×${n}`).join(', ')}`);
  await stopServer(child);
  const trace = JSON.parse(fs.readFileSync(traceFile, 'utf8')) as { gaps: [number, number][]; gcs: [number, number, string][] };
  const at = (wall: number) => `${Math.round(wall - timedFrom)}`;
  for (const [window] of [...windows].sort((a, b) => a[0] - b[0])) {
    const [from, to] = [timedFrom + window - 60, timedFrom + window + 110];
    const gaps = trace.gaps.filter(([t, ms]) => t + ms >= from && t <= to).map(([t, ms]) => `${at(t)}+${ms.toFixed(0)}`);
    const gcs = trace.gcs.filter(([t, ms]) => t + ms >= from && t <= to && ms >= 1).map(([t, ms, kind]) => `${kind} ${at(t)}+${ms.toFixed(1)}`);
    console.log(`  window ${window} ms: loop gaps [${gaps.join(', ')}]  GCs ≥ 1 ms [${gcs.join(', ')}]`);
  }
  const timedGaps = trace.gaps.filter(([t]) => t >= timedFrom);
  console.log(`timed run: ${timedGaps.length} loop gaps over 5 ms (${timedGaps.filter(([, ms]) => ms >= 15).length} ≥ 15 ms), ${trace.gcs.filter(([t, , k]) => t >= timedFrom && k === 'major').length} major GCs; server peak RSS ${peakRss} MB`);
} finally {
  await stopServer(child);
  fs.rmSync(fixture.dir, { recursive: true, force: true });
}
