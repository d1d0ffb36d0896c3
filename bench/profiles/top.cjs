// Self time per function from a .cpuprofile: node bench/profiles/top.cjs file [n]
const p = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const agg = new Map();
p.samples.forEach((s, i) => {
  const n = byId.get(s);
  const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`;
  agg.set(k, (agg.get(k) || 0) + (p.timeDeltas[i] || 0));
});
const total = [...agg.values()].reduce((a, b) => a + b, 0);
for (const [k, t] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, Number(process.argv[3] || 20))) console.log(`${((t / total) * 100).toFixed(1)}%  ${k}`);
