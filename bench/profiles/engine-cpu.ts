// CPU per applyReviewEvent (the pure engine: restore, rule checks, XState's transition, persist) over
// the default flow's six events, median of 7 rounds: npx tsx bench/profiles/engine-cpu.ts
import { applyReviewEvent, startReview } from '../../workflows/engine';
import { approve, def, facts, publish, submit, users } from '../../workflows/review-test-helpers';
const f = facts();
const start = startReview(def, f);
const events = [submit(f), approve(users.legal), approve(users.secrecy), approve(users.leader), approve(users.publisher), publish()];
function once() {
  let s = start;
  for (const e of events) { const r = applyReviewEvent(def, s, e); if (!r.ok) throw new Error(r.refusal); s = r.state; }
}
for (let i = 0; i < 2000; i++) once();
const runs: number[] = [];
for (let k = 0; k < 7; k++) { const t = process.cpuUsage(); for (let i = 0; i < 2000; i++) once(); const u = process.cpuUsage(t); runs.push((u.user + u.system) / (2000 * events.length)); }
runs.sort((a, b) => a - b);
console.log(`applyReviewEvent median ${runs[3]!.toFixed(1)} µs CPU per event`);
