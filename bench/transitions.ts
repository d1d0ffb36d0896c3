import { FIVE_STEPS, freshFixture, reviewToPublication, submittedDocuments } from './lib/fixture';
import { inFlight } from './lib/in-flight';
import { figure, type Bench } from './lib/figures';
import { round, summary } from './lib/stats';

/**
 * Durable transitions through the service layer (standing check, XState transition, snapshot
 * write with version check, task rows, review record, hash-chained audit row — one batch) vs the
 * physical baseline: the same libsql client committing one single-row transaction at a time on
 * the same WAL file. The two are interleaved step by step so background load hits both alike.
 */
const IN_FLIGHT = 50;

export const transitionsBench: Bench = async (ctx) => {
  const fixture = await freshFixture();
  try {
    const { client } = fixture.services.database;
    await client.execute('CREATE TABLE bench_baseline (id INTEGER PRIMARY KEY, document_id TEXT NOT NULL, step TEXT NOT NULL, at INTEGER NOT NULL)');
    const sequential = ctx.quick ? 40 : 300;
    const concurrent = ctx.quick ? 50 : 300;
    const warmUp = ctx.quick ? 20 : 50;
    // One at a time too, both untimed first (JIT, statement caches), as the in-flight round is.
    const sequentialWarmUp = ctx.quick ? 5 : 20;
    const docs = await submittedDocuments(fixture, sequentialWarmUp + sequential + warmUp + concurrent);
    let row = 0;
    const oneAtATime = async (documentIds: string[], shenfa: number[], baseline: number[]) => {
      for (const documentId of documentIds) {
        await reviewToPublication(fixture, documentId, async ({ step, action }, approve) => {
          // The baseline's transaction and the transition, interleaved step by step.
          let t = performance.now();
          await client.batch([{ sql: 'INSERT INTO bench_baseline (id, document_id, step, at) VALUES (?, ?, ?, ?)', args: [++row, documentId, step, Date.now()] }]);
          baseline.push(performance.now() - t);
          t = performance.now();
          const result = await approve();
          shenfa.push(performance.now() - t);
          if (result.step !== FIVE_STEPS[FIVE_STEPS.findIndex((s) => s.step === step) + 1]?.step && action !== 'publish') throw new Error(`unexpected step ${result.step} after ${step}`);
          return result;
        });
      }
    };
    await oneAtATime(docs.splice(0, sequentialWarmUp), [], []);
    const shenfa: number[] = [];
    const baseline: number[] = [];
    await oneAtATime(docs.slice(0, sequential), shenfa, baseline);
    // Then as a server meets them: 50 documents in review at once (as item 3's 50 clients), which
    // group commit writes together; each step here includes looking up the document's open task.
    await inFlight(docs.slice(sequential, sequential + warmUp), IN_FLIGHT, (documentId) => reviewToPublication(fixture, documentId));
    const started = performance.now();
    await inFlight(docs.slice(sequential + warmUp), IN_FLIGHT, (documentId) => reviewToPublication(fixture, documentId));
    const inFlightPerSecond = round((concurrent * FIVE_STEPS.length) / ((performance.now() - started) / 1000));
    const s = summary(shenfa);
    const b = summary(baseline);
    ctx.detail('shenfa', s);
    ctx.detail('baseline', b);
    ctx.detail('inFlight', { documents: concurrent, inFlight: IN_FLIGHT, perSecond: inFlightPerSecond });
    ctx.note(`${sequential} documents × 5 steps one at a time (after ${sequentialWarmUp} untimed), interleaved with the baseline (time per transition excludes looking up the open task id: a client already has it); then ${concurrent} documents with ${IN_FLIGHT} in flight (after ${warmUp} untimed)`);
    const ratio = round(s.perSecond / b.perSecond);
    return [
      figure({ figure: 'service transitions/s, one at a time', value: s.perSecond, unit: '/s', baseline: { name: '1-row txn', value: b.perSecond }, ratio, target: '≥ 0.5×', pass: ratio >= 0.5 }),
      figure({ figure: `transitions/s, ${IN_FLIGHT} documents in flight`, value: inFlightPerSecond, unit: '/s', baseline: { name: '1-row txn', value: b.perSecond }, ratio: round(inFlightPerSecond / b.perSecond), target: '≥ 0.5×', pass: inFlightPerSecond / b.perSecond >= 0.5 }),
      figure({ figure: 'transition p50', value: s.p50, unit: 'ms', baseline: { name: '1-row txn', value: b.p50 }, ratio: round(b.p50 / s.p50) }),
      figure({ figure: 'transition p99', value: s.p99, unit: 'ms', baseline: { name: '1-row txn', value: b.p99 }, ratio: round(b.p99 / s.p99) }),
    ];
  } finally {
    fixture.close();
  }
};
