/** The pure workflow core: definitions as data, their compiler, the review engine and its seats (会签/或签, 转办, 加签). */
export * from './roles';
export * from './definition';
export * from './review-types';
export * from './registry';
export * from './seats';
export * from './seat-view';
export * from './flow';
export * from './step-rules';
export * from './compile';
export * from './engine';
export * from './release-review.definition';
export * from './flow-graph';
export * from './validate-definition';
export * from './simulate';
export * from './migration-plan';
export * from './registry-catalog';
export * from './any-definition';
