// CPU profile of service-layer transitions: npx tsx bench/profiles/transition-profile.ts → bench/results/transition.cpuprofile
// (IN_FLIGHT=50: that many documents taken through review at once, as the peer benchmark's throughput round)
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { freshFixture, reviewToPublication, submittedDocuments } from '../lib/fixture';
import { inFlight } from '../lib/in-flight';

const f = await freshFixture();
const docs = await submittedDocuments(f, Number(process.env.N ?? 60));
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.start');
const t = performance.now();
let n = 0;
await inFlight(docs, Number(process.env.IN_FLIGHT ?? 1), (documentId) => reviewToPublication(f, documentId, (_, approve) => (n++, approve())));
console.log(`${n} transitions, ${((performance.now() - t) / n).toFixed(2)} ms each (profiler on)`);
const { profile } = await session.post('Profiler.stop');
fs.mkdirSync('bench/results', { recursive: true });
fs.writeFileSync('bench/results/transition.cpuprofile', JSON.stringify(profile));
f.close();
