import fs from 'node:fs';
import path from 'node:path';
import { EventEmitter } from 'node:events';
import { Engine } from 'bpmn-engine';
import type { Client } from '@libsql/client';
import { FIVE_STEPS, freshFixture, reviewToPublication, submittedDocuments, type Fixture } from './lib/fixture';
import { figure, type Bench } from './lib/figures';
import { inFlight } from './lib/in-flight';
import { round, summary } from './lib/stats';

// From the project's root: the benchmarks run bundled (package.json "bench"), away from this file.
const SOURCE = fs.readFileSync(path.resolve('bench', 'review-flow.bpmn'), 'utf8');

/** Flows one engine takes through review, one at a time, before the other engine's turn. */
const SEQUENTIAL_BLOCK = Number(process.env.BENCH_PEER_BLOCK ?? 25);

/** Flows taken through their five steps at once in the throughput round, as item 3's 50 clients. */
const IN_FLIGHT = 50;

interface WaitingTask { id: string; signal(message?: unknown): void }

/** One process instance of the BPMN flow, started, saved, and waiting at its first step. */
interface PeerInstance {
  /** Signals the waiting step (it must be `step`) and saves the whole state in its own transaction. */
  step(step: string): Promise<void>;
  ended: Promise<void>;
}

/**
 * Starts one instance of the BPMN flow and holds it in memory (the engine's favourable case:
 * no recover() per step); its whole state is saved to the database after every step.
 */
async function startPeerInstance(client: Client, instanceId: string): Promise<PeerInstance> {
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
  return {
    ended,
    async step(step) {
      const task = await nextWait();
      if (task.id !== step) throw new Error(`bpmn at ${task.id}, expected ${step}`);
      task.signal({ approved: true, opinion: '同意' });
      const state = JSON.stringify(await engine.getState());
      await client.batch([{ sql: 'UPDATE bench_bpmn_state SET state = ?, updated_at = ? WHERE id = ?', args: [state, Date.now(), instanceId] }]);
    },
  };
}

/** One instance through its five steps, each step timed from its signal to its saved state. */
async function runPeerInstance(client: Client, instanceId: string, samples: number[]) {
  const instance = await startPeerInstance(client, instanceId);
  for (const { step } of FIVE_STEPS) {
    const t = performance.now();
    await instance.step(step);
    samples.push(performance.now() - t);
  }
  await instance.ended;
}

/**
 * Throughput with `IN_FLIGHT` flows at once on each engine: every flow starts at its first
 * step (Shenfa's documents submitted, the BPMN instances started and saved), then the clock
 * runs while they are all taken through their five steps. Returns steps per second.
 */
interface Round { steps: number; ms: number }

async function shenfaRound(fixture: Fixture, documentIds: string[]): Promise<Round> {
  const t = performance.now();
  // Each step here includes looking up the document's open task (a read the sequential figure leaves out).
  await inFlight(documentIds, IN_FLIGHT, (documentId) => reviewToPublication(fixture, documentId));
  return { steps: documentIds.length * FIVE_STEPS.length, ms: performance.now() - t };
}

async function peerRound(client: Client, ids: string[]): Promise<Round> {
  const instances = [];
  for (const id of ids) instances.push(await startPeerInstance(client, id));
  const t = performance.now();
  await inFlight(instances, IN_FLIGHT, async (instance) => {
    for (const { step } of FIVE_STEPS) await instance.step(step);
    await instance.ended;
  });
  return { steps: ids.length * FIVE_STEPS.length, ms: performance.now() - t };
}

/** Steps per second over all rounds together (total steps over total time), and per round. */
function throughput(rounds: Round[]): { perSecond: number; rounds: number[] } {
  const steps = rounds.reduce((sum, r) => sum + r.steps, 0);
  const ms = rounds.reduce((sum, r) => sum + r.ms, 0);
  return { perSecond: round(steps / (ms / 1000)), rounds: rounds.map((r) => round(r.steps / (r.ms / 1000))) };
}

/**
 * The same five-step review on bpmn-engine with equal durability (its state in the same
 * libsql file after every step) vs Shenfa's service-layer transitions: one flow at a time,
 * in alternating blocks of `SEQUENTIAL_BLOCK` flows; then `IN_FLIGHT` flows at once on each, in alternating rounds.
 */
