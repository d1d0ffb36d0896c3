// CPU profile of a server that is already running, e.g. the soak's, without restarting it:
//   kill -USR1 <pid>                       # node opens its inspector on 127.0.0.1:9229
//   node bench/profiles/attach-cpu.cjs [--heap] [seconds=20] [out=bench/results/profiles/attached.cpuprofile]
//   node bench/profiles/top.cjs <out>      # then callers.cjs <out> <function> for who calls it
// This is how the soak's rising CPU per approval was traced to a count over every public
// document in /public/api/documents (BENCHMARKS.md, "The million-approval soak").
// With --heap it samples allocations instead (where an approval's ≈ 240 KB go): a
// .heapprofile whose nodes carry selfSize per allocating function (Chrome DevTools opens it).
// (SERVER_FLAGS=--inspect=9229 starts http-server-cpu.ts's server with its inspector open.)
const fs = require('node:fs');
const path = require('node:path');
const WebSocket = require('ws'); // a devDependency (also installed with @libsql/client); Node 20 has no WebSocket client

const heap = process.argv.includes('--heap');
const [secondsArg, outArg] = process.argv.slice(2).filter((a) => a !== '--heap');
const seconds = Number(secondsArg ?? 20);
const out = path.resolve(outArg ?? `bench/results/profiles/attached.${heap ? 'heapprofile' : 'cpuprofile'}`);

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
  if (heap) {
    await send('HeapProfiler.enable');
    await send('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  } else {
    await send('Profiler.enable');
    await send('Profiler.setSamplingInterval', { interval: 500 });
    await send('Profiler.start');
  }
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const { profile } = await send(heap ? 'HeapProfiler.stopSampling' : 'Profiler.stop');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(profile));
  ws.close();
  console.log(`${seconds} s ${heap ? 'of allocations sampled' : 'profiled'}: ${out}`);
}
main().catch((error) => {
  console.error(`${error.message} (did you send SIGUSR1 to the server first?)`);
  process.exit(1);
});
