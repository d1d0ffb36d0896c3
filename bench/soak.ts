import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { BENCH_PASSWORD, FIVE_STEPS, ALL_CHECKS, freshFixture, openTaskId } from './lib/fixture';
import { figure, type Bench } from './lib/figures';
import { round } from './lib/stats';
import { request, signIn, type Session } from './lib/load';
import { rssMb, startServer, stopServer } from './lib/server-process';

/**
 * Soak: one long-running server takes approvals and catalog reads until `SOAK_APPROVALS`
 * approvals are done (default 20,000; 2,000 with --quick) or `SOAK_SECONDS` have passed; the
 * server's RSS is sampled all along and the curve is written to bench/results/soak.json (and,
 * while it runs, to bench/results/soak.progress.json).
 *
 * What it proves is unchanged from the first version: every approval and publication goes
 * through the real HTTP/tRPC API of one server process, interleaved with reads of the
 * document and of the public catalog, so a leak on any of those paths keeps raising the RSS.
 * What changed is where the harness spends its time: documents are prepared (drafted and
 * submitted through the real services, in this process, on the same database file: two
 * processes on one file is a supported deployment) in batches while the server runs, so the
 * server's work is the approvals and reads themselves. Each of `SOAK_CLIENTS` concurrent
 * clients (own signed-in sessions for each reviewer) takes a prepared document, reads it as
 * the legality reviewer (documents.get, which also names the open task), approves it through
 * the four review steps and publishes it (the next step's task id comes from this process's
 * own read of the tasks table, as a client that already has it), then reads the public
 * catalog page and its JSON API.
 *
 * `SOAK_SERVER_ARGS` passes node flags to the server (e.g. "--max-semi-space-size=8").
 */
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 16);
const SAMPLE_MS = Number(process.env.SOAK_SAMPLE_MS ?? 2000);
const BATCH = 100;
const LOW_WATER = 4 * CLIENTS;

interface Sample { seconds: number; approvals: number; reads: number; documents: number; rssMb: number; serverCpuS: number; load1: number }

/** CPU seconds (user + system) the process has used so far. */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return round((Number(fields[11]) + Number(fields[12])) / 100, 1);
}
interface Prepared { id: string; taskId: string }

