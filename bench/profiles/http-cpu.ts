// CPU per request through the whole Hono + tRPC app in process (no sockets), for the
// approval, the session-checked tRPC path and /healthz, with an optional CPU profile:
// npx tsx bench/profiles/http-cpu.ts [approvals] [--prof]
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createApp } from '../../server/app';
import { ALL_CHECKS, BENCH_PASSWORD, freshFixture, openTaskId, submittedDocuments } from '../lib/fixture';

const n = Number(process.argv[2] ?? 300);
const f = await freshFixture();
const docs = await submittedDocuments(f, n);
const targets: { documentId: string; taskId: string }[] = [];
for (const documentId of docs) targets.push({ documentId, taskId: await openTaskId(f, documentId) });
const app = createApp(f.services);
const base = 'http://127.0.0.1';
const login = await app.request(`${base}/api/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'legal', password: BENCH_PASSWORD }) });
const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
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
  await cpu('GET /healthz', 500, () => app.request(`${base}/healthz`));
  await cpu('GET tRPC auth.me', 500, () => app.request(`${base}/api/trpc/auth.me`, { headers: { cookie } }));
}
const session = process.argv.includes('--prof') ? new Session() : null;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
await cpu('POST review.approve', targets.length, (i) =>
  app.request(`${base}/api/trpc/review.approve`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ ...targets[i], expectedVersion: 2, opinion: '同意', checks: ALL_CHECKS }) }),
);
if (session) {
  const { profile } = await session.post('Profiler.stop');
  fs.writeFileSync('bench/results/http-approve.cpuprofile', JSON.stringify(profile));
}
f.close();
