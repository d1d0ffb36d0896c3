export * from './validity-change.machine';
