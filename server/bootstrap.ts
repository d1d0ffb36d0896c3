import { openDatabase, migrateDatabase } from './db/client';
import { EffectRunner } from './services/effects';
import type { ServerConfig } from './config';
import type { ServiceContext } from './services/service-context';
import { installWorkflowPlugins } from './workflow-plugins';
import { installFormPlugins } from './form-plugins';
import { installChannelPlugins } from './channel-plugins';

/** Opens and migrates the database and assembles what services need. */
export async function createServices(config: ServerConfig, options: { now?: () => number } = {}): Promise<ServiceContext> {
  const database = await openDatabase(config.databaseUrl, config.databaseAuthToken, config.databaseSync);
  await migrateDatabase(database);
  installWorkflowPlugins(config);
  installFormPlugins();
  installChannelPlugins(config);
  return { database, config, now: options.now ?? Date.now, effects: new EffectRunner() };
}
