/**
 * Shenfa as a plugin of a host Hono application. The one way Shenfa's HTTP app is built: the
 * standalone server (server/main.ts) is the default host, mounting it at '/'.
 *
 * @example
 *   const shenfa = await createShenfa({ databaseUrl: 'file:data/shenfa.db', basePath: '/disclosure',
 *     auth: { mode: 'host', resolveUser: (c) => c.get('user') ?? null } });
 *   host.route(shenfa.basePath, shenfa.app);
 */
import { readConfig, normalizeBasePath, type ServerConfig } from '../config';
import { createServices } from '../bootstrap';
import { createApp } from '../app';
import { startScheduler } from '../scheduler';
import { recomputeOpenDeadlines } from '../services/deadline-service';
import type { ServiceContext } from '../services/service-context';
import type { ShenfaAuth } from './host-auth';

/** Settings of the embedded Shenfa beyond the required ones; each defaults as in the standalone server. */
export type ShenfaSettings = Partial<Omit<ServerConfig, 'port' | 'host' | 'basePath' | 'signIn' | 'databaseUrl'>>;

export interface ShenfaOptions extends ShenfaSettings {
  /** libsql URL of Shenfa's own database: file:…, libsql://…, http(s)://… */
  databaseUrl: string;
  /** Where the host mounts Shenfa; default '/'. */
  basePath?: string;
  /** Who signs staff in; default Shenfa's own password sign-in. */
  auth?: ShenfaAuth;
  /** Start the periodic jobs (reminders, webhook deliveries, e-mail) in this process now; default true. False: call startScheduler() later, or never (another process runs them). */
  scheduler?: boolean;
  /** The clock; tests only. */
  now?: () => number;
}

export interface Shenfa {
  /** Mount with host.route(shenfa.basePath, shenfa.app) — after the host's own auth middleware. A server of Shenfa alone serves standaloneFetch(shenfa). */
  app: ReturnType<typeof createApp>;
  /** Normalized: '/' or e.g. '/disclosure'. */
  basePath: string;
  /** For the host's own scripts (seeding, CLI-like tasks): the same services the routes use. */
  services: ServiceContext;
  /** Starts the periodic jobs if they are not running yet. */
  startScheduler(): void;
  /** Stops the periodic jobs and closes the database. Stop serving requests first. */
  close(): Promise<void>;
}

/**
 * Opens Shenfa's database, runs its migrations (its own tables only, tracked in its own
 * migrations table), brings stored deadlines up to date, and returns the Hono app.
 */
export async function createShenfa(options: ShenfaOptions): Promise<Shenfa> {
  const { databaseUrl, basePath, auth, scheduler, now, ...settings } = options;
  const defaults = readConfig({});
  const config: ServerConfig = {
    ...defaults,
    ...Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined)),
    databaseUrl,
    basePath: normalizeBasePath(basePath ?? '/'),
    signIn: auth?.mode ?? 'own',
  };
  return createShenfaFromConfig(config, { auth, scheduler, now });
}

/** createShenfa for a caller that already holds a whole ServerConfig (the standalone server reads it from the environment). */
export async function createShenfaFromConfig(config: ServerConfig, options: { auth?: ShenfaAuth | undefined; scheduler?: boolean | undefined; now?: (() => number) | undefined } = {}): Promise<Shenfa> {
  const auth: ShenfaAuth = options.auth ?? { mode: 'own' };
  const services = await createServices({ ...config, signIn: auth.mode }, options.now ? { now: options.now } : {});
  // A newer holiday package may know a year the stored deadlines were provisional in.
  await recomputeOpenDeadlines(services);
  const app = createApp(services, auth);
  let stopScheduler: (() => void) | null = null;
  const shenfa: Shenfa = {
    app,
    basePath: services.config.basePath || '/',
    services,
    startScheduler() {
      stopScheduler ??= startScheduler(services);
    },
    async close() {
      stopScheduler?.();
      services.database.close();
    },
  };
  if (options.scheduler !== false) shenfa.startScheduler();
  return shenfa;
}
