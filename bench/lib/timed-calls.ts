import { warmThenTimed, type Response } from './load';
import { serverCpuMicros } from './server-process';
import { percentile } from './stats';

/**
 * `total` calls from `concurrency` closed-loop clients after `warmUp` untimed, in one loop
 * (warmThenTimed), with the server process's CPU per timed call (read as the first timed call
 * starts) and a one-line summary for a profile to print.
 */
export async function timedCalls(pid: number, concurrency: number, warmUp: number, total: number, work: (client: number, i: number) => Promise<Response>) {
  let cpuAtSwitch = 0;
  const { timed } = await warmThenTimed(concurrency, warmUp, total, work, () => {
    cpuAtSwitch = serverCpuMicros(pid);
  });
  const cpuPerCall = (serverCpuMicros(pid) - cpuAtSwitch) / total;
  const summary = `${Math.round(timed.perSecond)}/s  ${Math.round(cpuPerCall)} µs server CPU per call  p50 ${percentile(timed.latencies, 50).toFixed(1)} ms  p99 ${percentile(timed.latencies, 99).toFixed(1)} ms`;
  return { ...timed, cpuPerCall, summary };
}
