/**
 * The server as one ES module for `npm run serve` (dist/server/main.mjs), built by esbuild at
 * `npm run build`; packages stay in node_modules. Run from TypeScript through tsx, the server
 * paid for tsx at run time: its loader thread and transformed sources held ≈ 50 MB more RSS
 * under the HTTP benchmark (229–236 → 180–185 MB), and tsx compiles with `keepNames`, which
 * wraps every closure the code creates in a `__name()` call (≈ 4% of the server's CPU per
 * approval). The CLI and the tests still run the sources through tsx.
 *
 * The few files the server finds beside its own module (import.meta.url) are copied to the
 * same places relative to the bundle: the migrations, the WAL checkpoint worker, the public
 * catalog's stylesheet, and the scale generator's, group commit's and the report reader's
 * workers, bundled on their own (tests/integration/bundled-server.test.ts starts the bundle).
 *
 * Usage: tsx server/bundle.ts [entry=server/main.ts] [outfile=dist/server/main.mjs]
 * (`npm run bench` bundles the benchmark harness the same way, so the service layer it measures
 * in process runs as the server runs it.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Plugin } from 'esbuild';

/** The project's root: the nearest folder up from this module with the package's package.json (this module may itself run bundled, as the benchmarks do). */
function projectRoot(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'shenfa') return dir;
    if (path.dirname(dir) === dir) throw new Error('server/bundle.ts: no shenfa package.json above this module');
  }
}
const ROOT = projectRoot();

// esbuild drops an external import's `with { type: 'json' }`, and Node refuses JSON without
// it: JSON from packages (the holiday calendar's data) is bundled instead.
const bundleJsonFromPackages: Plugin = {
  name: 'bundle-json-from-packages',
  setup(b) {
    b.onResolve({ filter: /\.json$/ }, (args) => (args.kind === 'import-statement' && !args.path.startsWith('.') ? { path: fileURLToPath(import.meta.resolve(args.path)) } : undefined));
  },
};

/** Bundles `entry` to `outfile` and copies what the server reads beside its module. */
export async function bundleServer(entry = path.join(ROOT, 'server/main.ts'), outfile = path.join(ROOT, 'dist/server/main.mjs')): Promise<string> {
  const outdir = path.dirname(outfile);
  const options: BuildOptions = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', sourcemap: true, logLevel: 'warning', plugins: [bundleJsonFromPackages] };
  await build({ ...options, entryPoints: [entry], outfile });
  // seed/scale-source.ts starts `<its dir>/scale-worker.js` when it does not run from TypeScript
  // (the benchmark harness generates its scale databases bundled).
  await build({ ...options, entryPoints: [path.join(ROOT, 'server/seed/scale-worker.ts')], outfile: path.join(outdir, 'scale-worker.js') });
  // services/group-commit-thread.ts likewise starts `<its dir>/group-commit-worker.js`.
  await build({ ...options, entryPoints: [path.join(ROOT, 'server/services/group-commit-worker.ts')], outfile: path.join(outdir, 'group-commit-worker.js') });
  // db/report-reader.ts likewise starts `<its dir>/report-reader-worker.js`.
  await build({ ...options, entryPoints: [path.join(ROOT, 'server/db/report-reader-worker.ts')], outfile: path.join(outdir, 'report-reader-worker.js') });
  // server/db/client.ts: `<its dir>/migrations`; wal-checkpointer.ts: `<its dir>/wal-checkpoint-worker.mjs`;
  // http/public-routes.ts: `<its dir>/../public/assets/catalog.css`. In the bundle every "its dir" is outdir.
  fs.cpSync(path.join(ROOT, 'server/db/migrations'), path.join(outdir, 'migrations'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'server/db/wal-checkpoint-worker.mjs'), path.join(outdir, 'wal-checkpoint-worker.mjs'));
  fs.cpSync(path.join(ROOT, 'server/public/assets'), path.join(outdir, '..', 'public', 'assets'), { recursive: true });
  return outfile;
}

// Run as a script (not when bundled into something else, e.g. the benchmark harness, whose own module is then argv[1]).
if (import.meta.url.endsWith('/server/bundle.ts') && process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [entry, outfile] = process.argv.slice(2);
  const built = await bundleServer(entry && path.resolve(entry), outfile && path.resolve(outfile));
  console.log(`bundled: ${path.relative(process.cwd(), built)}`);
}
