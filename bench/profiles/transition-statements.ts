// Which statements one service-layer transition runs, and where the time goes:
// npx tsx bench/profiles/transition-statements.ts
import { performReviewAction } from '../../server/services/review-service';
import { ALL_CHECKS, FIVE_STEPS, freshFixture, openTaskId, person, submittedDocuments } from '../lib/fixture';

const f = await freshFixture();
const docs = await submittedDocuments(f, 40);
const client = f.services.database.client as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
const stats = new Map<string, { n: number; ms: number }>();
let counting = false;
for (const method of ['execute', 'batch']) {
  const original = client[method]!.bind(client);
  client[method] = async (...args: unknown[]) => {
    const t = performance.now();
    try {
      return await original(...args);
    } finally {
      if (counting) {
        const first = args[0] as { sql?: string } | string | unknown[];
        const sql = method === 'batch' ? `BATCH(${(first as unknown[]).length})` : typeof first === 'string' ? first : ((first as { sql?: string }).sql ?? '');
        const key = sql.replace(/\s+/g, ' ').slice(0, 110);
        const s = stats.get(key) ?? { n: 0, ms: 0 };
        s.n++;
        s.ms += performance.now() - t;
        stats.set(key, s);
      }
    }
  };
}
let n = 0;
const t0 = performance.now();
for (const documentId of docs) {
  let version = 2;
  for (const { username, action } of FIVE_STEPS) {
    const taskId = await openTaskId(f, documentId);
    const input = action === 'publish' ? ({ documentId, expectedVersion: version, action, taskId } as const) : ({ documentId, expectedVersion: version, action, taskId, opinion: '同意', checks: ALL_CHECKS } as const);
    counting = true;
    version = (await performReviewAction(f.services, person(f, username), input)).version;
    counting = false;
    n++;
  }
}
console.log(`${n} transitions in ${((performance.now() - t0) / n).toFixed(2)} ms each (incl. task lookup)`);
const rows = [...stats].sort((a, b) => b[1].ms - a[1].ms);
console.log(`statements per transition: ${(rows.reduce((s, [, v]) => s + v.n, 0) / n).toFixed(1)}; DB time per transition ${(rows.reduce((s, [, v]) => s + v.ms, 0) / n).toFixed(2)} ms`);
for (const [sql, v] of rows.slice(0, 25)) console.log(`${(v.n / n).toFixed(2).padStart(5)}× ${(v.ms / n).toFixed(3).padStart(6)} ms  ${sql}`);
f.close();
