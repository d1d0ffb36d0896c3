import { describe, expect, it } from 'vitest';
import { availableEvents, hasAvailableEvent, startReview } from './engine';
import { approve, def, facts, run, sendBack, stepActor, submit, users } from './review-test-helpers';
import type { PersistedReview } from './review-types';

describe('hasAvailableEvent (the inbox check)', () => {
  it('answers exactly whether availableEvents is non-empty, for every user at every step of a review', () => {
    const f = facts({ hasStatistics: true, isMajorMatter: true, attribute: 'partial' });
    const states: PersistedReview[] = [startReview(def, f)];
    let state = run(states[0]!, [submit(f)]);
    while (stepActor[state.value]) {
      states.push(state);
      if (state.value === 'publication') break;
      state = run(state, [approve(stepActor[state.value]!)]);
    }
    states.push(run(states[2]!, [sendBack(stepActor[states[2]!.value]!, 'draft')]));
    let checked = 0;
    for (const s of states) {
      for (const actor of Object.values(users)) {
        expect(hasAvailableEvent(def, s, actor)).toBe(availableEvents(def, s, actor).length > 0);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
    expect(states.some((s) => Object.values(users).some((u) => !hasAvailableEvent(def, s, u)))).toBe(true);
  });
});
