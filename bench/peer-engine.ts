import fs from 'node:fs';
import path from 'node:path';
import { EventEmitter } from 'node:events';
import { Engine } from 'bpmn-engine';
import type { Client } from '@libsql/client';
import { FIVE_STEPS, freshFixture, reviewToPublication, submittedDocuments } from './lib/fixture';
import { figure, type Bench } from './lib/figures';
import { round, summary } from './lib/stats';

// From the project's root: the benchmarks run bundled (package.json "bench"), away from this file.
const SOURCE = fs.readFileSync(path.resolve('bench', 'review-flow.bpmn'), 'utf8');

interface WaitingTask { id: string; signal(message?: unknown): void }

/**
 * One process instance of the BPMN flow, started and held in memory (the engine's favourable
 * case: no recover() per step), its whole state saved to the database after every step.
 */
async function runPeerInstance(client: Client, instanceId: string, samples: number[]) {
  const listener = new EventEmitter();
  const waiting: WaitingTask[] = [];
  let wake: (() => void) | null = null;
  listener.on('activity.wait', (api: { id: string; signal(m?: unknown): void }) => {
    waiting.push({ id: api.id, signal: (m) => api.signal(m) });
    wake?.();
  });
  const ended = new Promise<void>((resolve) => listener.once('end' as never, () => resolve()));
  const engine = new Engine({ name: instanceId, source: SOURCE });
  engine.once('end', () => listener.emit('end'));
  await engine.execute({ listener });
  const nextWait = async () => {
    while (!waiting.length) await new Promise<void>((resolve) => (wake = resolve));
    return waiting.shift()!;
  };
  await client.batch([{ sql: 'INSERT INTO bench_bpmn_state (id, state, updated_at) VALUES (?, ?, ?)', args: [instanceId, JSON.stringify(await engine.getState()), Date.now()] }]);
  for (const { step } of FIVE_STEPS) {
    const task = await nextWait();
    if (task.id !== step) throw new Error(`bpmn at ${task.id}, expected ${step}`);
    const t = performance.now();
    task.signal({ approved: true, opinion: '同意' });
    const state = JSON.stringify(await engine.getState());
    await client.batch([{ sql: 'UPDATE bench_bpmn_state SET state = ?, updated_at = ? WHERE id = ?', args: [state, Date.now(), instanceId] }]);
    samples.push(performance.now() - t);
  }
  await ended;
}

/**
 * The same five-step review on bpmn-engine with equal durability (its state in the same
 * libsql file after every step) vs Shenfa's service-layer transitions, interleaved per document.
 */
export const peerEngineBench: Bench = async (ctx) => {
  const fixture = await freshFixture();
  try {
    const { client } = fixture.services.database;
    await client.execute('CREATE TABLE bench_bpmn_state (id TEXT PRIMARY KEY, state TEXT NOT NULL, updated_at INTEGER NOT NULL)');
    const docs = await submittedDocuments(fixture, ctx.quick ? 30 : 200);
    const shenfa: number[] = [];
    const peer: number[] = [];
    let stateBytes = 0;
    for (const [i, documentId] of docs.entries()) {
      await runPeerInstance(client, `bpmn-${i}`, peer);
      await reviewToPublication(fixture, documentId, async (_, approve) => {
        const t = performance.now();
        const result = await approve();
        shenfa.push(performance.now() - t);
        return result;
      });
    }
    const sizes = await client.execute('SELECT avg(length(state)) AS bytes FROM bench_bpmn_state');
    stateBytes = Number(sizes.rows[0]?.bytes ?? 0);
    const s = summary(shenfa);
    const p = summary(peer);
    ctx.detail('shenfa', s);
    ctx.detail('bpmnEngine', p);
    ctx.detail('bpmnStateBytes', stateBytes);
    ctx.note(`${docs.length} documents × 5 steps each on both; bpmn-engine kept in memory between steps (no recover()), state ≈ ${Math.round(stateBytes)} bytes per save`);
    const ratio = round(s.perSecond / p.perSecond);
    return [
      figure({ figure: 'five-step flow steps/s', value: s.perSecond, unit: '/s', baseline: { name: 'bpmn-engine', value: p.perSecond }, ratio, target: '≥ 3×', pass: ratio >= 3 }),
      figure({ figure: 'step p50', value: s.p50, unit: 'ms', baseline: { name: 'bpmn-engine', value: p.p50 }, ratio: round(p.p50 / s.p50) }),
      figure({ figure: 'step p99', value: s.p99, unit: 'ms', baseline: { name: 'bpmn-engine', value: p.p99 }, ratio: round(p.p99 / s.p99) }),
    ];
  } finally {
    fixture.close();
  }
};
