import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { BENCH_PASSWORD, freshFixture, submittedDocuments } from './lib/fixture';
import { figure, type Bench } from './lib/figures';
import { round, percentile } from './lib/stats';
import { signIn } from './lib/load';
import { startServer, stopServer } from './lib/server-process';

/** A county office's link to the bureau's server, as chromium emulates one (bytes per second, ms). */
const LINK = { offline: false, latency: 20, downloadThroughput: 10e6 / 8, uploadThroughput: 10e6 / 8 };

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

function gzipKb(file: string): number {
  return round(zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length / 1024, 1);
}

/** The JS a browser fetches before the app can run: index.html's module scripts and their modulepreloads. */
function initialJs(clientDir: string) {
  const html = fs.readFileSync(path.join(clientDir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g)].map((m) => m[1]!);
  const files = [...new Set(refs)].map((r) => path.join(clientDir, r.replace(/^\//, '')));
  const all = fs.readdirSync(path.join(clientDir, 'assets')).filter((f) => f.endsWith('.js')).map((f) => path.join(clientDir, 'assets', f));
  return {
    initialGzipKb: round(files.reduce((sum, f) => sum + gzipKb(f), 0), 1),
    initialRawKb: round(files.reduce((sum, f) => sum + fs.statSync(f).size, 0) / 1024, 1),
    allChunks: all.map((f) => ({ file: path.basename(f), rawKb: round(fs.statSync(f).size / 1024, 1), gzipKb: gzipKb(f) })),
  };
}

/**
 * The signed-in app's initial JavaScript (vite build output) and the time from navigation to the
 * inbox being interactive in headless chromium, against a static HTML page from the same server.
 */
export const clientBench: Bench = async (ctx) => {
  let clientDir = path.resolve('dist/client');
  const fixture = await freshFixture();
  if (!ctx.quick || !fs.existsSync(path.join(clientDir, 'index.html'))) {
    // A build of its own so the figure is of the tree as it is now, not of a stale dist/.
    clientDir = path.join(fixture.dir, 'client');
    execFileSync('flock', ['/tmp/shenfa-build.lock', 'npx', 'vite', 'build', '--outDir', clientDir, '--emptyOutDir', '--logLevel', 'warn'], { stdio: 'inherit' });
  } else {
    ctx.note(`quick mode: sizes of the existing dist/client (built ${fs.statSync(path.join(clientDir, 'index.html')).mtime.toISOString()})`);
  }
  const sizes = initialJs(clientDir);
  ctx.detail('sizes', sizes);
  await submittedDocuments(fixture, 5);
  fixture.services.database.close();
  const { child, port } = await startServer(fixture.dbFile, fixture.dir, [], clientDir);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const session = await signIn(port, 'legal', BENCH_PASSWORD);
    const [name, value] = session.cookie.split('=') as [string, string];
    const base = `http://127.0.0.1:${port}`;
    const rounds = ctx.quick ? 3 : 10;
    // On loopback, and over a link like a county office's to the bureau (CDP's network
    // emulation: 10 Mbit/s each way, 20 ms latency), where bytes and round trips count.
    const links = [{ name: 'loopback', conditions: null }, { name: 'link', conditions: LINK }] as const;
    const loads: Record<string, { inbox: number[]; static: number[] }> = { loopback: { inbox: [], static: [] }, link: { inbox: [], static: [] } };
    // Each load in a fresh context (cold cache), alternating app and baseline; the first of each is warm-up.
    for (let i = 0; i <= rounds; i++) {
      for (const link of links) {
        for (const which of ['static', 'inbox'] as const) {
          const context = await browser.newContext();
          await context.addCookies([{ name, value, url: base }]);
          const page = await context.newPage();
          if (link.conditions) {
            const cdp = await context.newCDPSession(page);
            await cdp.send('Network.enable');
            await cdp.send('Network.emulateNetworkConditions', link.conditions);
          }
          const t = performance.now();
          if (which === 'inbox') {
            await page.goto(`${base}/`, { waitUntil: 'commit' });
            await page.locator('[data-testid="task-row"]').first().waitFor();
          } else {
            await page.goto(`${base}/bench/static.html`, { waitUntil: 'commit' });
            await page.locator('h1').waitFor();
          }
          const ms = performance.now() - t;
          if (i > 0) loads[link.name]![which].push(ms);
          await context.close();
        }
      }
    }
    const [inbox, staticPage] = [loads.loopback!.inbox, loads.loopback!.static];
    const linkInboxP50 = round(percentile(loads.link!.inbox, 50), 1);
    const linkStaticP50 = round(percentile(loads.link!.static, 50), 1);
    const inboxP50 = round(percentile(inbox, 50), 1);
    const staticP50 = round(percentile(staticPage, 50), 1);
    ctx.detail('inboxMs', inbox.map((n) => round(n, 1)));
    ctx.detail('staticMs', staticPage.map((n) => round(n, 1)));
    ctx.detail('linkInboxMs', loads.link!.inbox.map((n) => round(n, 1)));
    ctx.detail('linkStaticMs', loads.link!.static.map((n) => round(n, 1)));
    ctx.note(`${rounds} cold loads each (fresh browser context), signed in as legal, on loopback and over an emulated 10 Mbit/s, 20 ms link; interactive = first inbox row rendered from the tRPC answer`);
    return [
      figure({ figure: 'initial JS (gzip)', value: sizes.initialGzipKb, unit: 'KB', target: '≤ 100 KB', pass: sizes.initialGzipKb <= 100 }),
      figure({ figure: 'initial JS (raw)', value: sizes.initialRawKb, unit: 'KB' }),
      figure({ figure: 'JS files in build', value: sizes.allChunks.length, unit: 'files' }),
      figure({ figure: 'navigation → inbox interactive p50', value: inboxP50, unit: 'ms', baseline: { name: 'static HTML', value: staticP50 }, ratio: round(staticP50 / inboxP50) }),
      figure({ figure: 'the same over 10 Mbit/s, 20 ms', value: linkInboxP50, unit: 'ms', baseline: { name: 'static HTML', value: linkStaticP50 }, ratio: round(linkStaticP50 / linkInboxP50) }),
    ];
  } finally {
    await browser.close();
    await stopServer(child);
    fs.rmSync(fixture.dir, { recursive: true, force: true });
  }
};
