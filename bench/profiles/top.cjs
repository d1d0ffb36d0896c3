// Time per function from a .cpuprofile: node bench/profiles/top.cjs FILE [n] [--inclusive]
// Self time by default; --inclusive counts a function's callees too (async continuations
// start new stacks, so an async function's inclusive time covers only up to its first await).
const p = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));
const inclusive = process.argv.includes('--inclusive');
const limit = Number(process.argv.slice(3).find((a) => /^\d+$/.test(a)) ?? 20);
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`;
const agg = new Map();
let total = 0;
p.samples.forEach((s, i) => {
  const t = p.timeDeltas[i] || 0;
  total += t;
  if (!inclusive) return void agg.set(name(byId.get(s)), (agg.get(name(byId.get(s))) || 0) + t);
  const seen = new Set();
  for (let id = s; id !== undefined; id = parent.get(id)) {
    const k = name(byId.get(id));
    if (!seen.has(k)) seen.add(k), agg.set(k, (agg.get(k) || 0) + t);
  }
});
for (const [k, t] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, limit)) console.log(`${((t / total) * 100).toFixed(1)}%  ${k}`);
