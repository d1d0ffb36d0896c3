import { describe, expect, it } from 'vitest';
import { applyReviewEvent, availableEvents, currentStep, returnTargetsFor, reviewStatus, startReview } from './engine';
import { approve, approveThrough, def, facts, publish, run, sendBack, stepActor, submit, users } from './review-test-helpers';

const REVIEWS = ['legality_review', 'secrecy_review', 'leader_signoff'];

describe('the default release-review flow', () => {
  it('takes a plain open document to published, then withdrawn', () => {
    const f = facts();
    let state = startReview(def, f);
    expect(state).toMatchObject({ value: 'draft', context: { round: 0, acted: [], lastReturn: null } });
    expect(reviewStatus(state)).toBe('draft');

    const submitted = applyReviewEvent(def, state, submit(f));
    expect(submitted).toMatchObject({ ok: true, effects: ['notifyAssignees'], state: { value: 'legality_review' } });
    state = run(state, [submit(f), approve(users.legal), approve(users.secrecy), approve(users.leader)]);
    expect(state.value).toBe('filing');
    expect(reviewStatus(state)).toBe('awaiting_publication');

    state = run(state, [approve(users.publisher)]);
    expect(state.value).toBe('publication');
    const published = applyReviewEvent(def, state, publish());
    expect(published).toMatchObject({ ok: true, effects: ['recordPublication'], state: { value: 'published' } });
    if (!published.ok) return;
    expect(reviewStatus(published.state)).toBe('published');
    expect(currentStep(def, published.state)?.label.zh).toBe('已发布');
    expect(availableEvents(def, published.state, users.publisher)).toEqual(['WITHDRAW_PUBLICATION']);

    const withdrawn = applyReviewEvent(def, published.state, { type: 'WITHDRAW_PUBLICATION', actor: users.publisher });
    expect(withdrawn).toMatchObject({ ok: true, effects: ['recordWithdrawal'], state: { value: 'withdrawn' } });
    if (withdrawn.ok) expect(availableEvents(def, withdrawn.state, users.publisher)).toEqual([]);
  });

  it.each([
    [false, false, [...REVIEWS, 'filing', 'publication']],
    [true, false, ['stats_review', ...REVIEWS, 'filing', 'publication']],
    [false, true, [...REVIEWS, 'committee_decision', 'filing', 'publication']],
    [true, true, ['stats_review', ...REVIEWS, 'committee_decision', 'filing', 'publication']],
  ])('statistics %s, major matter %s visits %j', (hasStatistics, isMajorMatter, expected) => {
    const { state, visited } = approveThrough(facts({ hasStatistics, isMajorMatter }));
    expect(visited).toEqual(expected);
    expect(run(state, [publish()]).value).toBe('published');
  });

  it('publishes a partial (redacted) document like an open one', () => {
    const { state } = approveThrough(facts({ attribute: 'partial' }));
    expect(run(state, [publish()]).value).toBe('published');
  });

  it.each(['non_public', 'on_request'] as const)('concludes a %s document after review, never publishing it', (attribute) => {
    for (const isMajorMatter of [false, true]) {
      const { state, visited } = approveThrough(facts({ attribute, isMajorMatter, hasStatistics: true }));
      expect(visited).not.toContain('filing');
      expect(visited).not.toContain('publication');
      expect(state.value).toBe('concluded');
      expect(reviewStatus(state)).toBe('concluded');
      expect(currentStep(def, state)?.label.zh).toBe('审结（不公开）');
      for (const actor of Object.values(users)) expect(availableEvents(def, state, actor)).toEqual([]);
      expect(applyReviewEvent(def, state, publish())).toEqual({ ok: false, refusal: 'invalid_in_state' });
    }
  });

  it('emits notifyDrafterConcluded when the last review concludes a non-public document', () => {
    const f = facts({ attribute: 'non_public' });
    const atSignoff = run(startReview(def, f), [submit(f), approve(users.legal), approve(users.secrecy)]);
    expect(applyReviewEvent(def, atSignoff, approve(users.leader))).toMatchObject({
      ok: true,
      effects: ['notifyDrafterConcluded'],
      state: { value: 'concluded' },
    });
  });

  it('lets the leader reject outright at sign-off', () => {
    const f = facts();
    const atSignoff = run(startReview(def, f), [submit(f), approve(users.legal), approve(users.secrecy)]);
    const rejected = applyReviewEvent(def, atSignoff, { type: 'REJECT', actor: users.leader });
    expect(rejected).toMatchObject({ ok: true, effects: ['notifyDrafterRejected'], state: { value: 'rejected' } });
    if (rejected.ok) {
      expect(reviewStatus(rejected.state)).toBe('rejected');
      expect(availableEvents(def, rejected.state, users.drafter)).toEqual([]);
    }
  });

  it('refuses REJECT anywhere but a sign-off step', () => {
    const f = facts({ isMajorMatter: true });
    const atLegality = run(startReview(def, f), [submit(f)]);
    expect(applyReviewEvent(def, atLegality, { type: 'REJECT', actor: users.legal })).toEqual({ ok: false, refusal: 'invalid_in_state' });
    const atCommittee = run(atLegality, [approve(users.legal), approve(users.secrecy), approve(users.leader)]);
    expect(atCommittee.value).toBe('committee_decision');
    expect(applyReviewEvent(def, atCommittee, { type: 'REJECT', actor: users.leader2 })).toEqual({ ok: false, refusal: 'invalid_in_state' });
  });
});

