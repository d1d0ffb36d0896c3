import type { Database } from '../db/client';
import type { ServerConfig } from '../config';
import type { EffectRunner } from './effects';

/** What every service operation receives: storage, settings, the clock and the effect runner. */
export interface ServiceContext {
  database: Database;
  config: ServerConfig;
  now: () => number;
  effects: EffectRunner;
}