export const peerEngineBench: Bench = async (ctx) => {
  const fixture = await freshFixture();
  try {
    const { client } = fixture.services.database;
    await client.execute('CREATE TABLE bench_bpmn_state (id TEXT PRIMARY KEY, state TEXT NOT NULL, updated_at INTEGER NOT NULL)');
    const sequential = ctx.quick ? 30 : 200;
    const perRound = ctx.quick ? 50 : 200;
    const rounds = ctx.quick ? 2 : 3;
    const warmUp = ctx.quick ? 20 : 50;
    // One flow at a time too, on both, untimed first (JIT, statement caches), as the in-flight rounds are.
    const sequentialWarmUp = ctx.quick ? 5 : 20;
    const docs = await submittedDocuments(fixture, sequentialWarmUp + sequential + warmUp + rounds * perRound);
    // In alternating blocks of flows, not flow by flow: interleaved flow by flow, each engine's
    // steps paid for the other's garbage and cold caches (a Shenfa step cost 1.3 ms there against
    // 0.7 ms in a loop of its own, and the ratio read 1.06–2.09× between runs). A block is long
    // enough that what it leaves behind is a small part of the next, and alternating blocks still
    // spread a change in the machine's speed over both engines.
    const oneAtATime = async (documentIds: string[], prefix: string, shenfa: number[], peer: number[]) => {
      for (let from = 0; from < documentIds.length; from += SEQUENTIAL_BLOCK) {
        const block = documentIds.slice(from, from + SEQUENTIAL_BLOCK);
        for (const i of block.keys()) await runPeerInstance(client, `${prefix}-${from + i}`, peer);
        for (const documentId of block) {
          await reviewToPublication(fixture, documentId, async (_, approve) => {
            const t = performance.now();
            const result = await approve();
            shenfa.push(performance.now() - t);
            return result;
          });
        }
      }
    };
    await oneAtATime(docs.splice(0, sequentialWarmUp), 'bpmn-sequential-warm-up', [], []);
    const shenfa: number[] = [];
    const peer: number[] = [];
    await oneAtATime(docs.slice(0, sequential), 'bpmn', shenfa, peer);
    // A round of each untimed first (the in-flight paths warm up: JIT, group commit's thread), then
    // alternating rounds, so a change in the machine's speed falls on both alike.
    await shenfaRound(fixture, docs.slice(sequential, sequential + warmUp));
    await peerRound(client, Array.from({ length: warmUp }, (_, i) => `bpmn-warm-up-${i}`));
    const shenfaRounds: Round[] = [];
    const peerRounds: Round[] = [];
    for (let r = 0; r < rounds; r++) {
      const from = sequential + warmUp + r * perRound;
      shenfaRounds.push(await shenfaRound(fixture, docs.slice(from, from + perRound)));
      peerRounds.push(await peerRound(client, Array.from({ length: perRound }, (_, i) => `bpmn-round${r}-${i}`)));
    }
    const shenfaInFlight = throughput(shenfaRounds);
    const peerInFlight = throughput(peerRounds);
    const sizes = await client.execute('SELECT avg(length(state)) AS bytes FROM bench_bpmn_state');
    const stateBytes = Number(sizes.rows[0]?.bytes ?? 0);
    const s = summary(shenfa);
    const p = summary(peer);
    ctx.detail('shenfa', s);
    ctx.detail('bpmnEngine', p);
    ctx.detail('inFlight', { flows: IN_FLIGHT, shenfa: shenfaInFlight, bpmnEngine: peerInFlight });
    ctx.detail('bpmnStateBytes', stateBytes);
    ctx.note(`${sequential} documents × 5 steps one at a time on both, in alternating blocks of ${SEQUENTIAL_BLOCK} (after ${sequentialWarmUp} untimed), then ${rounds} alternating rounds of ${perRound} flows with ${IN_FLIGHT} in flight on each (steps/s over all rounds; per round: Shenfa ${shenfaInFlight.rounds.map(Math.round).join(' / ')}, bpmn-engine ${peerInFlight.rounds.map(Math.round).join(' / ')}); bpmn-engine kept in memory between steps (no recover()), state ≈ ${Math.round(stateBytes)} bytes per save`);
    const ratio = round(s.perSecond / p.perSecond);
    const inFlightRatio = round(shenfaInFlight.perSecond / peerInFlight.perSecond);
    return [
      figure({ figure: 'five-step flow steps/s, one at a time', value: s.perSecond, unit: '/s', baseline: { name: 'bpmn-engine', value: p.perSecond }, ratio, target: '≥ 3×', pass: ratio >= 3 }),
      figure({ figure: `steps/s, ${IN_FLIGHT} flows in flight`, value: shenfaInFlight.perSecond, unit: '/s', baseline: { name: 'bpmn-engine', value: peerInFlight.perSecond }, ratio: inFlightRatio, target: '≥ 3×', pass: inFlightRatio >= 3 }),
      figure({ figure: 'step p50', value: s.p50, unit: 'ms', baseline: { name: 'bpmn-engine', value: p.p50 }, ratio: round(p.p50 / s.p50) }),
      figure({ figure: 'step p99', value: s.p99, unit: 'ms', baseline: { name: 'bpmn-engine', value: p.p99 }, ratio: round(p.p99 / s.p99) }),
    ];
  } finally {
    fixture.close();
  }
};
