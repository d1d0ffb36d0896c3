import { seedScale } from '../server/seed/seed-scale';
import { listMyTasks } from '../server/services/inbox-service';
import { deadlineBoard } from '../server/services/deadline-board-service';
import { listPublished } from '../server/services/catalog-service';
import { refreshSearchIndex, searchPublic, searchStaff } from '../server/services/search-service';
import { matchExpression } from '../server/services/search-text';
import { freshFixture, person, type Fixture } from './lib/fixture';
import { figure, type Bench, type Figure } from './lib/figures';
import { round, summary } from './lib/stats';

const RECALL_WORDS = ['低保', '救助', '临时救助', '养老服务', '柳溪村', '工作日', '资金监管', '高龄津贴', '公示期'];

async function latency(reps: number, fn: () => Promise<unknown>) {
  await fn(); // warm: statement caches, the search queue
  const samples: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return summary(samples);
}

/** Bigram FTS against a brute-force LIKE scan over every document's title, number and body. */
async function recall(fixture: Fixture) {
  const { client } = fixture.services.database;
  let expected = 0, found = 0, extra = 0;
  const perWord: Record<string, { like: number; fts: number; both: number }> = {};
  for (const word of RECALL_WORDS) {
    const like = new Set((await client.execute({ sql: "SELECT id FROM documents WHERE title LIKE '%' || ?1 || '%' OR doc_number LIKE '%' || ?1 || '%' OR body LIKE '%' || ?1 || '%'", args: [word] })).rows.map((r) => String(r.id)));
    const fts = new Set((await client.execute({ sql: 'SELECT m.document_id AS id FROM search_staff s JOIN search_documents m ON m.id = s.rowid WHERE search_staff MATCH ?', args: [matchExpression(word)!] })).rows.map((r) => String(r.id)));
    const both = [...like].filter((id) => fts.has(id)).length;
    perWord[word] = { like: like.size, fts: fts.size, both };
    expected += like.size;
    found += both;
    extra += fts.size - both;
  }
  return { recall: expected ? found / expected : 1, falseHits: extra, perWord };
}

/**
 * Data scale: seed-scale at each N, then p50/p95 of the inbox, the deadline board, the public
 * catalog's first page and search (public and staff), all through the real services. The
 * baseline of each figure is the same query at the smallest N of the same run (growth ratio).
 */
export const scaleBench: Bench = async (ctx) => {
  const sizes = (process.env.BENCH_SCALE_SIZES ?? (ctx.quick ? '2000' : '10000,100000')).split(',').map(Number);
  const reps = ctx.quick ? 15 : 40;
  const byN: Record<number, Record<string, ReturnType<typeof summary>>> = {};
  const figures: Figure[] = [];
  for (const n of sizes) {
    const fixture = await freshFixture();
    try {
      const seeded = await seedScale(fixture.services, { docs: n });
      await refreshSearchIndex(fixture.services);
      const rate = round(n / (seeded.ms / 1000), 0);
      ctx.detail(`seed@${n}`, { ms: seeded.ms, docsPerSecond: rate, auditRows: seeded.auditRows });
      figures.push(figure({ figure: `seed-scale docs/s @${n}`, value: rate, unit: '/s', target: '1M < 10 min (≥ 1667/s)', pass: rate >= 1667 }));
      const s = fixture.services;
      const legal = person(fixture, 'legal');
      const publisher = person(fixture, 'publisher');
      const drafter = person(fixture, 'drafter');
      const results = {
        inbox: await latency(reps, () => listMyTasks(s, legal)),
        board: await latency(reps, () => deadlineBoard(s, publisher)),
        catalog: await latency(reps, () => listPublished(s, { categoryCode: null, page: 1 })),
        'catalog page 200': await latency(reps, () => listPublished(s, { categoryCode: null, page: 200 })),
        'search 低保 (public)': await latency(reps, () => searchPublic(s, '低保')),
        'search 柳溪村 资金 (public)': await latency(reps, () => searchPublic(s, '柳溪村 资金')),
        'search 临时救助 (staff)': await latency(reps, () => searchStaff(s, drafter, '临时救助')),
      };
      byN[n] = results;
      ctx.detail(`latency@${n}`, results);
      if (n === sizes[0]) {
        const r = await recall(fixture);
        ctx.detail(`recall@${n}`, r);
        figures.push(figure({ figure: `search recall vs LIKE @${n}`, value: round(r.recall * 100, 2), unit: '%', target: '100%', pass: r.recall === 1 }));
        ctx.note(`recall over all ${n} documents for ${RECALL_WORDS.join('、')}; FTS hits LIKE did not find: ${r.falseHits}`);
      }
    } finally {
      fixture.close();
    }
  }
  const first = sizes[0]!;
  for (const n of sizes) {
    for (const [query, stats] of Object.entries(byN[n]!)) {
      const base = byN[first]![query]!;
      const isSearch = query.startsWith('search');
      const target = n >= 1_000_000 ? (isSearch ? '< 50 ms' : '< 20 ms') : undefined;
      const pass = target ? stats.p95 < (isSearch ? 50 : 20) : null;
      figures.push(figure({ figure: `${query} p95 @${n}`, value: stats.p95, unit: 'ms', ...(n === first ? {} : { baseline: { name: `@${first}`, value: base.p95 }, ratio: round(base.p95 / stats.p95) }), ...(target ? { target } : {}), pass }));
    }
  }
  ctx.note(`${reps} runs per query after one warm-up; p50s are in the JSON; ratio = p95 at the smallest N / p95 here (growth target: ≥ 0.67×, i.e. ≤ 1.5× slower)`);
  return figures;
};
