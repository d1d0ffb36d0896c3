export * from './validity-values';
export * from './validity-change.machine';
