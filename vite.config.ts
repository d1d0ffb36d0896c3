import fs from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';

// The build's gzip copies are written here, not in a module of their own: vite's coming native
// config loader wants a file extension on the config's local imports, which TypeScript refuses.

/** Below this the headers cost about what compression would save. */
const MIN_BYTES = 1024;
/** Text the server sends as files (index.html is written per request: server/http/static-client.ts). */
const COMPRESSIBLE = /\.(?:js|mjs|css|svg|json)$/;

/**
 * Writes a gzip copy (`.gz`, level 9) beside each script and stylesheet of the build, which the
 * server sends to browsers that accept it (serveStatic's `precompressed`): compressed once at
 * build time, never per request. Without it the staff app's first page cost 149 KB of scripts
 * on the wire instead of ≈ 54 KB, unless the bureau's proxy compressed them.
 *
 * Gzip alone: Brotli at its best (quality 11) made the first page's files 52.8 KB against
 * gzip's ≈ 53.6 KB and took 6.5 s of every build (elkjs alone 2.5 s); at quality 9 it was
 * larger than gzip (57.0 KB).
 */
function precompressAssets(): Plugin {
  return {
    name: 'shenfa-precompress-assets',
    apply: 'build',
    // Once the files are written: vite's own plugins still rewrite chunks in generateBundle (preload lists).
    writeBundle(options, bundle) {
      const dir = options.dir ?? '';
      for (const fileName of Object.keys(bundle)) {
        if (!COMPRESSIBLE.test(fileName)) continue;
        const file = path.join(dir, fileName);
        const bytes = fs.readFileSync(file);
        if (bytes.length >= MIN_BYTES) fs.writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

// One config for the client build and for the three test projects:
// unit tests sit beside pure code, integration and browser tests under tests/.
export default defineConfig({
  root: 'client',
  plugins: [solid(), precompressAssets()],
  // Relative asset URLs: one build serves any mount path. The server puts <base href="{basePath}/">
  // first in index.html (server/http/static-client.ts), so ./assets/… resolves from every route.
  base: './',
  build: { outDir: '../dist/client', emptyOutDir: true, sourcemap: false },
  server: { proxy: { '/api': 'http://localhost:3000', '/public': 'http://localhost:3000' } },
  test: {
    root: '.',
    environment: 'node',
    // Two test files at a time even on two cores (vitest's default there is one): the files
    // mostly wait on their servers, child processes and chromium, so the suite used 1.15
    // cores on average with two and took 412 s instead of 520 s. Browser files still run one
    // after another (their project's fileParallelism), beside the other files.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          root: '.',
          include: ['workflows/**/*.test.ts', 'forms/**/*.test.ts', 'server/**/*.test.ts', 'client/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          root: '.',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          root: '.',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
