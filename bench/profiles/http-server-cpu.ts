// CPU the real server process spends per request over loopback (bench/lib/bench-server.ts in a
// child process, its /proc utime+stime before and after each run divided by the calls), for
// /healthz, the signed-in no-op tRPC query and review.approve, from `concurrency` keep-alive
// clients. Unlike http-cpu.ts (app.request in process, which always builds a full Request) this
// counts what @hono/node-server, the sockets and the log really cost, and not the load
// generator's own CPU, so two runs on a busy machine still compare.
// LOG_LEVEL=info npx tsx bench/profiles/http-server-cpu.ts [approvals] [concurrency]
// (BENCH_CPU_PROF=1 writes the server's .cpuprofile to bench/results/profiles/; ONLY=approve or
// ONLY=me runs that call alone, for a profile of it; HIST=1 prints each run's latency percentiles;
// THREADS=1 each server thread's CPU per call; CHUNKS=k the timed approvals as k runs in a row)
import fs from 'node:fs';
import path from 'node:path';
import { ALL_CHECKS, BENCH_PASSWORD, freshFixture, openTaskId, submittedDocuments } from '../lib/fixture';
import { closedLoop, request, signIn, type Session } from '../lib/load';
import { mainThreadCpuMicros, rssMb, threadCpuMicros, serverCpuMicros, startServer, stopServer } from '../lib/server-process';
import { percentile, summary } from '../lib/stats';

const approvals = Number(process.argv[2] ?? 2000);
const concurrency = Number(process.argv[3] ?? 50);
const calls = 4000;

const fixture = await freshFixture();
const docs = await submittedDocuments(fixture, approvals);
const targets: { documentId: string; taskId: string }[] = [];
for (const documentId of docs) targets.push({ documentId, taskId: await openTaskId(fixture, documentId) });
fixture.services.database.close();
const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve('bench/results/profiles')}`] : [];
// SERVER_FLAGS='--max-semi-space-size=16': more node flags for the server (after the product's, so they win).
profile.push(...(process.env.SERVER_FLAGS?.split(' ').filter(Boolean) ?? []));
// SERVERS=2: two server processes on the one file, client c talking to server c % 2 (CPU summed).
const servers = await Promise.all(Array.from({ length: Number(process.env.SERVERS ?? 1) }, () => startServer(fixture.dbFile, fixture.dir, profile)));
try {
  const portOf = (c: number) => servers[c % servers.length]!.port;
  const sessions: Session[] = [];
  for (let c = 0; c < concurrency; c++) sessions.push(await signIn(portOf(c), 'legal', BENCH_PASSWORD));
  const cpuOfServers = () => servers.reduce((sum, s) => sum + serverCpuMicros(s.child.pid!), 0);
  const measure = async (label: string, total: number, work: (c: number, i: number) => ReturnType<typeof request>) => {
    const before = cpuOfServers();
    const mainBefore = servers.reduce((sum, s) => sum + mainThreadCpuMicros(s.child.pid!), 0);
    const clientBefore = process.cpuUsage();
    const threadsBefore = servers.map((s) => threadCpuMicros(s.child.pid!));
    let peakRss = 0;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, ...servers.map((s) => rssMb(s.child.pid!)))), 50);
    const run = await closedLoop(concurrency, total, work);
    clearInterval(sampler);
    const used = cpuOfServers() - before;
    const mainUsed = servers.reduce((sum, s) => sum + mainThreadCpuMicros(s.child.pid!), 0) - mainBefore;
    const client = process.cpuUsage(clientBefore);
    const l = summary(run.latencies);
    // THREADS=1: which threads the rest of the server's CPU is on (the group-commit writer, the WAL checkpointer, GC helpers).
    if (process.env.THREADS) {
      servers.forEach((s, i) => {
        const spent = [...threadCpuMicros(s.child.pid!)].map(([thread, micros]) => [thread, micros - (threadsBefore[i]!.get(thread) ?? 0)] as const);
        console.log(spent.filter(([, micros]) => micros > 0).sort((a, b) => b[1] - a[1]).map(([thread, micros]) => `${thread} ${Math.round(micros / total)} µs`).join(', '));
      });
    }
    // HIST=1: the whole latency distribution, not only p50/p99.
    if (process.env.HIST) console.log([5, 10, 25, 50, 75, 90, 95, 98, 99, 99.9].map((q) => `p${q} ${percentile(run.latencies, q).toFixed(1)}`).join('  '));
    console.log(`${label.padEnd(20)} ${String(Math.round(used / total)).padStart(5)} µs server CPU per call (main thread ${Math.round(mainUsed / total)}; load generator ${Math.round((client.user + client.system) / total)} µs)   ${Math.round(run.perSecond)}/s  p50 ${l.p50} ms  p99 ${l.p99} ms  peak RSS ${peakRss} MB`);
  };
  const get = (c: number, path: string) => request(portOf(c), sessions[c]!, 'GET', path);
  const only = process.env.ONLY;
  if (!only) {
    await closedLoop(concurrency, 1000, (c) => get(c, '/healthz'));
    await closedLoop(concurrency, 1000, (c) => get(c, '/bench/trpc/noop'));
    await measure('GET /healthz', calls, (c) => get(c, '/healthz'));
    await measure('GET tRPC no-op', calls, (c) => get(c, '/bench/trpc/noop'));
  }
  if (!only || only === 'me') await measure('GET tRPC auth.me', only ? calls * 3 : calls, (c) => get(c, '/api/trpc/auth.me'));
  if (!only || only === 'approve') {
    const approve = (offset: number) => (c: number, i: number) =>
      request(portOf(c), sessions[c]!, 'POST', '/api/trpc/review.approve', JSON.stringify({ ...targets[offset + i]!, expectedVersion: 2, opinion: '同意', checks: ALL_CHECKS }));
    // A tenth of the documents approved untimed first, as bench/http.ts does: the cold first round is not the steady state.
    const warmUp = Math.floor(targets.length / 10);
    await closedLoop(concurrency, warmUp, approve(0));
    // CHUNKS=k: the timed approvals in k runs one after another, to see how long the server takes to reach its steady state.
    const chunks = Number(process.env.CHUNKS ?? 1);
    const each = Math.floor((targets.length - warmUp) / chunks);
    for (let k = 0; k < chunks; k++) await measure(chunks > 1 ? `POST review.approve ${k + 1}/${chunks}` : 'POST review.approve', each, approve(warmUp + k * each));
  }
} finally {
  for (const s of servers) await stopServer(s.child);
  fs.rmSync(fixture.dir, { recursive: true, force: true });
}
