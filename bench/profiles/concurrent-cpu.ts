// CPU per legality approval through the service layer, one at a time and with `concurrency`
// approvals in flight (as 50 HTTP clients put them: group commit gathers them), no HTTP in
// either, so the difference is what concurrency itself costs:
// npx tsx bench/profiles/concurrent-cpu.ts [approvals] [concurrency]
import { ALL_CHECKS, freshFixture, openTaskId, person, submittedDocuments } from '../lib/fixture';
import { performReviewAction } from '../../server/services/review-service';
import { inFlight } from '../lib/in-flight';

const approvals = Number(process.argv[2] ?? 2000);
const concurrency = Number(process.argv[3] ?? 50);
const f = await freshFixture();
const legal = person(f, 'legal');
const docs = await submittedDocuments(f, approvals * 2);
const targets = await Promise.all(docs.map(async (documentId) => ({ documentId, taskId: await openTaskId(f, documentId) })));
const approve = (t: { documentId: string; taskId: string }) =>
  performReviewAction(f.services, legal, { documentId: t.documentId, taskId: t.taskId, expectedVersion: 2, action: 'approve', opinion: '同意', checks: ALL_CHECKS });
const measure = async (label: string, batch: typeof targets, limit: number) => {
  const cpu = process.cpuUsage();
  const t = performance.now();
  await inFlight(batch, limit, approve);
  const used = process.cpuUsage(cpu);
  console.log(`${label.padEnd(14)} ${Math.round((used.user + used.system) / batch.length)} µs CPU per approval, ${Math.round(batch.length / ((performance.now() - t) / 1000))}/s`);
};
const half = approvals;
await measure('one at a time', targets.slice(0, half / 2), 1);
await measure(`${concurrency} in flight`, targets.slice(half / 2, half), concurrency);
await measure('one at a time', targets.slice(half, half * 1.5), 1);
await measure(`${concurrency} in flight`, targets.slice(half * 1.5), concurrency);
f.close();
