import fs from 'node:fs';

/**
 * CPU seconds the calling OS thread has used (Linux: /proc/thread-self/stat), or null where
 * that is not available. seed-scale reports its writer and generator threads separately: on a
 * shared machine the wall time mostly measures the neighbours, while on an idle one with two
 * cores it is about the busier thread's CPU time.
 */
export function threadCpuSeconds(): number | null {
  try {
    const stat = fs.readFileSync('/proc/thread-self/stat', 'utf8');
    // After "pid (comm) ": state is field 3, utime and stime fields 14 and 15, in clock ticks (100/s).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}
