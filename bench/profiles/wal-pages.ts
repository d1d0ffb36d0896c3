// WAL pages written per approval when 50 reviewers approve at once (in process, group commit),
// a measure of what each commit costs the disk: npx tsx bench/profiles/wal-pages.ts
import fs from 'node:fs';
import { createApp } from '../../server/app';
import { ALL_CHECKS, BENCH_PASSWORD, freshFixture, openTaskId, submittedDocuments } from '../lib/fixture';

const f = await freshFixture();
const docs = await submittedDocuments(f, 1000);
const targets: { documentId: string; taskId: string }[] = [];
for (const documentId of docs) targets.push({ documentId, taskId: await openTaskId(f, documentId) });
const app = createApp(f.services);
const base = 'http://127.0.0.1';
const login = await app.request(`${base}/api/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'legal', password: BENCH_PASSWORD }) });
const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
const client = f.services.database.client;
await client.execute('PRAGMA wal_autocheckpoint = 0');
await client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
const walPages = () => Math.max(0, Math.round((fs.statSync(`${f.dbFile}-wal`).size - 32) / 4120));
const before = walPages();
let next = 0;
await Promise.all(
  Array.from({ length: 50 }, async () => {
    while (next < targets.length) {
      const i = next++;
      const res = await app.request(`${base}/api/trpc/review.approve`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ ...targets[i], expectedVersion: 2, opinion: '同意', checks: ALL_CHECKS }) });
      if (res.status !== 200) throw new Error(await res.text());
      await res.text();
    }
  }),
);
console.log(`${targets.length} approvals by 50 at once: ${((walPages() - before) / targets.length).toFixed(1)} WAL pages per approval`);
f.close();
