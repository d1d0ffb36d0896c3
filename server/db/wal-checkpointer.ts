import { Worker } from 'node:worker_threads';

export interface WalCheckpointerOptions {
  /** How often the worker copies the log into the file. */
  intervalMs: number;
  /** Frames in the log past which the worker makes the log start over (a short pause of the writes). */
  restartFrames: number;
  /** How long that restart waits for a transaction in progress (its busy timeout). */
  restartWaitMs: number;
}

const STOPPED = 0;
const PAUSE_WRITES = 1;

/**
 * Copies the write-ahead log back into the database file on a thread of its own.
 *
 * In WAL mode every commit appends pages to the log, and by default the connection that
 * commits past 1,000 logged pages copies them all into the database file and fsyncs it (two
 * fsyncs, 2–4 ms each on this machine's disk), there and then, inside that commit. For the
 * server that connection is the event loop's: about one approval in thirty paid 10–18 ms for
 * the others (COMMIT's p99 against a median of 0.12 ms), and every request queued behind it
 * waited too. Here a worker thread with its own connection runs a PASSIVE checkpoint every
 * `intervalMs`, which never waits for or blocks a writer or a reader, and the writer's own
 * automatic checkpoint is off while the worker lives.
 *
 * A passive checkpoint under steady writes never quite catches up, and the log only starts
 * over when it has: past `restartFrames` the worker asks the writer to hold its next
 * transaction (`writesPaused`; the group-commit queue waits, requests go on) while a RESTART
 * checkpoint copies the few frames left. If the worker fails, the writer checkpoints itself
 * again (`onFailure`).
 *
 * Durability is unchanged: a commit is durable when its frames are in the log, as before; the
 * checkpoint only decides when they are also copied into the main file.
 */
export class WalCheckpointer {
  private readonly worker: Worker;
  private readonly flags = new Int32Array(new SharedArrayBuffer(8));
  private running = true;
  private ready = false;

  constructor(path: string, options: WalCheckpointerOptions, handlers: { onReady(): void; onFailure(reason: string): void }) {
    this.worker = new Worker(new URL('./wal-checkpoint-worker.mjs', import.meta.url), {
      workerData: { path, ...options, flags: this.flags },
      // Its heap holds two statements; a bound keeps a fault from growing it (the thread would die and the writer take the checkpoints back).
      resourceLimits: { maxOldGenerationSizeMb: 16 },
    });
    // The process may exit without closing the database (a crash, a test's end): the log stays and SQLite replays it at the next open.
    this.worker.unref();
    const fail = (reason: string) => {
      if (!this.running) return;
      this.running = false;
      handlers.onFailure(reason);
    };
    this.worker.on('message', (message: { ready?: boolean; failed?: string }) => {
      if (message.ready && this.running) {
        this.ready = true;
        handlers.onReady();
      }
      if (message.failed) fail(message.failed);
    });
    this.worker.on('error', (error) => fail(error.message));
    this.worker.on('exit', (code) => fail(`exited with code ${code}`));
  }

  /** True once the thread checkpoints, until it stops or fails. */
  get alive(): boolean {
    return this.running && this.ready;
  }

  /** True while the worker restarts the log: the writer should not begin a transaction (it would wait in SQLite's busy handler, blocking the event loop). */
  get writesPaused(): boolean {
    return this.running && Atomics.load(this.flags, PAUSE_WRITES) === 1;
  }

  /** Resolves once the worker has finished restarting the log (a few ms; at once when it is not). */
  async writesResumed(): Promise<void> {
    while (this.writesPaused) await new Promise((resolve) => setTimeout(resolve, 1));
  }

  /** Closes the worker's connection before returning: nothing checkpoints after the writer has closed. */
  stop(): void {
    if (!this.running) return;
    this.running = false;
    this.worker.postMessage('stop');
    // Blocks this thread until the worker has closed its connection (it is idle between ticks, and a tick is short).
    Atomics.wait(this.flags, STOPPED, 0, 5000);
    // No terminate(): the worker ends by itself once it has closed (timer cleared, port closed).
    // Terminating a thread that holds libsql's native objects can panic in their finalizers
    // (neon: "PendingException"), which aborts the whole process; the thread is unref'd, so
    // it holds nothing open meanwhile.
  }
}
