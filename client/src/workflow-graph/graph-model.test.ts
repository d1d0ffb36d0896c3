import { describe, expect, it } from 'vitest';
import { releaseReviewDefinition } from '../../../workflows/release-review.definition';
import type { StepDefinition, WorkflowDefinition } from '../../../workflows/definition';
import { pathEdgeIds, visibleEdges, workflowGraph } from './graph-model';

const ids = (def: WorkflowDefinition, kind: string) =>
  workflowGraph(def)
    .edges.filter((e) => e.kind === kind)
    .map((e) => `${e.from}->${e.to}`);

const ends: StepDefinition[] = [
  { id: 'published', kind: 'end', role: 'publisher', label: { zh: '已发布', en: 'Published' } },
  { id: 'concluded', kind: 'end', label: { zh: '审结', en: 'Concluded' } },
  { id: 'rejected', kind: 'end', label: { zh: '不予通过', en: 'Rejected' } },
  { id: 'withdrawn', kind: 'end', label: { zh: '已撤稿', en: 'Withdrawn' } },
];
const def = (steps: StepDefinition[]): WorkflowDefinition => ({ key: 'k', version: 1, name: { zh: '流程', en: 'Flow' }, steps: [...steps, ...ends] });
const step = (id: string, extra: Partial<StepDefinition> = {}): StepDefinition => ({ id, kind: 'review', role: 'legal', label: { zh: id, en: id }, ...extra });

describe('workflowGraph over the shipped release-review flow', () => {
  it('has one node per step, end states included', () => {
    expect(workflowGraph(releaseReviewDefinition).nodes.map((n) => n.id)).toEqual(releaseReviewDefinition.steps.map((s) => s.id));
  });

  it('approves forward to the next step, conditional or not', () => {
    expect(ids(releaseReviewDefinition, 'forward')).toEqual([
      'draft->stats_review',
      'stats_review->legality_review',
      'legality_review->secrecy_review',
      'secrecy_review->leader_signoff',
      'leader_signoff->committee_decision',
      'committee_decision->filing',
      'filing->publication',
    ]);
  });

  it('skips a conditional step only along paths a document can take', () => {
    // Not publishable ⇒ neither filing nor publication: leader → concluded, never leader → publication.
    expect(ids(releaseReviewDefinition, 'skip')).toEqual([
      'draft->legality_review',
      'leader_signoff->filing',
      'leader_signoff->concluded',
      'committee_decision->concluded',
    ]);
    const skip = workflowGraph(releaseReviewDefinition).edges.find((e) => e.id === 'skip:leader_signoff->concluded');
    expect(skip?.skipped).toEqual(['committee_decision', 'filing', 'publication']);
  });

  it('publishes, rejects at sign-off, withdraws after publication', () => {
    expect(ids(releaseReviewDefinition, 'publish')).toEqual(['publication->published']);
    expect(ids(releaseReviewDefinition, 'reject')).toEqual(['leader_signoff->rejected']);
    expect(ids(releaseReviewDefinition, 'withdraw')).toEqual(['published->withdrawn']);
  });

  it('returns to every declared earlier step', () => {
    const returns = ids(releaseReviewDefinition, 'return');
    expect(returns.filter((r) => r.startsWith('secrecy_review->'))).toEqual([
      'secrecy_review->draft',
      'secrecy_review->stats_review',
      'secrecy_review->legality_review',
    ]);
    expect(returns).toHaveLength(1 + 2 + 3 + 4 + 5 + 6 + 7);
  });
});

describe('workflowGraph over edited definitions', () => {
  it('a step without return targets returns to the drafter; one without steps after it concludes', () => {
    const g = workflowGraph(def([step('draft', { kind: 'fill', role: 'drafter' }), step('legality_review')]));
    expect(g.edges.map((e) => e.id)).toEqual(['forward:draft->legality_review', 'forward:legality_review->concluded', 'return:legality_review->draft', 'withdraw:published->withdrawn']);
  });

  it('a `not` condition can be skipped when its positive twin applies, not when it applies itself', () => {
    const g = workflowGraph(
      def([
        step('draft', { kind: 'fill', role: 'drafter' }),
        step('a', { when: { guard: 'isMajorMatter' } }),
        step('b', { when: { guard: 'isMajorMatter', not: true } }),
        step('c'),
      ]),
    );
    const skips = g.edges.filter((e) => e.kind === 'skip').map((e) => `${e.from}->${e.to}`);
    // draft→b (a skipped: not major; b applies: not major) fine; draft→c skips a and b: impossible.
    expect(skips).toEqual(['draft->b', 'a->c']);
  });

  it('draws nothing towards a step that does not exist (a target just removed)', () => {
    const g = workflowGraph(def([step('draft', { kind: 'fill', role: 'drafter' }), step('x', { returnTargets: ['gone', 'draft'] })]));
    expect(g.edges.filter((e) => e.kind === 'return').map((e) => e.to)).toEqual(['draft']);
  });
});

describe('path and visible edges', () => {
  const g = workflowGraph(releaseReviewDefinition);

  it('finds the edges a document took, returns included', () => {
    expect(pathEdgeIds(g, ['draft', 'legality_review', 'draft', 'legality_review', 'secrecy_review'])).toEqual([
      'skip:draft->legality_review',
      'return:legality_review->draft',
      'forward:legality_review->secrecy_review',
    ]);
  });

  it('shows return arrows of the focused step and returns taken, no others', () => {
    const shown = visibleEdges(g, 'legality_review', ['return:secrecy_review->draft']).filter((e) => e.kind === 'return');
    expect(shown.map((e) => e.id)).toEqual(['return:legality_review->draft', 'return:legality_review->stats_review', 'return:secrecy_review->draft']);
  });
});
