import { describe, expect, it } from 'vitest';
import { applyReviewEvent, availableEvents, reviewStatus, startReview } from './engine';
import { REVIEW_EFFECTS, type PersistedReview, type ReviewEvent } from './review-types';
import { approve, def, facts, publish, run, sendBack, submit, users } from './review-test-helpers';

const plain = facts();
const atLegality = () => run(startReview(def, plain), [submit(plain)]);

function expectRefused(state: PersistedReview, event: ReviewEvent, refusal: string) {
  const before = JSON.stringify(state);
  expect(applyReviewEvent(def, state, event)).toEqual({ ok: false, refusal });
  expect(JSON.stringify(state)).toBe(before);
  // A bad target says nothing about the other targets, which RETURN may still reach.
  if (refusal !== 'invalid_target') expect(availableEvents(def, state, event.actor)).not.toContain(event.type);
}

describe('recall', () => {
  it('takes the submission back while nobody has acted', () => {
    const recalled = applyReviewEvent(def, atLegality(), { type: 'RECALL', actor: users.drafter });
    expect(recalled).toMatchObject({ ok: true, effects: ['notifyRecalled'], state: { value: 'draft' } });
    if (recalled.ok) {
      expect(reviewStatus(recalled.state)).toBe('draft');
      expect(run(recalled.state, [submit(plain)]).context.round).toBe(2);
    }
  });

  it('is refused once a reviewer approved or returned in this round', () => {
    const approved = run(atLegality(), [approve(users.legal)]);
    expectRefused(approved, { type: 'RECALL', actor: users.drafter }, 'already_acted');
    const stepReturned = run(approved, [sendBack(users.secrecy, 'legality_review')]);
    expect(stepReturned.context.acted).toEqual([]);
    expectRefused(stepReturned, { type: 'RECALL', actor: users.drafter }, 'already_acted');
  });

  it('is only for the document’s drafter', () => {
    expectRefused(atLegality(), { type: 'RECALL', actor: { id: 'u-other', roles: ['drafter'] } }, 'not_assignee');
  });

  it('means nothing at the draft or after review', () => {
    expectRefused(startReview(def, plain), { type: 'RECALL', actor: users.drafter }, 'invalid_in_state');
  });
});

describe('separation of duties', () => {
  const ownFacts = facts({ drafterId: users.allRounder.id, hasStatistics: true, isMajorMatter: true });
  const own = () => run(startReview(def, ownFacts), [submit(ownFacts, users.allRounder)]);

  it('nobody reviews, signs off or decides a document they drafted', () => {
    let state = own();
    for (const [step, reviewer] of [
      ['stats_review', users.stats],
      ['legality_review', users.legal],
      ['secrecy_review', users.secrecy],
      ['leader_signoff', users.leader],
      ['committee_decision', users.leader2],
    ] as const) {
      expect(state.value).toBe(step);
      expectRefused(state, approve(users.allRounder), 'own_document');
      expectRefused(state, sendBack(users.allRounder, 'draft'), 'own_document');
      state = run(state, [approve(reviewer)]);
    }
    expectRefused(run(own(), [approve(users.stats), approve(users.legal), approve(users.secrecy)]), { type: 'REJECT', actor: users.allRounder }, 'own_document');
  });

  it('nobody approves at two review steps in one round', () => {
    const f = facts({ hasStatistics: true });
    const afterStats = run(startReview(def, f), [submit(f), approve(users.allRounder)]);
    expect(afterStats.value).toBe('legality_review');
    expectRefused(afterStats, approve(users.allRounder), 'already_acted');
    expectRefused(afterStats, sendBack(users.allRounder, 'draft'), 'already_acted');

    const signed = run(startReview(def, facts({ isMajorMatter: true })), [
      submit(facts({ isMajorMatter: true })),
      approve(users.legal),
      approve(users.secrecy),
      approve(users.leader),
    ]);
    expectRefused(signed, approve(users.leader), 'already_acted');
    expect(run(signed, [approve(users.leader2)]).value).toBe('filing');
  });

  it('a new round lets the same reviewer approve again', () => {
    const f = facts({ hasStatistics: true });
    const returned = run(startReview(def, f), [submit(f), approve(users.allRounder), sendBack(users.legal, 'draft')]);
    const again = run(returned, [submit(f), approve(users.stats)]);
    expect(run(again, [approve(users.allRounder)]).value).toBe('secrecy_review');
  });

  it('the same publisher may file and publish', () => {
    const atFiling = run(atLegality(), [approve(users.legal), approve(users.secrecy), approve(users.leader)]);
    expect(run(atFiling, [approve(users.publisher), publish(users.publisher)]).value).toBe('published');
  });
});

