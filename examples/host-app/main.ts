/**
 * Runs the example host: `npm run example:host` (builds the client first), then open
 * http://localhost:4000/ , sign in as one of the host's people and open 审发 under /disclosure.
 *
 * PORT (default 4000), DATABASE_URL (default file:data/host-example.db) and SHENFA_DATA_DIR
 * are read as by the standalone server. A demo bureau (categories, workflows, departments)
 * is seeded into an empty database so there is something to review.
 */
import { serve } from '@hono/node-server';
import { seedDemoBureau } from '../../server/seed/seed-demo';
import { demoPassword } from '../../server/seed/demo-password';
import { createHostApp } from './host-app';

const port = Number(process.env.PORT ?? 4000);
const host = await createHostApp({
  databaseUrl: process.env.DATABASE_URL ?? 'file:data/host-example.db',
  settings: process.env.SHENFA_DATA_DIR ? { dataDir: process.env.SHENFA_DATA_DIR } : {},
});
await seedDemoBureau(host.shenfa.services, demoPassword(process.env.SHENFA_DEMO_PASSWORD).password);
const server = serve({ fetch: host.app.fetch, port }, (info) => {
  console.log(`示例门户：http://localhost:${info.port}/`);
  console.log(`审发（嵌入于 /disclosure）：http://localhost:${info.port}/disclosure/`);
});
const stop = () => server.close(() => void host.close().then(() => process.exit(0)));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
