import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from './definition';
import { applyReviewEvent, reviewStatus, startReview } from './engine';
import { createRegistry, defaultRegistry, namesPluginGuards, registerAction, registerGuard } from './registry';
import { releaseReviewDefinition } from './release-review.definition';
import { approve, facts, publish, submit, users } from './review-test-helpers';
import type { PersistedReview, ReviewEvent } from './review-types';

/** A plugin's flow: budgets get a statistics check instead of the legality review. */
const budgetReview: WorkflowDefinition = {
  key: 'budget-review',
  version: 1,
  name: { zh: '预决算公开审查', en: 'Budget disclosure review' },
  steps: [
    { id: 'draft', kind: 'fill', role: 'drafter', label: { zh: '起草', en: 'Draft' } },
    { id: 'figures_review', kind: 'review', role: 'stats', when: { guard: 'isBudget' }, label: { zh: '数据核对', en: 'Figures' } },
    {
      id: 'legality_review',
      kind: 'review',
      role: 'legal',
      when: { guard: 'isBudget', not: true },
      returnTargets: ['draft', 'figures_review'],
      label: { zh: '合法性审查', en: 'Legality review' },
    },
    { id: 'leader_signoff', kind: 'signoff', role: 'leader', label: { zh: '分管领导审批', en: 'Leader sign-off' } },
    { id: 'publication', kind: 'publication', role: 'publisher', label: { zh: '发布', en: 'Publication' } },
    { id: 'published', kind: 'end', role: 'publisher', effects: ['notifyBudgetPortal'], label: { zh: '已发布', en: 'Published' } },
    { id: 'concluded', kind: 'end', label: { zh: '审结', en: 'Concluded' } },
    { id: 'rejected', kind: 'end', label: { zh: '不予通过', en: 'Rejected' } },
    { id: 'withdrawn', kind: 'end', label: { zh: '已撤稿', en: 'Withdrawn' } },
  ],
};

function plugin() {
  const registry = createRegistry();
  registerGuard('isBudget', (ctx) => ctx.categoryCode === 'yjs', registry);
  registerAction('notifyBudgetPortal', registry);
  return registry;
}

function drive(registry: ReturnType<typeof plugin>, state: PersistedReview, events: ReviewEvent[]) {
  let effects: string[] = [];
  for (const event of events) {
    const result = applyReviewEvent(budgetReview, state, event, registry);
    if (!result.ok) expect.fail(`${event.type} at ${state.value}: ${result.refusal}`);
    state = result.state;
    effects = result.effects;
  }
  return { state, effects };
}

describe('a plugin registry', () => {
  it('adds guards for `when` (with `not`) and effects for steps, without touching the default', () => {
    const registry = plugin();
    expect(defaultRegistry.guards.has('isBudget')).toBe(false);
    expect(() => startReview(budgetReview, facts())).toThrow(/unknown guard 'isBudget'/);

    const budget = facts({ categoryCode: 'yjs' });
    const atFigures = drive(registry, startReview(budgetReview, budget, registry), [submit(budget)]);
    expect(atFigures.state.value).toBe('figures_review');
    const atPublication = drive(registry, atFigures.state, [approve(users.stats), approve(users.leader)]);
    expect(reviewStatus(atPublication.state, budgetReview)).toBe('awaiting_publication');
    const published = drive(registry, atPublication.state, [publish()]);
    expect(published.state.value).toBe('published');
    expect(published.effects).toEqual(['recordPublication', 'notifyBudgetPortal']);

    const other = facts({ categoryCode: 'gzdt' });
    const atLegality = drive(registry, startReview(budgetReview, other, registry), [submit(other)]);
    expect(atLegality.state.value).toBe('legality_review');
    // figures_review never applied to this document, so it is no return target.
    expect(applyReviewEvent(budgetReview, atLegality.state, { type: 'RETURN', actor: users.legal, target: 'figures_review' }, registry)).toEqual({
      ok: false,
      refusal: 'invalid_target',
    });
  });

  it('never lets a plugin replace a guard', () => {
    const registry = plugin();
    expect(() => registerGuard('notOwnDocument', () => true, registry)).toThrow(/already registered/);
    expect(() => registerGuard('isBudget', () => true, registry)).toThrow(/already registered/);
    expect(() => registerGuard('shenfa.flowsTo', () => true, registry)).toThrow(/not a valid/);
  });

  it('recompiles after a registration instead of reusing a stale machine', () => {
    const registry = createRegistry();
    expect(() => startReview(budgetReview, facts(), registry)).toThrow(/unknown guard/);
    registerGuard('isBudget', () => false, registry);
    registerAction('notifyBudgetPortal', registry);
    expect(startReview(budgetReview, facts(), registry).value).toBe('draft');
  });

  it('tells which definitions name a plugin guard, whose guard may read the text (the server loads it only for those)', () => {
    expect(namesPluginGuards(releaseReviewDefinition)).toBe(false);
    expect(namesPluginGuards(budgetReview)).toBe(true);
    const withRequirement = { ...releaseReviewDefinition, steps: releaseReviewDefinition.steps.map((s) => (s.id === 'secrecy_review' ? { ...s, requires: ['noSensitiveWords'] } : s)) };
    expect(namesPluginGuards(withRequirement)).toBe(true);
    // The built-in conditions read the stored facts only.
    const builtInCondition = { ...releaseReviewDefinition, steps: releaseReviewDefinition.steps.map((s) => (s.id === 'secrecy_review' ? { ...s, when: { guard: 'isPublishable' } } : s)) };
    expect(namesPluginGuards(builtInCondition)).toBe(false);
  });
});
