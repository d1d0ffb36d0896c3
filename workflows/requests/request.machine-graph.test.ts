/**
 * The request machine explored from registration with every event a clerk, a second clerk or
 * the office head could send: every state is reachable, and from every reachable snapshot a
 * closed request is still reachable (nothing can get stuck).
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/index';
import { startRequest, stepRequest, type PersistedRequest } from './request-engine';
import { REQUEST_STATES, type RequestActor, type RequestEvent } from './request.machine';
import { calendar, clerk, clerk2, head } from './request-test-helpers';

/** Every event, by each actor, one day and 40 days after the last recorded event (lapses need the latter). */
function candidates(state: PersistedRequest): RequestEvent[] {
  const last = state.context.clock.at(-1)!.date;
  const events: RequestEvent[] = [];
  for (const date of [addDays(last, 1), addDays(last, 40)]) {
    for (const actor of [clerk, clerk2, head] as RequestActor[]) {
      const at = { date, actor };
      events.push(
        { type: 'ACCEPT', ...at }, { type: 'REQUEST_CORRECTION', ...at }, { type: 'RECEIVE_CORRECTION', ...at }, { type: 'CLOSE_UNCORRECTED', ...at },
        { type: 'START_CONSULTATION', ...at }, { type: 'END_CONSULTATION', ...at }, { type: 'REQUEST_EXTENSION', days: 20, ...at }, { type: 'APPROVE_EXTENSION', ...at },
        { type: 'NOTIFY_FEE', ...at }, { type: 'RECORD_FEE_PAID', ...at }, { type: 'CLOSE_FEE_UNPAID', ...at },
        { type: 'DRAFT_REPLY', result: 'disclose', subReason: null, ...at }, { type: 'REVIEW_REPLY', ...at }, { type: 'SEND_REPLY', ...at },
      );
    }
  }
  return events;
}

/** Snapshots that differ only in dates behave alike; the key keeps what the guards read. */
const keyOf = (s: PersistedRequest) => JSON.stringify([s.value, s.context.correctionAsked, s.context.extension?.approvedBy ?? s.context.extension?.requestedBy ?? null, s.context.feeNotified, s.context.reply?.draftedBy ?? null]);

describe('request machine graph', () => {
  const seen = new Map<string, PersistedRequest>();
  const edges = new Map<string, Set<string>>();
  const queue = [startRequest(calendar, '2026-03-02')];
  seen.set(keyOf(queue[0]!), queue[0]!);
  while (queue.length) {
    const state = queue.shift()!;
    const from = keyOf(state);
    edges.set(from, edges.get(from) ?? new Set());
    for (const event of candidates(state)) {
      const next = stepRequest(calendar, state, event)?.state;
      if (!next) continue;
      const to = keyOf(next);
      edges.get(from)!.add(to);
      if (!seen.has(to)) {
        seen.set(to, next);
        queue.push(next);
      }
    }
  }

  it('reaches every state', () => {
    expect(new Set([...seen.values()].map((s) => s.value))).toEqual(new Set(REQUEST_STATES));
  });

  it('can close from every reachable snapshot', () => {
    const canClose = new Set([...seen].filter(([, s]) => s.value === 'closed').map(([k]) => k));
    for (let changed = true; changed; ) {
      changed = false;
      for (const [from, tos] of edges) {
        if (!canClose.has(from) && [...tos].some((to) => canClose.has(to))) {
          canClose.add(from);
          changed = true;
        }
      }
    }
    const stuck = [...seen.keys()].filter((k) => !canClose.has(k));
    expect(stuck).toEqual([]);
  });

  it('offers nothing once closed', () => {
    const closed = [...seen.values()].filter((s) => s.value === 'closed');
    expect(closed.length).toBeGreaterThan(0);
    for (const state of closed.slice(0, 3)) for (const event of candidates(state)) expect(stepRequest(calendar, state, event)).toBeNull();
  });
});
