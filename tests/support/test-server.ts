import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { readConfig } from '../../server/config';
import { standaloneFetch } from '../../server/embed/standalone-fetch';
import { createShenfaFromConfig } from '../../server/embed/create-shenfa';
import { seedDemoBureau } from '../../server/seed/seed-demo';
import type { ServiceContext } from '../../server/services/service-context';
import { answerMalformedRequests } from '../../server/http/client-errors';

export const TEST_PASSWORD = 'test-password-2026';

export interface TestServer {
  url: string;
  dir: string;
  /** The server's libsql file, for a second process (the CLI, another server) to open. */
  databaseUrl: string;
  services: ServiceContext;
  close(): Promise<void>;
}

/**
 * A real Shenfa server on a loopback port over a fresh libsql file, seeded with the demo
 * bureau through the real services.
 */
export async function startTestServer(options: { seed?: boolean; now?: () => number; dir?: string; env?: Record<string, string> } = {}): Promise<TestServer> {
  // A caller-given directory outlives the server (a restart test reopens it); a fresh one is removed on close.
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'shenfa-test-'));
  const config = readConfig({
    DATABASE_URL: `file:${path.join(dir, 'shenfa.db')}`,
    SHENFA_DATA_DIR: dir,
    SHENFA_CLIENT_DIR: path.resolve('dist/client'),
    PORT: '0',
    HOST: '127.0.0.1',
    ...options.env,
  });
  // The same path as the standalone server: the embeddable Shenfa, served at its base path.
  const shenfa = await createShenfaFromConfig(config, { scheduler: false, now: options.now });
  const { services } = shenfa;
  if (options.seed !== false) await seedDemoBureau(services, TEST_PASSWORD);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: standaloneFetch(shenfa), port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  answerMalformedRequests(server);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dir,
    databaseUrl: config.databaseUrl,
    services,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await shenfa.close();
      if (!options.dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
