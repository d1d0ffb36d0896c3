// The WAL checkpointer's thread (see wal-checkpointer.ts for why it exists). Plain JavaScript:
// a worker thread does not inherit the loader that lets the main thread import TypeScript, and
// this needs nothing but the driver.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'libsql';

/** @type {{ path: string, intervalMs: number, restartFrames: number, restartWaitMs: number, flags: Int32Array }} */
const { path, intervalMs, restartFrames, restartWaitMs, flags } = workerData;
const STOPPED = 0;
const PAUSE_WRITES = 1;

// The busy timeout is how long a RESTART checkpoint waits for the writer in progress to finish.
const db = new Database(path, { timeout: restartWaitMs });
// A checkpoint syncs as its own connection's `synchronous` says: the same as the writer's.
db.exec('PRAGMA synchronous = NORMAL');
const passive = db.prepare('PRAGMA wal_checkpoint(PASSIVE)').raw(true);
const restart = db.prepare('PRAGMA wal_checkpoint(RESTART)').raw(true);

let failures = 0;
/** A restart that could not finish (a reader held an old snapshot) is not tried again before this time. */
let restartNotBefore = 0;
let restartBackoffMs = 0;

function tick() {
  try {
    // Copies every committed frame no reader still needs, without waiting for or blocking anyone.
    const [[, frames]] = passive.all();
    if (frames >= restartFrames && Date.now() >= restartNotBefore) restartLog();
    failures = 0;
  } catch (error) {
    // Another process checkpointing at the same moment, or a full disk: the next tick tries
    // again; only a failure that persists is reported (the main thread then checkpoints itself).
    if (++failures === 50) parentPort?.postMessage({ failed: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * Under steady writes a passive checkpoint never catches up with the last commit, so the log
 * would never start over and would grow without end. Now and then the writer holds back its
 * next transaction (PAUSE_WRITES; its requests go on, their writes wait in the group-commit
 * queue), this checkpoint copies the few frames left, and the next commit restarts the log at
 * its beginning. A long reader (an import's transaction, another process's report) can hold
 * the restart up for the whole wait: then the log keeps growing for a while, as it would with
 * SQLite's own checkpoint, and the writes are not paused again for a growing interval.
 */
function restartLog() {
  Atomics.store(flags, PAUSE_WRITES, 1);
  let busy = 1;
  try {
    [[busy]] = restart.all();
  } finally {
    Atomics.store(flags, PAUSE_WRITES, 0);
    restartBackoffMs = busy ? Math.min(Math.max(restartBackoffMs * 2, intervalMs * 10), 10_000) : 0;
    restartNotBefore = Date.now() + restartBackoffMs;
  }
}

const timer = setInterval(tick, intervalMs);
// The writer turns its own checkpoint off only now: until this thread runs, it keeps checkpointing.
parentPort?.postMessage({ ready: true });

parentPort?.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  try {
    db.close();
  } finally {
    Atomics.store(flags, STOPPED, 1);
    Atomics.notify(flags, STOPPED);
    parentPort?.close();
  }
});
