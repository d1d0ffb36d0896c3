import { describe, expect, it } from 'vitest';
import { transition } from 'xstate';
import { compileWorkflow } from './compile';
import { startReview } from './engine';
import { pureTransition } from './pure-transition';
import { approve, def, facts, publish, sendBack, stepActor, submit, users } from './review-test-helpers';
import type { PersistedReview, ReviewEvent } from './review-types';

// Every event a walk through the default flow could meet, accepted or not.
const attempts = (state: PersistedReview, f: ReturnType<typeof facts>): ReviewEvent[] => [
  submit(f),
  ...Object.values(users).map(approve),
  sendBack(users.legal, 'draft'),
  sendBack(stepActor[state.value] ?? users.leader, 'draft'),
  sendBack(stepActor[state.value] ?? users.leader, 'legality_review'),
  { type: 'REJECT', actor: stepActor[state.value] ?? users.leader },
  { type: 'RECALL', actor: users.drafter },
  publish(),
  { type: 'WITHDRAW_PUBLICATION', actor: users.publisher },
];

describe('pureTransition, with one inert scope per machine', () => {
  it.each([
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ])('answers exactly as XState’s transition at every step (statistics %s, major %s)', (hasStatistics, isMajorMatter) => {
    const f = facts({ hasStatistics, isMajorMatter });
    const machine = compileWorkflow(def);
    let state = startReview(def, f);
    let compared = 0;
    let accepted = 0;
    for (let guard = 0; guard < 20 && state.value !== 'withdrawn'; guard++) {
      const snapshot = machine.resolveState({ value: state.value, context: state.context });
      let advanced: PersistedReview | null = null;
      for (const event of attempts(state, f)) {
        const [theirs, theirActions] = transition(machine, snapshot, event);
        const [ours, ourActions] = pureTransition(machine, snapshot, event);
        // A refused event hands back the very snapshot given, in both.
        expect(ours === snapshot).toBe(theirs === snapshot);
        expect({ value: ours.value, context: ours.context }).toEqual({ value: theirs.value, context: theirs.context });
        expect(ourActions.map((a) => a.type)).toEqual(theirActions.map((a) => a.type));
        compared++;
        if (ours !== snapshot) accepted++;
        // Walk on by the first approval, submission or publication that moves forward.
        if (!advanced && ours !== snapshot && ['SUBMIT', 'APPROVE', 'PUBLISH', 'WITHDRAW_PUBLICATION'].includes(event.type)) {
          advanced = JSON.parse(JSON.stringify({ value: ours.value, context: ours.context })) as PersistedReview;
        }
      }
      if (!advanced) break;
      state = advanced;
    }
    expect(state.value).toBe('withdrawn');
    expect(compared).toBeGreaterThan(50);
    expect(accepted).toBeGreaterThan(10);
  });
});
