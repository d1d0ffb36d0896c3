// Which tables and indexes one review step writes to the WAL, one step at a time (as items 1 and 2
// measure it): each step's frames, read back from the -wal file, mapped to their b-tree with
// SQLite's dbstat table. `npx tsx bench/profiles/step-pages.ts [documents]`
import fs from 'node:fs';
import Database from 'libsql';
import { freshFixture, reviewToPublication, submittedDocuments } from '../lib/fixture';

const f = await freshFixture();
const docs = await submittedDocuments(f, Number(process.argv[2] ?? 40));
const client = f.services.database.client;
await client.execute('PRAGMA wal_autocheckpoint = 0');
const PAGE = 4096;
const FRAME = PAGE + 24;
const walFile = `${f.dbFile}-wal`;
const framesSince = (offset: number) => {
  const wal = fs.readFileSync(walFile);
  const pages: number[] = [];
  for (let at = Math.max(32, offset); at + FRAME <= wal.length; at += FRAME) pages.push(wal.readUInt32BE(at));
  return { pages, end: wal.length };
};
const perStep = new Map<string, number[]>();
let steps = 0;
for (const documentId of docs) {
  await reviewToPublication(f, documentId, async ({ step }, approve) => {
    await client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
    const start = fs.statSync(walFile).size;
    const result = await approve();
    const list = perStep.get(step) ?? [];
    list.push(...framesSince(start).pages);
    perStep.set(step, list);
    steps++;
    return result;
  });
}
const inspector = new Database(f.dbFile, { readonly: true });
const owner = new Map<number, string>();
for (const row of inspector.prepare('SELECT name, pageno FROM dbstat').all() as { name: string; pageno: number }[]) owner.set(row.pageno, row.name);
inspector.close();
for (const [step, pages] of perStep) {
  const byTree = new Map<string, number>();
  for (const page of pages) {
    const tree = owner.get(page) ?? '(freed)';
    byTree.set(tree, (byTree.get(tree) ?? 0) + 1);
  }
  const n = docs.length;
  console.log(`${step}: ${(pages.length / n).toFixed(1)} frames per step`);
  console.log('  ' + [...byTree].sort((a, b) => b[1] - a[1]).map(([name, count]) => `${name} ${(count / n).toFixed(1)}`).join(', '));
}
f.close();
