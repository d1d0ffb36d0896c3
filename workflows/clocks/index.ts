/** Statutory clocks as data: rules, the default set, deadline computation and status. */
export * from './clock-events';
export * from './clock-rule';
export * from './default-clock-rules';
export * from './compute-deadline';
export * from './deadline-status';
