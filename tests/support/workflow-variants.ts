import { releaseReviewDefinition, type WorkflowDefinition } from '../../workflows/index';

/** A bureau's own version of release-review: no statistics step; legality review is a 会签 of the legal and statistics sections. */
export const countersignedLegality: WorkflowDefinition = {
  ...releaseReviewDefinition,
  steps: releaseReviewDefinition.steps
    .filter((s) => s.id !== 'stats_review')
    .map((s) => ({ ...s, ...(s.returnTargets ? { returnTargets: s.returnTargets.filter((t) => t !== 'stats_review') } : {}) }))
    .map((s) => (s.id === 'legality_review' ? { ...s, kind: 'countersign' as const, signers: [{ role: 'legal' as const }, { role: 'stats' as const }] } : s)),
};
