import fs from 'node:fs';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { round } from './stats';
import { SERVER_NODE_FLAGS } from '../../server/runtime-flags';
import { bundleServer } from '../../server/bundle';

export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return round(kb / 1024, 1);
}

/**
 * CPU (user + system, µs) a process has used so far, from /proc (10 ms clock ticks: divide a
 * difference over a run of seconds, not a single call). What the server spends per call stays
 * comparable when other work shares the machine, which wall-clock rates do not.
 */
export function serverCpuMicros(pid: number): number {
  return cpuMicros(`/proc/${pid}/stat`);
}

/** CPU (µs) a process's main thread (the event loop) has used so far; the rest of serverCpuMicros is its other threads (GC helpers, the WAL checkpointer, the group-commit writer). */
export function mainThreadCpuMicros(pid: number): number {
  return cpuMicros(`/proc/${pid}/task/${pid}/stat`);
}

/** CPU (µs) used so far by each thread of a process, by thread id and name (/proc/PID/task). */
export function threadCpuMicros(pid: number): Map<string, number> {
  const threads = new Map<string, number>();
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      const name = fs.readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
      threads.set(`${tid} ${name}`, cpuMicros(`/proc/${pid}/task/${tid}/stat`));
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return threads;
}

/** utime + stime of a /proc stat file, in µs (fields 14 and 15, 10 ms clock ticks). */
function cpuMicros(statFile: string): number {
  const fields = fs.readFileSync(statFile, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

// Bundled once per benchmark process, as `npm run build` bundles server/main.ts (server/bundle.ts).
let benchServerBundle: Promise<string> | null = null;

/**
 * Starts bench/lib/bench-server.ts (the real app) in a child process on the given database,
 * bundled as `npm run serve` runs the server, with the flags `npm start` uses (later flags win).
 * SERVER_STDOUT=file keeps what the server prints (e.g. with SERVER_FLAGS=--trace-gc in the
 * profiles); its port is read from the line that gives it, whatever comes before.
 */
export async function startServer(dbFile: string, dir: string, extraNodeArgs: string[], clientDir = path.resolve('dist/client')): Promise<{ child: ChildProcess; port: number }> {
  benchServerBundle ??= bundleServer(path.resolve('bench/lib/bench-server.ts'), path.resolve('bench/results/server/bench-server.mjs'));
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...extraNodeArgs, await benchServerBundle], {
    env: { ...process.env, DATABASE_URL: `file:${dbFile}`, SHENFA_DATA_DIR: dir, SHENFA_CLIENT_DIR: clientDir, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (process.env.SERVER_STDOUT) child.stdout!.pipe(fs.createWriteStream(process.env.SERVER_STDOUT));
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('{"port"')) resolve(JSON.parse(line).port);
    });
  });
  return { child, port };
}


export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