describe('roles', () => {
  it('refuses actors without the step’s role', () => {
    const state = atLegality();
    expectRefused(state, approve(users.secrecy), 'not_assignee');
    expectRefused(state, approve(users.publisher), 'not_assignee');
    expectRefused(state, sendBack(users.leader, 'draft'), 'not_assignee');
    const atFiling = run(state, [approve(users.legal), approve(users.secrecy), approve(users.leader)]);
    expectRefused(atFiling, approve(users.leader), 'not_assignee');
    const atPublication = run(atFiling, [approve(users.publisher)]);
    expectRefused(atPublication, publish(users.leader), 'not_assignee');
    const published = run(atPublication, [publish()]);
    expectRefused(published, { type: 'WITHDRAW_PUBLICATION', actor: users.leader }, 'not_assignee');
  });

  it('only the document’s drafter submits', () => {
    expectRefused(startReview(def, plain), submit(plain, { id: 'u-other', roles: ['drafter'] }), 'not_assignee');
    expectRefused(startReview(def, plain), submit(plain, users.legal), 'not_assignee');
  });

  it('lists exactly the events each actor may send', () => {
    const state = atLegality();
    expect(availableEvents(def, state, users.legal)).toEqual(['APPROVE', 'RETURN', 'TRANSFER', 'ADD_SIGNER']);
    expect(availableEvents(def, state, users.drafter)).toEqual(['RECALL']);
    expect(availableEvents(def, state, users.leader)).toEqual([]);
    expect(availableEvents(def, startReview(def, plain), users.drafter)).toEqual(['SUBMIT']);
  });
});

describe('invalid events', () => {
  it('are refused without changing the state', () => {
    const state = atLegality();
    expectRefused(state, publish(), 'invalid_in_state');
    expectRefused(state, { type: 'WITHDRAW_PUBLICATION', actor: users.publisher }, 'invalid_in_state');
    expectRefused(state, submit(plain), 'invalid_in_state');
    expectRefused(startReview(def, plain), approve(users.legal), 'invalid_in_state');
    const atFiling = run(state, [approve(users.legal), approve(users.secrecy), approve(users.leader)]);
    expectRefused(atFiling, publish(), 'invalid_in_state');
    expectRefused(run(atFiling, [approve(users.publisher)]), approve(users.publisher), 'invalid_in_state');
  });

  it('refuses a return to a later step or an unknown one', () => {
    const state = run(atLegality(), [approve(users.legal)]);
    expectRefused(state, sendBack(users.secrecy, 'leader_signoff'), 'invalid_target');
    expectRefused(state, sendBack(users.secrecy, 'secrecy_review'), 'invalid_target');
    expectRefused(state, sendBack(users.secrecy, 'published'), 'invalid_target');
  });

  it('throws on a stored state that names no step of the definition', () => {
    expect(() => applyReviewEvent(def, { ...atLegality(), value: 'nowhere' }, approve(users.legal))).toThrow(/not a step/);
  });
});

describe('persisted state', () => {
  it('survives a JSON round trip at every point of the flow', () => {
    let state = startReview(def, plain);
    const events = [submit(plain), approve(users.legal), sendBack(users.secrecy, 'legality_review'), approve(users.legal), approve(users.secrecy)];
    for (const event of events) {
      const restored = JSON.parse(JSON.stringify(state)) as PersistedReview;
      expect(restored).toEqual(state);
      const direct = applyReviewEvent(def, state, event);
      expect(applyReviewEvent(def, restored, event)).toEqual(direct);
      if (!direct.ok) expect.fail(direct.refusal);
      state = direct.state;
    }
    expect(Object.keys(state).sort()).toEqual(['context', 'value']);
  });

  it('hands effects back as names for the server to run after its commit', () => {
    const result = applyReviewEvent(def, atLegality(), sendBack(users.legal, 'draft'));
    expect(result).toMatchObject({ ok: true, effects: ['notifyDrafterReturned'] });
    if (result.ok) for (const name of result.effects) expect(REVIEW_EFFECTS).toContain(name);
  });

  it('never mutates the state it is given', () => {
    const state = atLegality();
    const frozen = JSON.parse(JSON.stringify(state), (_k, v: unknown) => (v && typeof v === 'object' ? Object.freeze(v) : v)) as PersistedReview;
    const result = applyReviewEvent(def, frozen, approve(users.legal));
    expect(result.ok).toBe(true);
    expect(frozen).toEqual(state);
  });
});
