/**
 * Where the deadline board's time goes on a kept database, statement by statement:
 * `node --import tsx bench/profiles/board-cpu.ts <shenfa.db> [runs]`
 * Prints the board's CPU and wall time per call (p50/p95), the rows it returns, and for each SQL
 * statement it runs: calls per board, rows returned, CPU per call (the embedded driver runs
 * SQLite on this thread, so the CPU time around `execute` is SQLite's plus the driver's row
 * building). "JS" is the board's CPU outside those statements (mapping, dates, sorting).
 * On a shared machine, CPU time is the figure to compare; wall time carries the neighbours' load.
 */
import path from 'node:path';
import type { InStatement } from '@libsql/client';
import { openFixture, person } from '../lib/fixture';
import { round, summary } from '../lib/stats';
import { deadlineBoard as currentBoard } from '../../server/services/deadline-board-service';

const [file, runsArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!file) throw new Error('usage: board-cpu.ts <shenfa.db> [runs]');
const runs = Number(runsArg ?? 200);
const fixture = await openFixture(path.resolve(file), { keep: true });
const s = fixture.services;
const publisher = person(fixture, process.env.BOARD_USER ?? 'publisher');
const client = s.database.client;
// BOARD_PRAGMAS='PRAGMA cache_size = -16000;…': connection settings to try (the server's are in server/db/client.ts).
for (const pragma of (process.env.BOARD_PRAGMAS ?? '').split(';').filter((p) => p.trim())) await client.execute(pragma);
// BOARD_MODULE=<path>: an older copy of the service, to compare old and new code on the same file in the same minutes.
const deadlineBoard: typeof currentBoard = process.env.BOARD_MODULE ? (await import(path.resolve(process.env.BOARD_MODULE))).deadlineBoard : currentBoard;

type Stat = { calls: number; rows: number; cpu: number[]; stmt: InStatement };
const bySql = new Map<string, Stat>();
let recording = false;
const execute = client.execute.bind(client) as (stmt: InStatement) => Promise<{ rows: unknown[] }>;
(client as unknown as { execute: (stmt: InStatement | string, args?: unknown) => Promise<unknown> }).execute = async (stmt, args) => {
  const st = typeof stmt === 'string' ? ({ sql: stmt, args: args ?? [] } as InStatement) : stmt;
  if (!recording) return execute(st);
  const c = process.cpuUsage();
  const result = await execute(st);
  const used = process.cpuUsage(c);
  const key = (typeof st === 'string' ? st : st.sql).replace(/\s+/g, ' ');
  let stat = bySql.get(key);
  if (!stat) bySql.set(key, (stat = { calls: 0, rows: 0, cpu: [], stmt: st }));
  stat.calls++;
  stat.rows += result.rows.length;
  stat.cpu.push((used.user + used.system) / 1000);
  return result;
};

const warm = await deadlineBoard(s, publisher);
for (let i = 0; i < 20; i++) await deadlineBoard(s, publisher);
const wall: number[] = [];
const cpu: number[] = [];
recording = true;
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  const c = process.cpuUsage();
  await deadlineBoard(s, publisher);
  const used = process.cpuUsage(c);
  wall.push(performance.now() - t);
  cpu.push((used.user + used.system) / 1000);
}
recording = false;
const documents = Number((await client.execute('SELECT count(*) AS n FROM documents')).rows[0]?.n ?? 0);
console.log(JSON.stringify({ file, documents, runs, rows: { tasks: warm.tasks.length, documents: warm.documents.length, requests: warm.requests.length }, cpu: summary(cpu), wall: summary(wall) }));
let sqlCpu = 0;
for (const [sql, st] of bySql) {
  const total = st.cpu.reduce((a, b) => a + b, 0);
  sqlCpu += total;
  console.log(JSON.stringify({ perBoard: round(st.calls / runs, 2), rowsPerCall: round(st.rows / st.calls, 1), cpuMsP50: summary(st.cpu).p50, cpuMsMean: round(total / st.calls), sql: sql.slice(0, 400) }));
  if (process.argv.includes('--plan')) {
    const args = typeof st.stmt === 'string' ? [] : st.stmt.args;
    const plan = await client.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args } as InStatement);
    for (const row of plan.rows) console.log('   plan:', String((row as Record<string, unknown>).detail));
  }
}
const cpuTotal = cpu.reduce((a, b) => a + b, 0);
console.log(JSON.stringify({ cpuMsMeanPerBoard: round(cpuTotal / runs), sqlMsMeanPerBoard: round(sqlCpu / runs), jsMsMeanPerBoard: round((cpuTotal - sqlCpu) / runs) }));
fixture.close();
