import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

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
export function precompressAssets(): Plugin {
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
