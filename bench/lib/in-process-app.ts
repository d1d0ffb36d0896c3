import { createApp } from '../../server/app';
import { ALL_CHECKS, BENCH_PASSWORD, openTaskId, submittedDocuments, type Fixture } from './fixture';

const BASE = 'http://127.0.0.1';

/**
 * The whole Hono + tRPC app called in process (no sockets), signed in as the legality
 * reviewer, with `count` documents waiting at legality review: for CPU profiles of the
 * request path (bench/profiles/*).
 */
export async function inProcessApp(fixture: Fixture, count: number) {
  const docs = await submittedDocuments(fixture, count);
  const targets: { documentId: string; taskId: string }[] = [];
  for (const documentId of docs) targets.push({ documentId, taskId: await openTaskId(fixture, documentId) });
  const app = createApp(fixture.services);
  const login = await app.request(`${BASE}/api/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'legal', password: BENCH_PASSWORD }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  return {
    targets,
    get: (path: string) => app.request(`${BASE}${path}`, { headers: { cookie } }),
    /** Approves the i-th waiting document, as the reviewer's browser would. */
    approve: (i: number) =>
      app.request(`${BASE}/api/trpc/review.approve`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ ...targets[i], expectedVersion: 2, opinion: '同意', checks: ALL_CHECKS }) }),
  };
}
