import path from 'node:path';

/** Everything the server reads from the environment, read once at start. */
export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  /** Where attachments live (outside the database rows). */
  dataDir: string;
  /** Built client (vite output). */
  clientDir: string;
  demoPassword: string | undefined;
  /** Set the Secure flag on cookies (behind HTTPS). */
  secureCookies: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT 无效: ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL ?? 'file:data/shenfa.db',
    databaseAuthToken: env.DATABASE_AUTH_TOKEN,
    dataDir: path.resolve(env.SHENFA_DATA_DIR ?? 'data'),
    clientDir: path.resolve(env.SHENFA_CLIENT_DIR ?? 'dist/client'),
    demoPassword: env.SHENFA_DEMO_PASSWORD,
    secureCookies: env.SHENFA_SECURE_COOKIES === '1' || env.SHENFA_SECURE_COOKIES === 'true',
  };
}
