// COMMIT latency and WAL size over sequential service-layer transitions, with the WAL checkpointed
// on its worker thread (the server's setting) or inside the commit (SQLite's default):
//   npx tsx bench/profiles/commit-latency.ts [documents]            background checkpoints
//   INLINE=1 npx tsx bench/profiles/commit-latency.ts [documents]   inside the commit
import fs from 'node:fs';
import { LocalClient } from '../../server/db/local-client';
import { freshFixture, reviewToPublication, submittedDocuments } from '../lib/fixture';
import { probeStatements } from '../lib/statement-probe';

const f = await freshFixture();
const client = f.services.database.client as LocalClient;
if (process.env.INLINE) client.checkpointInline();
const docs = await submittedDocuments(f, Number(process.argv[2] ?? 300));

// Times each COMMIT on the writer's connection.
const commits: number[] = [];
let counting = false;
probeStatements(client, (sql, micros) => {
  if (counting && sql === 'COMMIT') commits.push(micros);
});

const walls: number[] = [];
for (const documentId of docs) {
  await reviewToPublication(f, documentId, async (_, approve) => {
    counting = true;
    const t = performance.now();
    const result = await approve();
    walls.push(performance.now() - t);
    counting = false;
    return result;
  });
}
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(`${process.env.INLINE ? 'checkpoint inside the commit' : 'checkpoint on its thread'}: ${walls.length} transitions, load ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}`);
console.log(`COMMIT µs: p50 ${q(commits, 0.5).toFixed(0)}, p90 ${q(commits, 0.9).toFixed(0)}, p99 ${q(commits, 0.99).toFixed(0)}, max ${Math.max(...commits).toFixed(0)}, mean ${mean(commits).toFixed(0)}`);
console.log(`transition ms: p50 ${q(walls, 0.5).toFixed(2)}, p99 ${q(walls, 0.99).toFixed(2)}, mean ${mean(walls).toFixed(2)} (${(1000 / mean(walls)).toFixed(0)}/s)`);
console.log(`WAL file at the end: ${(fs.statSync(`${f.dbFile}-wal`).size / 1e6).toFixed(1)} MB`);
f.close();
