/**
 * What a long report does to everyone else: reviewers' inbox reads arrive every 5 ms while an
 * admin opens the year's dashboard, first with the report read on the event loop (as before
 * server/db/report-reader.ts), then on the reader thread, alternating `rounds` times.
 * `node --import tsx bench/profiles/report-stall.ts <shenfa.db> [rounds=3] [dashboards=3]`
 * (a generated database: `npm run shenfa -- seed-scale --docs 100000`).
 */
import path from 'node:path';
import type { Client } from '@libsql/client';
import { openFixture, person } from '../lib/fixture';
import { percentile } from '../lib/stats';
import { listMyTasks } from '../../server/services/inbox-service';
import { dashboard } from '../../server/services/dashboard-service';
import { startReportReader } from '../../server/db/report-reader';
import type { ServiceContext } from '../../server/services/service-context';

const [file, roundsArg, dashboardsArg] = process.argv.slice(2);
if (!file) throw new Error('usage: report-stall.ts <shenfa.db> [rounds] [dashboards]');
const fixture = await openFixture(path.resolve(file), { keep: true });
const services = fixture.services;
await startReportReader(services.database);
const client = services.database.client;
// The same services, but a client the report reader does not recognise as the embedded one: reports stay on the event loop.
const delegate = new Proxy({} as Client, {
  get: (_, key) => {
    const value: unknown = Reflect.get(client, key);
    return typeof value === 'function' ? value.bind(client) : value;
  },
});
const onLoop: ServiceContext = { ...services, database: { ...services.database, client: delegate } };
const legal = person(fixture, 'legal');
const YEAR = { from: '2025-11-01', to: '2026-10-31' };

/** Inbox reads arrive every PERIOD_MS whatever happens; each one's time counts from when it arrived, so time spent waiting for the event loop counts too. */
const PERIOD_MS = 5;

async function round(label: string, ctx: ServiceContext, dashboards: number) {
  const inboxMs: number[] = [];
  const dashboardMs: number[] = [];
  const pending = new Set<Promise<void>>();
  let due = performance.now();
  // Every read that has arrived by now and not yet started (all of them, once the event loop was held).
  const arrive = () => {
    for (const now = performance.now(); due <= now; due += PERIOD_MS) {
      const arrived = due;
      const read = listMyTasks(services, legal).then(() => void inboxMs.push(performance.now() - arrived));
      pending.add(read);
      void read.finally(() => pending.delete(read));
    }
  };
  const arrivals = setInterval(arrive, 1);
  for (let i = 0; i < dashboards; i++) {
    const t = performance.now();
    await dashboard(ctx, YEAR);
    dashboardMs.push(performance.now() - t);
    // The next dashboard is another request: the event loop turns in between.
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  arrive();
  clearInterval(arrivals);
  await Promise.all(pending);
  const f = (n: number) => n.toFixed(1);
  console.log(
    `${label.padEnd(22)} dashboard p50 ${f(percentile(dashboardMs, 50))} ms | meanwhile ${inboxMs.length} inbox reads (one per ${PERIOD_MS} ms), ` +
      `p50 ${f(percentile(inboxMs, 50))} ms, p99 ${f(percentile(inboxMs, 99))} ms, max ${f(Math.max(...inboxMs))} ms`,
  );
}

const dashboards = Number(dashboardsArg ?? 3);
await dashboard(services, YEAR);
await dashboard(onLoop, YEAR);
for (let r = 0; r < Number(roundsArg ?? 3); r++) {
  await round('report on event loop', onLoop, dashboards);
  await round('report on reader', services, dashboards);
}
fixture.close();
