// Who calls a function, with its self time under each caller chain (3 frames up):
// node bench/profiles/callers.cjs FILE FUNCTION_NAME
const p = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map();
p.samples.forEach((s, i) => self.set(s, (self.get(s) || 0) + (p.timeDeltas[i] || 0)));
const sub = (id) => (self.get(id) || 0) + (byId.get(id).children ?? []).reduce((a, c) => a + sub(c), 0);
const label = (n) => `${n.callFrame.functionName || '(anon)'}@${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`;
const agg = new Map();
for (const n of p.nodes) {
  if (n.callFrame.functionName !== process.argv[3]) continue;
  const chain = [];
  for (let id = parent.get(n.id), k = 0; id !== undefined && k < 4; id = parent.get(id), k++) chain.push(label(byId.get(id)));
  const key = chain.join(' < ');
  agg.set(key, (agg.get(key) || 0) + sub(n.id));
}
for (const [k, t] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`${(t / 1000).toFixed(0)} ms  ${k}`);
