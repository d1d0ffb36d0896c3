import fs from 'node:fs';
import { BENCH_PASSWORD, freshFixture } from './lib/fixture';
import { figure, type Bench } from './lib/figures';
import { round } from './lib/stats';
import { rssMb, startServer, stopServer } from './lib/server-process';
import { signedIn, type ApiClient } from '../tests/support/api-client';
import { categoryId, draftInput } from '../tests/support/draft-input';
import { ACTOR_FOR_STEP, ALL_CHECKS } from '../tests/support/review-driver';

/**
 * Soak: one long-running server takes approvals and catalog reads until `SOAK_APPROVALS`
 * approvals are done (default 20,000; 2,000 with --quick); its RSS is sampled all along. Each
 * worker drafts and submits a document, reads it before every step (as a reviewer's browser
 * does) and approves it through all five steps to publication, then reads the public catalog
 * (HTML page and JSON API). The curve is written to bench/results/soak.json; the figure is the
 * RSS growth over the second half of the run (after warm-up), which a leak would keep raising.
 */
const WORKERS = 8;
const SAMPLE_MS = 2000;

interface Sample { seconds: number; approvals: number; reads: number; rssMb: number }

export const soakBench: Bench = async (ctx) => {
  const target = Number(process.env.SOAK_APPROVALS ?? (ctx.quick ? 2_000 : 20_000));
  const fixture = await freshFixture();
  fixture.services.database.close();
  const { child, port } = await startServer(fixture.dbFile, fixture.dir, []);
  const url = `http://127.0.0.1:${port}`;
  const samples: Sample[] = [];
  let approvals = 0;
  let reads = 0;
  const started = performance.now();
  const sample = () => samples.push({ seconds: round((performance.now() - started) / 1000, 1), approvals, reads, rssMb: rssMb(child.pid!) });
  try {
    const clients: Record<string, ApiClient> = {};
    for (const username of ['drafter', ...new Set(Object.values(ACTOR_FOR_STEP))]) clients[username] = await signedIn(url, username, BENCH_PASSWORD);
    const category = await categoryId(clients.drafter!, 'notice');
    sample();
    const sampler = setInterval(sample, SAMPLE_MS);
    let n = 0;
    const worker = async () => {
      while (approvals < target) {
        const { id } = await clients.drafter!.trpc.documents.create.mutate(draftInput(category, { title: `长时运行测试文件 ${++n}`, docNumber: `测〔2026〕${n}号` }));
        let doc = await clients.drafter!.trpc.documents.get.query({ id });
        await clients.drafter!.trpc.review.submit.mutate({ documentId: id, expectedVersion: doc.version });
        for (;;) {
          doc = await clients.drafter!.trpc.documents.get.query({ id });
          reads++;
          const step = doc.currentStep.id;
          if (!['in_review', 'awaiting_publication'].includes(doc.status)) break;
          const actor = clients[ACTOR_FOR_STEP[step] ?? '']!;
          const mine = await actor.trpc.documents.get.query({ id });
          reads++;
          if (!mine.openTask) throw new Error(`no open task at ${step}`);
          const act = { documentId: id, expectedVersion: mine.version, taskId: mine.openTask.id };
          if (step === 'publication') await actor.trpc.publication.publish.mutate(act);
          else await actor.trpc.review.approve.mutate({ ...act, opinion: '同意', checks: ALL_CHECKS });
          approvals++;
        }
        for (const path of ['/public', '/public/api/documents']) {
          const res = await fetch(`${url}${path}`);
          if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
          await res.arrayBuffer();
          reads++;
        }
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, worker));
    clearInterval(sampler);
    sample();
  } finally {
    await stopServer(child);
    fs.rmSync(fixture.dir, { recursive: true, force: true });
  }
  const seconds = samples.at(-1)!.seconds;
  const half = samples.filter((s) => s.approvals >= approvals / 2);
  const midRss = half[0]!.rssMb;
  const endRss = samples.at(-1)!.rssMb;
  const peakRss = Math.max(...samples.map((s) => s.rssMb));
  const growthPer10k = round(((endRss - midRss) / Math.max(1, approvals - half[0]!.approvals)) * 10_000, 2);
  ctx.detail('curve', samples);
  ctx.note(`${approvals} approvals and ${reads} reads in ${seconds} s (${WORKERS} workers over HTTP, one server process); RSS ${samples[0]!.rssMb} MB at start, ${midRss} MB at half-way, ${endRss} MB at the end, peak ${peakRss} MB`);
  return [
    figure({ figure: 'approvals', value: approvals, unit: '' }),
    figure({ figure: 'approvals/s (mixed with reads)', value: round(approvals / seconds, 1), unit: '/s' }),
    figure({ figure: 'RSS at half-way', value: midRss, unit: 'MB' }),
    figure({ figure: 'RSS at the end', value: endRss, unit: 'MB', baseline: { name: 'half-way', value: midRss }, ratio: round(endRss / midRss), target: 'plateau', pass: endRss <= midRss * 1.1 }),
    figure({ figure: 'RSS growth per 10k approvals (2nd half)', value: growthPer10k, unit: 'MB' }),
    figure({ figure: 'RSS peak', value: peakRss, unit: 'MB', target: '≤ 300 MB', pass: peakRss <= 300 }),
  ];
};
