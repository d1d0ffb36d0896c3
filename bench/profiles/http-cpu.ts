// CPU per request through the whole Hono + tRPC app in process (no sockets), for the
// approval, the session-checked tRPC path and /healthz, with an optional CPU profile:
// LOG_LEVEL=silent npx tsx bench/profiles/http-cpu.ts [approvals] [--prof]
// app.request always builds a full fetch Request (a web stream body), which the real server's
// @hono/node-server does not: for what the server process itself spends per call over a socket,
// see http-server-cpu.ts.
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { freshFixture } from '../lib/fixture';
import { inProcessApp } from '../lib/in-process-app';

const f = await freshFixture();
const { targets, get, approve } = await inProcessApp(f, Number(process.argv[2] ?? 300));
const cpu = async (label: string, count: number, call: (i: number) => Response | Promise<Response>) => {
  const used: number[] = [];
  for (let i = 0; i < count; i++) {
    const before = process.cpuUsage();
    const res = await call(i);
    await res.text();
    const u = process.cpuUsage(before);
    used.push(u.user + u.system);
    if (res.status !== 200) throw new Error(`${label} ${res.status}`);
  }
  used.sort((a, b) => a - b);
  console.log(`${label.padEnd(22)} median ${used[used.length >> 1]} µs CPU`);
};
for (let round = 0; round < 2; round++) {
  await cpu('GET /healthz', 500, () => get('/healthz'));
  await cpu('GET tRPC auth.me', 500, () => get('/api/trpc/auth.me'));
}
const session = process.argv.includes('--prof') ? new Session() : null;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
await cpu('POST review.approve', targets.length, approve);
if (session) {
  const { profile } = await session.post('Profiler.stop');
  fs.writeFileSync('bench/results/http-approve.cpuprofile', JSON.stringify(profile));
}
f.close();
