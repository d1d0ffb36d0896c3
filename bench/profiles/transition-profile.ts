// CPU profile of service-layer transitions: npx tsx bench/profiles/transition-profile.ts → bench/results/transition.cpuprofile
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { performReviewAction } from '../../server/services/review-service';
import { ALL_CHECKS, FIVE_STEPS, freshFixture, openTaskId, person, submittedDocuments } from '../lib/fixture';

const f = await freshFixture();
const docs = await submittedDocuments(f, Number(process.env.N ?? 60));
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.start');
const t = performance.now();
let n = 0;
for (const documentId of docs) {
  let version = 2;
  for (const { username, action } of FIVE_STEPS) {
    const taskId = await openTaskId(f, documentId);
    const input = action === 'publish' ? ({ documentId, expectedVersion: version, action, taskId } as const) : ({ documentId, expectedVersion: version, action, taskId, opinion: '同意', checks: ALL_CHECKS } as const);
    version = (await performReviewAction(f.services, person(f, username), input)).version;
    n++;
  }
}
console.log(`${n} transitions, ${((performance.now() - t) / n).toFixed(2)} ms each (profiler on)`);
const { profile } = await session.post('Profiler.stop');
fs.mkdirSync('bench/results', { recursive: true });
fs.writeFileSync('bench/results/transition.cpuprofile', JSON.stringify(profile));
f.close();
