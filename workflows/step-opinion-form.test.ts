/** The optional opinion form of a step: allowed on review-like steps, refused elsewhere, kept by parsing. */
import { describe, expect, it } from 'vitest';
import { releaseReviewDefinition } from './release-review.definition';
import { validateDefinition } from './validate-definition';
import { workflowDefinitionSchema } from './definition';

const withForm = (stepId: string, opinionForm: string) => ({
  ...releaseReviewDefinition,
  steps: releaseReviewDefinition.steps.map((s) => (s.id === stepId ? { ...s, opinionForm } : s)),
});

describe('step opinion form', () => {
  it('is optional: the shipped definition stays valid', () => {
    expect(validateDefinition(releaseReviewDefinition)).toEqual([]);
  });

  it('is kept on a review step when parsed', () => {
    const def = withForm('legality_review', 'legality_opinion');
    expect(validateDefinition(def)).toEqual([]);
    expect(workflowDefinitionSchema.parse(def).steps.find((s) => s.id === 'legality_review')?.opinionForm).toBe('legality_opinion');
  });

  it('is refused on a step without reviewers, and must look like a form key', () => {
    expect(validateDefinition(withForm('filing', 'legality_opinion')).map((i) => [i.stepId, i.code])).toEqual([['filing', 'opinion_form_not_allowed']]);
    expect(validateDefinition(withForm('legality_review', '../x')).length).toBeGreaterThan(0);
  });
});
