// The public catalog over HTTP: pages per second and the server's CPU per page for the list,
// a document page and a search, from 50 keep-alive clients against the real server in a child
// process (bench/lib/bench-server.ts), on a fresh fixture with 60 published documents. The
// public and the staff share one event loop, so what a page costs is what a news spike takes
// from the reviewers. `npx tsx bench/profiles/public-pages-cpu.ts [pages] [clients]`
import { freshFixture, reviewToPublication, submittedDocuments } from '../lib/fixture';
import { newSession, request } from '../lib/load';
import { startServer, stopServer } from '../lib/server-process';
import { timedCalls } from '../lib/timed-calls';

const pages = Number(process.argv[2] ?? 4000);
const concurrency = Number(process.argv[3] ?? 50);
const fixture = await freshFixture();
for (const documentId of await submittedDocuments(fixture, 60)) await reviewToPublication(fixture, documentId);
const indexNumber = String((await fixture.services.database.client.execute("SELECT index_number FROM documents WHERE status = 'published' AND attribute = 'open' ORDER BY published_at DESC LIMIT 1")).rows[0]!.index_number);
fixture.services.database.close();
const { child, port } = await startServer(fixture.dbFile, fixture.dir, []);
try {
  const sessions = Array.from({ length: concurrency }, () => newSession());
  const views = { 'list, page 1': '/public', 'a document': `/public/documents/${encodeURIComponent(indexNumber)}`, 'search 低保': `/public/search?q=${encodeURIComponent('低保')}` };
  for (const [name, path] of Object.entries(views)) {
    const run = await timedCalls(child.pid!, concurrency, 500, pages, (c) => request(port, sessions[c]!, 'GET', path));
    console.log(`${name.padEnd(14)} ${run.summary}`);
  }
} finally {
  await stopServer(child);
  fixture.close();
}
