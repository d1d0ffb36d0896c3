import fs from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';

/**
 * Serves the built Solid app. `serveStatic` has no SPA fallback, so any other GET that is
 * not an API or public route gets index.html and the client router takes over.
 */
export function staticClient(clientDir: string) {
  const app = new Hono();
  const indexPath = path.join(clientDir, 'index.html');
  const relativeRoot = path.relative(process.cwd(), clientDir) || '.';
  app.use('/assets/*', serveStatic({ root: relativeRoot, onFound: (_p, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable') }));
  app.use('/favicon.svg', serveStatic({ root: relativeRoot }));
  app.get('*', (c) => {
    if (!fs.existsSync(indexPath)) return c.text('前端尚未构建：请先运行 npm run build', 503);
    return c.html(fs.readFileSync(indexPath, 'utf8'));
  });
  return app;
}
