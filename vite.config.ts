import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';
import { precompressAssets } from './client/precompress-plugin';

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
