// WAL pages written per approval when 50 reviewers approve at once (in process, group commit),
// a measure of what each commit costs the disk: npx tsx bench/profiles/wal-pages.ts
import fs from 'node:fs';
import { freshFixture } from '../lib/fixture';
import { inProcessApp } from '../lib/in-process-app';
import { inFlight } from '../lib/in-flight';

const f = await freshFixture();
const { targets, approve } = await inProcessApp(f, 1000);
const client = f.services.database.client;
await client.execute('PRAGMA wal_autocheckpoint = 0');
await client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
const walPages = () => Math.max(0, Math.round((fs.statSync(`${f.dbFile}-wal`).size - 32) / 4120));
const before = walPages();
await inFlight(targets.map((_, i) => i), 50, async (i) => {
  const res = await approve(i);
  if (res.status !== 200) throw new Error(await res.text());
  await res.text();
});
console.log(`${targets.length} approvals by 50 at once: ${((walPages() - before) / targets.length).toFixed(1)} WAL pages per approval`);
f.close();
