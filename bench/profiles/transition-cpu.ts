// CPU time (user + system) per service-layer transition, which a busy machine disturbs far
// less than wall time: npx tsx bench/profiles/transition-cpu.ts [documents]
import { freshFixture, reviewToPublication, submittedDocuments } from '../lib/fixture';

const f = await freshFixture();
const docs = await submittedDocuments(f, Number(process.argv[2] ?? 200));
const byStep = new Map<string, number[]>();
for (const documentId of docs) {
  await reviewToPublication(f, documentId, async ({ step }, approve) => {
    const before = process.cpuUsage();
    const result = await approve();
    const used = process.cpuUsage(before);
    byStep.set(step, [...(byStep.get(step) ?? []), used.user + used.system]);
    return result;
  });
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0;
let all: number[] = [];
for (const [step, xs] of byStep) {
  all = all.concat(xs);
  console.log(`${step.padEnd(16)} median ${median(xs)} µs CPU`);
}
console.log(`all steps        median ${median(all)} µs CPU, mean ${Math.round(all.reduce((a, b) => a + b, 0) / all.length)} µs`);
f.close();
