/** The pure workflow core: definitions as data, their compiler, and the review engine. */
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
