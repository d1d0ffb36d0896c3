/**
 * Where an approval over HTTP allocates: 50 clients approve through the bundled server as in
 * bench/http.ts while V8's sampling heap profiler records every allocation, the ones already
 * collected too (BENCH_HEAP_PROFILE in bench-server.ts). Prints the bytes per approval by
 * the bundled module (esbuild's `// path` comments) and by function.
 * `npx tsx bench/profiles/http-allocations.ts [approvals]` (TOP=n rows, default 25;
 * BENCH_HEAP_PROMOTED=1: only what no scavenge collected, i.e. what the major GCs collect: the
 * promoted objects, and the young ones a mark-compact happened to find dead; SERVER_FLAGS='…'
 * for more node flags; KEEP_PROFILE=file keeps the sampled profile).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ALL_CHECKS, BENCH_PASSWORD, freshFixture, openTaskId, submittedDocuments } from '../lib/fixture';
import { closedLoop, request, signIn, type Session } from '../lib/load';
import { startServer, stopServer } from '../lib/server-process';

interface ProfileNode { callFrame: { functionName: string; url: string; lineNumber: number }; selfSize: number; children: ProfileNode[] }

const APPROVALS = Number(process.argv[2] ?? 3000);
const TOP = Number(process.env.TOP ?? 25);
const fixture = await freshFixture();
const docs = await submittedDocuments(fixture, APPROVALS);
const targets: { documentId: string; taskId: string }[] = [];
for (const documentId of docs) targets.push({ documentId, taskId: await openTaskId(fixture, documentId) });
fixture.services.database.close();
const profileFile = process.env.KEEP_PROFILE ?? path.join(fixture.dir, 'heap.json');
process.env.BENCH_HEAP_PROFILE = profileFile;
const { child, port } = await startServer(fixture.dbFile, fixture.dir, process.env.SERVER_FLAGS?.split(' ').filter(Boolean) ?? []);
try {
  const sessions: Session[] = [];
  for (let c = 0; c < 50; c++) sessions.push(await signIn(port, 'legal', BENCH_PASSWORD));
  await closedLoop(50, APPROVALS, (c, i) => request(port, sessions[c]!, 'POST', '/api/trpc/review.approve', JSON.stringify({ ...targets[i]!, expectedVersion: 2, opinion: '同意', checks: ALL_CHECKS })));
} finally {
  await stopServer(child);
}
const profile = JSON.parse(fs.readFileSync(profileFile, 'utf8')) as { head: ProfileNode };
fs.rmSync(fixture.dir, { recursive: true, force: true });

// The bundle's lines, to name the module each allocating function is in.
const bundleLines = new Map<string, string[]>();
function moduleOf(url: string, line: number): string {
  if (!url.startsWith('file://')) return url || '(native)';
  let lines = bundleLines.get(url);
  if (!lines) bundleLines.set(url, (lines = fs.readFileSync(new URL(url), 'utf8').split('\n')));
  for (let l = line; l >= 0; l--) if (/^\/\/ (node_modules|server|workflows|forms|bench)\//.test(lines[l] ?? '')) return lines[l]!.slice(3).replace(/^node_modules\//, '');
  return path.basename(url);
}
const byModule = new Map<string, number>();
const byFunction = new Map<string, number>();
let total = 0;
(function walk(node: ProfileNode) {
  if (node.selfSize) {
    const { functionName, url, lineNumber } = node.callFrame;
    const module = moduleOf(url, lineNumber);
    const packageOrDir = module.startsWith('@') ? module.split('/').slice(0, 2).join('/') : module.split('/')[0]!;
    byModule.set(packageOrDir, (byModule.get(packageOrDir) ?? 0) + node.selfSize);
    const key = `${functionName || '(anonymous)'} ${module}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + node.selfSize);
    total += node.selfSize;
  }
  node.children.forEach(walk);
})(profile.head);
const perApproval = (bytes: number) => `${(bytes / APPROVALS / 1024).toFixed(1).padStart(7)} KB`;
console.log(`${process.env.BENCH_HEAP_PROMOTED === '1' ? 'promoted' : 'allocated'} ≈ ${perApproval(total)} per approval (${APPROVALS} approvals, sign-ins included)`);
console.log('\nby package or top folder:');
for (const [name, bytes] of [...byModule].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${perApproval(bytes)}  ${name}`);
console.log('\nby function:');
for (const [name, bytes] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${perApproval(bytes)}  ${name}`);
