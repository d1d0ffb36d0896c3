// Allocation sampling of a server that is already running (where its ≈ 240 KB per approval go):
//   start it with --inspect (SERVER_FLAGS=--inspect=9229 for bench/profiles/http-server-cpu.ts), or kill -USR1 <pid>
//   node bench/profiles/attach-heap.cjs [seconds=20] [out=bench/results/profiles/attached.heapprofile]
// The profile's nodes carry selfSize per allocating function (Chrome DevTools opens it as a .heapprofile).
const fs = require('node:fs');
const path = require('node:path');
const WebSocket = require('ws'); // a devDependency (also installed with @libsql/client); Node 20 has no WebSocket client

const seconds = Number(process.argv[2] ?? 20);
const out = path.resolve(process.argv[3] ?? 'bench/results/profiles/attached.heapprofile');

async function main() {
  const targets = await (await fetch('http://127.0.0.1:9229/json/list')).json();
  const ws = new WebSocket(targets[0].webSocketDebuggerUrl);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  let id = 0;
  const pending = new Map();
  ws.on('message', (data) => {
    const message = JSON.parse(String(data));
    pending.get(message.id)?.(message.result);
    pending.delete(message.id);
  });
  const send = (method, params = {}) => new Promise((resolve) => {
    pending.set(++id, resolve);
    ws.send(JSON.stringify({ id, method, params }));
  });
  await send('HeapProfiler.enable');
  
  await send('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const { profile } = await send('HeapProfiler.stopSampling');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(profile));
  ws.close();
  console.log(`${seconds} s of allocations sampled: ${out}`);
}
main().catch((error) => {
  console.error(`${error.message} (did you send SIGUSR1 to the server first?)`);
  process.exit(1);
});
