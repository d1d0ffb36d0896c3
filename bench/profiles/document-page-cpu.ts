// The staff document page (tRPC documents.get) over HTTP: every reviewer opens the document
// before acting, so in a review burst it is asked as often as review.approve. 50 keep-alive
// clients signed in as the legality reviewer, each viewing the 50 documents waiting for them in
// turn, against the real server in a child process; pages per second and the server's CPU per
// page. `npx tsx bench/profiles/document-page-cpu.ts [views] [clients]`
// (BENCH_CPU_PROF=1 writes the server's .cpuprofile to bench/results/profiles/)
import path from 'node:path';
import { BENCH_PASSWORD, freshFixture, submittedDocuments } from '../lib/fixture';
import { request, signIn, type Session } from '../lib/load';
import { startServer, stopServer } from '../lib/server-process';
import { timedCalls } from '../lib/timed-calls';

const views = Number(process.argv[2] ?? 4000);
const concurrency = Number(process.argv[3] ?? 50);
const fixture = await freshFixture();
const docs = await submittedDocuments(fixture, 50);
fixture.services.database.close();
const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve('bench/results/profiles')}`] : [];
const { child, port } = await startServer(fixture.dbFile, fixture.dir, profile);
try {
  const sessions: Session[] = [];
  for (let c = 0; c < concurrency; c++) sessions.push(await signIn(port, 'legal', BENCH_PASSWORD));
  const view = (c: number, i: number) => request(port, sessions[c]!, 'GET', `/api/trpc/documents.get?input=${encodeURIComponent(JSON.stringify({ id: docs[i % docs.length] }))}`);
  console.log(`documents.get  ${(await timedCalls(child.pid!, concurrency, 500, views, view)).summary}`);
} finally {
  await stopServer(child);
  fixture.close();
}
