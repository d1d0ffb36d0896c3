import fs from 'node:fs';
import path from 'node:path';
import { ALL_CHECKS, BENCH_PASSWORD, freshFixture, openTaskId, submittedDocuments } from './lib/fixture';
import { figure, type Bench } from './lib/figures';
import { round, summary } from './lib/stats';
import { request, signIn, warmThenTimed, type Session } from './lib/load';
import { rssMb, serverCpuMicros, startServer, stopServer } from './lib/server-process';

const CONCURRENCY = 50;

/**
 * Approvals through tRPC over loopback from 50 concurrent signed-in clients, against a signed-in
 * no-op tRPC query and the plain Hono JSON route /healthz on the same server in the same run.
 * The server runs in its own process, so its RSS is measured at rest and under this load.
 */
export const httpBench: Bench = async (ctx) => {
  const fixture = await freshFixture();
  const approvals = ctx.quick ? 400 : 3000;
  // Approved untimed first: a server that has run a while is what the targets are about. The
  // first round of 50 runs cold (JIT, statement caches, the group-commit thread starting), and
  // the server keeps getting faster for some 3,000 approvals more, while V8 optimizes the
  // request path on the cores the load also needs (`CHUNKS=8 ONLY=approve npx tsx
  // bench/profiles/http-server-cpu.ts 8800 50`: 767/s for the approvals after the first 880,
  // about 1,300–1,600/s from the 3,900th on). The warm-up's rate and p99 are reported apart.
  const warmUpApprovals = ctx.quick ? 100 : 4000;
  const docs = await submittedDocuments(fixture, warmUpApprovals + approvals);
  const all: { documentId: string; taskId: string }[] = [];
  for (const documentId of docs) all.push({ documentId, taskId: await openTaskId(fixture, documentId) });
  const warmUp = all.slice(0, warmUpApprovals);
  const targets = all.slice(warmUpApprovals);
  fixture.services.database.close();
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve('bench/results/profiles')}`] : [];
  const { child, port } = await startServer(fixture.dbFile, fixture.dir, profile);
  try {
    const restRss = rssMb(child.pid!);
    const sessions: Session[] = [];
    for (let i = 0; i < CONCURRENCY; i++) sessions.push(await signIn(port, 'legal', BENCH_PASSWORD));
    await expectClientAddress(port, sessions[0]!);
    const calls = ctx.quick ? 2000 : 10000;
    // Each kind of call runs in one closed loop: untimed calls first (JIT, statement caches,
    // sockets), then the timed ones without a pause (load.ts says why). The server process's
    // CPU per timed call is read beside each wall-clock rate: it stays comparable when other
    // work shares the two cores (the load generator's own CPU is not in it, but is counted
    // beside it: it is CPU the server did not get).
    const measured = async (warmUpCalls: number, timedCalls: number, work: (c: number, i: number) => ReturnType<typeof request>) => {
      const cpuAtStart = serverCpuMicros(child.pid!);
      let cpuAtSwitch = cpuAtStart;
      let clientAtSwitch = process.cpuUsage();
      const run = await warmThenTimed(CONCURRENCY, warmUpCalls, timedCalls, work, () => {
        cpuAtSwitch = serverCpuMicros(child.pid!);
        clientAtSwitch = process.cpuUsage();
      });
      const client = process.cpuUsage(clientAtSwitch);
      return {
        warmUp: { ...run.warmUp, serverCpuUs: warmUpCalls ? round((cpuAtSwitch - cpuAtStart) / warmUpCalls, 0) : 0 },
        timed: { ...run.timed, serverCpuUs: round((serverCpuMicros(child.pid!) - cpuAtSwitch) / timedCalls, 0), clientCpuUs: round((client.user + client.system) / timedCalls, 0) },
      };
    };
    const plain = (await measured(500, calls, (c) => request(port, sessions[c]!, 'GET', '/healthz'))).timed;
    const noop = (await measured(500, calls, (c) => request(port, sessions[c]!, 'GET', '/bench/trpc/noop'))).timed;
    let peakRss = rssMb(child.pid!);
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(child.pid!))), 50);
    const all = [...warmUp, ...targets];
    const approvals = await measured(warmUp.length, targets.length, (c, i) => {
      const { documentId, taskId } = all[i]!;
      return request(port, sessions[c]!, 'POST', '/api/trpc/review.approve', JSON.stringify({ documentId, expectedVersion: 2, taskId, opinion: '同意', checks: ALL_CHECKS }));
    });
    const [cold, approve] = [approvals.warmUp, approvals.timed];
    clearInterval(sampler);
    const afterRss = rssMb(child.pid!);
    const p = summary(plain.latencies);
    const n = summary(noop.latencies);
    const a = summary(approve.latencies);
    ctx.detail('plainHono', { ...p, perSecond: round(plain.perSecond), serverCpuUs: plain.serverCpuUs, loadGeneratorCpuUs: plain.clientCpuUs });
    ctx.detail('noopTrpc', { ...n, perSecond: round(noop.perSecond), serverCpuUs: noop.serverCpuUs, loadGeneratorCpuUs: noop.clientCpuUs });
    ctx.detail('approve', { ...a, perSecond: round(approve.perSecond), serverCpuUs: approve.serverCpuUs, loadGeneratorCpuUs: approve.clientCpuUs });
    const w = summary(cold.latencies);
    ctx.detail('approveWarmUp', { ...w, perSecond: round(cold.perSecond), serverCpuUs: cold.serverCpuUs });
    ctx.detail('rssMb', { rest: restRss, peak: peakRss, after: afterRss });
    ctx.note(`${CONCURRENCY} keep-alive clients (one session each, user legal); ${calls} plain/no-op calls, ${targets.length} approvals timed after ${warmUp.length} untimed (each a distinct document at legality review); server in a child process, load generator in this one (they share the 2 cores)`);
    const rps = round(approve.perSecond, 1);
    return [
      figure({ figure: 'approvals req/s', value: rps, unit: '/s', baseline: { name: 'no-op tRPC', value: round(noop.perSecond, 1) }, ratio: round(approve.perSecond / noop.perSecond), target: '≥ 1000/s', pass: rps >= 1000 }),
      figure({ figure: 'approvals vs plain Hono', value: rps, unit: '/s', baseline: { name: 'Hono JSON', value: round(plain.perSecond, 1) }, ratio: round(approve.perSecond / plain.perSecond) }),
      figure({ figure: 'approval p50', value: a.p50, unit: 'ms', baseline: { name: 'no-op tRPC', value: n.p50 }, ratio: round(n.p50 / a.p50) }),
      figure({ figure: 'approval p99', value: a.p99, unit: 'ms', baseline: { name: 'no-op tRPC', value: n.p99 }, ratio: round(n.p99 / a.p99), target: '< 50 ms', pass: a.p99 < 50 }),
      figure({ figure: 'plain Hono p99', value: p.p99, unit: 'ms', baseline: { name: 'plain Hono p50', value: p.p50 }, ratio: round(p.p50 / p.p99) }),
      figure({ figure: 'approvals req/s of the warm-up round', value: round(cold.perSecond, 1), unit: '/s', baseline: { name: 'timed approvals', value: rps }, ratio: round(cold.perSecond / approve.perSecond) }),
      figure({ figure: 'approval p99 of the warm-up round', value: w.p99, unit: 'ms', baseline: { name: 'timed approvals', value: a.p99 } }),
      figure({ figure: 'server CPU per approval', value: approve.serverCpuUs, unit: 'µs', baseline: { name: 'per no-op tRPC', value: noop.serverCpuUs }, ratio: round(noop.serverCpuUs / approve.serverCpuUs) }),
      figure({ figure: 'server CPU per no-op tRPC', value: noop.serverCpuUs, unit: 'µs', baseline: { name: 'per Hono JSON', value: plain.serverCpuUs }, ratio: round(plain.serverCpuUs / noop.serverCpuUs) }),
      figure({ figure: 'load generator CPU per approval', value: approve.clientCpuUs, unit: 'µs', baseline: { name: 'server CPU per approval', value: approve.serverCpuUs } }),
      figure({ figure: 'server RSS at rest', value: restRss, unit: 'MB', target: '≤ 300 MB', pass: restRss <= 300 }),
      figure({ figure: 'server RSS peak under load', value: peakRss, unit: 'MB', baseline: { name: 'at rest', value: restRss }, target: '≤ 300 MB', pass: peakRss <= 300 }),
    ];
  } finally {
    await stopServer(child);
    fs.rmSync(fixture.dir, { recursive: true, force: true });
  }
};

/**
 * The server must hand the app what the product's server does (server/main.ts): with the
 * request's bindings lost, reading the client's address threw and was caught on every tRPC
 * request, a cost the product does not have (found 2026-11-25).
 */
async function expectClientAddress(port: number, session: Session): Promise<void> {
  const answer = await request(port, session, 'GET', '/bench/trpc/noop');
  const clientIp = (JSON.parse(answer.body) as { result?: { data?: { clientIp?: unknown } } }).result?.data?.clientIp;
  if (typeof clientIp !== 'string' || !clientIp.includes('127.0.0.1')) throw new Error(`the bench server's app does not see the client's address (${answer.status} ${answer.body.slice(0, 200)})`);
}
