// Which statements one service-layer transition runs (every one on the driver's connection,
// group commit's BEGIN, audit tip, savepoints and COMMIT included), and where the time goes:
// [STEP=publication] npx tsx bench/profiles/transition-statements.ts
import type { LocalClient } from '../../server/db/local-client';
import { freshFixture, reviewToPublication, submittedDocuments } from '../lib/fixture';
import { probeStatements } from '../lib/statement-probe';

const f = await freshFixture();
const docs = await submittedDocuments(f, 40);
const stats = new Map<string, { n: number; ms: number }>();
let counting = false;
probeStatements(f.services.database.client as LocalClient, (sql, micros) => {
  if (!counting) return;
  const key = sql.replace(/\s+/g, ' ').slice(0, 110);
  const s = stats.get(key) ?? { n: 0, ms: 0 };
  s.n++;
  s.ms += micros / 1000;
  stats.set(key, s);
});
// STEP=publication: count that step's statements alone.
const onlyStep = process.env.STEP;
let n = 0;
const t0 = performance.now();
for (const documentId of docs) {
  await reviewToPublication(f, documentId, async ({ step }, approve) => {
    if (onlyStep && step !== onlyStep) return approve();
    counting = true;
    try {
      return await approve();
    } finally {
      counting = false;
      n++;
    }
  });
}
console.log(`${n} transitions in ${((performance.now() - t0) / n).toFixed(2)} ms each (incl. task lookup)`);
const rows = [...stats].sort((a, b) => b[1].ms - a[1].ms);
console.log(`statements per transition: ${(rows.reduce((s, [, v]) => s + v.n, 0) / n).toFixed(1)}; DB time per transition ${(rows.reduce((s, [, v]) => s + v.ms, 0) / n).toFixed(2)} ms`);
for (const [sql, v] of rows.slice(0, 25)) console.log(`${(v.n / n).toFixed(2).padStart(5)}× ${(v.ms / n).toFixed(3).padStart(6)} ms  ${sql}`);
f.close();