export const soakBench: Bench = async (ctx) => {
  const target = Number(process.env.SOAK_APPROVALS ?? (ctx.quick ? 2_000 : 20_000));
  const seconds = Number(process.env.SOAK_SECONDS ?? Infinity);
  const serverArgs = (process.env.SOAK_SERVER_ARGS ?? '').split(/\s+/).filter(Boolean);
  const progressFile = path.join('bench', 'results', `soak${ctx.quick ? '.quick' : ''}.progress.json`);
  const fixture = await freshFixture();
  const { child, port } = await startServer(fixture.dbFile, fixture.dir, serverArgs);
  const samples: Sample[] = [];
  let approvals = 0;
  let reads = 0;
  let published = 0;
  let prepared = 0;
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const sample = () => samples.push({ seconds: round(elapsed(), 1), approvals, reads, documents: published, rssMb: rssMb(child.pid!), serverCpuS: cpuSeconds(child.pid!), load1: round(os.loadavg()[0]!, 2) });
  const writeProgress = () => fs.writeFileSync(progressFile, `${JSON.stringify({ target, seconds, clients: CLIENTS, serverArgs, curve: samples }, null, 1)}\n`);
  const done = () => approvals >= target || elapsed() >= seconds;
  let sampler: NodeJS.Timeout | undefined;
  let timings: Record<string, number> = {};
  let stopPreparer = () => {};
  let progress: NodeJS.Timeout | undefined;
  try {
    // Each client has its own session for every reviewer it acts as.
    const reviewers = [...new Set(FIVE_STEPS.map((s) => s.username))];
    const sessions: Record<string, Session>[] = [];
    for (let c = 0; c < CLIENTS; c++) {
      const own: Record<string, Session> = {};
      for (const username of reviewers) own[username] = await signIn(port, username, BENCH_PASSWORD);
      sessions.push(own);
    }
    const ok = (res: { status: number; body: string }, what: string) => {
      if (res.status !== 200) throw new Error(`${what}: HTTP ${res.status} ${res.body.slice(0, 300)}`);
      return res;
    };

    // Documents waiting at legality review, drafted and submitted in batches by this process.
    const queue: Prepared[] = [];
    let refilling: Promise<void> | null = null;
    const spent: Record<string, number> = {};
    const timed = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
      const t = performance.now();
      try {
        return await work();
      } finally {
        spent[what] = (spent[what] ?? 0) + performance.now() - t;
      }
    };
    timings = spent;
    // A worker's module loader does not inherit tsx's hooks: register them, then load the TS file.
    const entry = pathToFileURL(path.resolve('bench', 'lib', 'soak-preparer.ts')).href;
    const preparer = new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`, { eval: true, workerData: { dbFile: fixture.dbFile } });
    stopPreparer = () => { preparer.postMessage('close'); };
    const answer = <T>() => new Promise<T>((resolve, reject) => {
      const fail = (error: Error) => reject(error);
      preparer.once('error', fail);
      preparer.once('message', (message: T) => {
        preparer.off('error', fail);
        resolve(message);
      });
    });
    await answer<'ready'>();
    const refill = async () => {
      preparer.postMessage({ count: BATCH });
      const documents = await answer<Prepared[]>();
      queue.push(...documents);
      prepared += documents.length;
    };
    const take = async (): Promise<Prepared> => {
      for (;;) {
        if (queue.length < LOW_WATER && !refilling) refilling = refill().finally(() => (refilling = null));
        const next = queue.shift();
        if (next) return next;
        await timed('waiting for prepared documents', async () => refilling);
      }
    };
    await refill();

    sample();
    sampler = setInterval(sample, SAMPLE_MS);
    progress = setInterval(writeProgress, 30_000);
    const client = async (c: number) => {
      const own = sessions[c]!;
      while (!done()) {
        const { id } = await take();
        // The legality reviewer opens the document: the read names the open task.
        const view = JSON.parse(ok(await timed('documents.get', () => request(port, own.legal!, 'GET', `/api/trpc/documents.get?input=${encodeURIComponent(JSON.stringify({ id }))}`)), 'documents.get').body).result.data;
        reads++;
        let version = Number(view.version);
        let taskId = String(view.openTask.id);
        for (const [i, step] of FIVE_STEPS.entries()) {
          if (i > 0) taskId = await timed('next task id (local read)', () => openTaskId(fixture, id));
          const body = { documentId: id, expectedVersion: version, taskId };
          const procedure = step.action === 'publish' ? 'publication.publish' : 'review.approve';
          ok(await timed(procedure, () => request(port, own[step.username]!, 'POST', `/api/trpc/${procedure}`, JSON.stringify(step.action === 'publish' ? body : { ...body, opinion: '同意', checks: ALL_CHECKS }))), `${step.step}`);
          approvals++;
          version++;
        }
        published++;
        for (const url of ['/public', '/public/api/documents']) {
          ok(await timed(url, () => request(port, null, 'GET', url)), url);
          reads++;
        }
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
    await refilling;
    clearInterval(sampler);
    clearInterval(progress);
    sample();
    writeProgress();
  } finally {
    clearInterval(sampler);
    clearInterval(progress);
    stopPreparer();
    await stopServer(child);
    fixture.close();
  }
  const duration = samples.at(-1)!.seconds;
  const half = samples.filter((s) => s.approvals >= approvals / 2);
  const midRss = half[0]!.rssMb;
  const endRss = samples.at(-1)!.rssMb;
  const peakRss = Math.max(...samples.map((s) => s.rssMb));
  const growthPer100k = round(((endRss - midRss) / Math.max(1, approvals - half[0]!.approvals)) * 100_000, 2);
  // The curve in 1% steps of the run, for reading; every sample is in soak.progress.json.
  const step = Math.max(1, Math.floor(samples.length / 100));
  ctx.detail('curve', samples.filter((_, i) => i % step === 0 || i === samples.length - 1));
  // Client-side time spent per kind of call, summed over all clients (ms): where the run goes.
  ctx.detail('clientMsByCall', Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])));
  ctx.detail('serverCpuSecondsPerThousandApprovals', round(((samples.at(-1)!.serverCpuS - samples[0]!.serverCpuS) / Math.max(1, approvals)) * 1000, 2));
  ctx.detail('setup', { clients: CLIENTS, serverArgs, sampleMs: SAMPLE_MS, documentsPrepared: prepared, documentsPublished: published });
  ctx.note(`${approvals} approvals (${published} documents through 4 review steps and publication) and ${reads} reads in ${duration} s, ${CLIENTS} HTTP clients against one server process${serverArgs.length ? ` (${serverArgs.join(' ')})` : ''}; RSS ${samples[0]!.rssMb} MB at start, ${midRss} MB at half-way, ${endRss} MB at the end, peak ${peakRss} MB`);
  return [
    figure({ figure: 'approvals', value: approvals, unit: '' }),
    figure({ figure: 'reads', value: reads, unit: '' }),
    figure({ figure: 'approvals/s (mixed with reads)', value: round(approvals / duration, 1), unit: '/s' }),
    figure({ figure: 'RSS at half-way', value: midRss, unit: 'MB' }),
    figure({ figure: 'RSS at the end', value: endRss, unit: 'MB', baseline: { name: 'half-way', value: midRss }, ratio: round(endRss / midRss), target: 'plateau', pass: endRss <= midRss * 1.1 }),
    figure({ figure: 'RSS growth per 100k approvals (2nd half)', value: growthPer100k, unit: 'MB' }),
    figure({ figure: 'RSS peak', value: peakRss, unit: 'MB', target: '≤ 300 MB', pass: peakRss <= 300 }),
  ];
};
