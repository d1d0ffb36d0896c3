/**
 * Times (and optionally profiles) the scale bench's slow queries on a kept database:
 * `node --import tsx bench/profiles/scale-queries.ts <shenfa.db> [runs] [--prof]`
 * Prints p50/p95 per query (wall and CPU time); with --prof writes bench/results/profiles/scale-queries.cpuprofile
 * (summarise with `node bench/profiles/top.cjs <file>`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { openFixture, person } from '../lib/fixture';
import { summary } from '../lib/stats';
import { listMyTasks } from '../../server/services/inbox-service';
import { deadlineBoard } from '../../server/services/deadline-board-service';
import { refreshSearchIndex, searchStaff } from '../../server/services/search-service';
import { dashboard } from '../../server/services/dashboard-service';

const [file, runsArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!file) throw new Error('usage: scale-queries.ts <shenfa.db> [runs] [--prof]');
const runs = Number(runsArg ?? 40);
const only = process.env.ONLY?.split(',');
const fixture = await openFixture(path.resolve(file), { keep: true });
const s = fixture.services;
await refreshSearchIndex(s);
const [largest] = (await s.database.client.execute('SELECT department_id FROM documents GROUP BY department_id ORDER BY count(*) DESC LIMIT 1')).rows;
const largestDepartment = String(largest?.department_id);
const queries: Record<string, () => Promise<unknown>> = {
  inbox: () => listMyTasks(s, person(fixture, 'legal')),
  board: () => deadlineBoard(s, person(fixture, 'publisher')),
  'staff search': () => searchStaff(s, person(fixture, 'drafter'), '临时救助'),
  // The leaders' dashboard for the last month of the generated history, and for its last year.
  'dashboard month': () => dashboard(s, { from: '2026-10-01', to: '2026-10-31' }),
  'dashboard year': () => dashboard(s, { from: '2025-11-01', to: '2026-10-31' }),
  // The same year narrowed to one 科室, as a section chief reads it: the 科室 with the most
  // documents (seed-scale spreads them over the drafters' 科室), the one with most to count.
  'dashboard year of one 科室': () => dashboard(s, { from: '2025-11-01', to: '2026-10-31', departmentId: largestDepartment }),
};
const session = process.argv.includes('--prof') ? new (await import('node:inspector/promises')).Session() : null;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
for (const [name, fn] of Object.entries(queries)) {
  if (only && !only.includes(name)) continue;
  await fn();
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    await fn();
    const used = process.cpuUsage(c);
    samples.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  // CPU time per call as well: on a shared machine the wall time is mostly the neighbours' load.
  console.log(name, 'wall', JSON.stringify(summary(samples)), 'cpu p50/p95', summary(cpu).p50, summary(cpu).p95);
}
if (session) {
  const { profile } = await session.post('Profiler.stop');
  const out = path.resolve('bench/results/profiles/scale-queries.cpuprofile');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(profile));
  console.log('profile:', out);
}
fixture.close();