describe('returns', () => {
  const all = facts({ hasStatistics: true, isMajorMatter: true });
  const fullRoute = ['stats_review', ...REVIEWS, 'committee_decision', 'filing', 'publication'];

  it.each(fullRoute)('from %s to the drafter, and a resubmission runs every step again', (stepId) => {
    let state = startReview(def, all);
    state = run(state, [submit(all)]);
    while (state.value !== stepId) state = run(state, [approve(stepActor[state.value]!)]);

    const returned = applyReviewEvent(def, state, sendBack(stepActor[stepId]!, 'draft'));
    expect(returned).toMatchObject({ ok: true, effects: ['notifyDrafterReturned'], state: { value: 'draft' } });
    if (!returned.ok) return;
    expect(reviewStatus(returned.state)).toBe('returned');
    expect(returned.state.context.lastReturn).toEqual({ fromStep: stepId, toStep: 'draft', byUserId: stepActor[stepId]!.id });
    expect(returned.state.context.acted).toEqual([]);

    const again = approveThrough(all, returned.state);
    expect(again.visited).toEqual(fullRoute);
    expect(again.state.context.round).toBe(2);
  });

  it('to an earlier step re-runs every step from there', () => {
    let state = run(startReview(def, all), [submit(all), approve(users.stats), approve(users.legal), approve(users.secrecy)]);
    const returned = applyReviewEvent(def, state, sendBack(users.leader, 'legality_review'));
    expect(returned).toMatchObject({ ok: true, effects: ['notifyAssignees'], state: { value: 'legality_review' } });
    if (!returned.ok) return;
    state = returned.state;
    expect(reviewStatus(state)).toBe('in_review');
    expect(state.context.acted).toEqual([{ stepId: 'stats_review', seatId: 'stats_review#0', userId: users.stats.id }]);
    expect(state.context.lastReturn).toEqual({ fromStep: 'leader_signoff', toStep: 'legality_review', byUserId: users.leader.id });
    expect(state.context.round).toBe(1);

    state = run(state, [approve(users.legal)]);
    expect(state.value).toBe('secrecy_review');
    state = run(state, [approve(users.secrecy), approve(users.leader)]);
    expect(state.value).toBe('committee_decision');
  });

  it('offers only steps this document passed through', () => {
    const plain = facts();
    const atFiling = run(startReview(def, plain), [submit(plain), approve(users.legal), approve(users.secrecy), approve(users.leader)]);
    expect(returnTargetsFor(def, atFiling)).toEqual(['draft', 'legality_review', 'secrecy_review', 'leader_signoff']);
    expect(applyReviewEvent(def, atFiling, sendBack(users.publisher, 'stats_review'))).toEqual({ ok: false, refusal: 'invalid_target' });
    expect(applyReviewEvent(def, atFiling, sendBack(users.publisher, 'committee_decision'))).toEqual({ ok: false, refusal: 'invalid_target' });
    expect(applyReviewEvent(def, atFiling, sendBack(users.publisher, 'publication'))).toEqual({ ok: false, refusal: 'invalid_target' });
    expect(applyReviewEvent(def, atFiling, sendBack(users.publisher, 'nowhere'))).toEqual({ ok: false, refusal: 'invalid_target' });
    expect(returnTargetsFor(def, startReview(def, plain))).toEqual([]);
  });

  it('reads the refreshed facts at resubmission: a document made non-public concludes', () => {
    const open = facts();
    let state = run(startReview(def, open), [submit(open), approve(users.legal), sendBack(users.secrecy, 'draft')]);
    const closed = facts({ attribute: 'non_public', drafterId: 'someone-else' });
    state = run(state, [submit(closed), approve(users.legal), approve(users.secrecy), approve(users.leader)]);
    expect(state.value).toBe('concluded');
    expect(state.context.attribute).toBe('non_public');
    // The drafter of record never changes through a submission.
    expect(state.context.drafterId).toBe(users.drafter.id);
  });
});
