import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import { startModuleWorker } from '../worker-module';
import type { LocalClient, OffThreadWriter } from '../db/local-client';
import { fromWire } from '../db/wire-error';
import type { GroupReply, GroupRequest, WorkerData } from './group-commit-wire';
import type { GroupChange } from './group-commit-writes';

const STOPPED = 0;
/** Groups handed over and not yet answered: one being written, the next one waiting behind it. */
const MAX_IN_FLIGHT = 2;
/** How long closing waits for the thread to finish the group in progress and close its connection. */
const STOP_WAIT_MS = 5000;

interface Waiting {
  resolve(outcomes: unknown[]): void;
  reject(error: unknown): void;
}

/**
 * Group commit's writes on a thread of their own.
 *
 * Over HTTP the server is bound by its event loop: at 50 concurrent approvals it runs one core
 * flat out, while the second does little. A fifth of the event loop's time was SQLite writing
 * the groups (the statements, the savepoints, the COMMIT's WAL writes), during which no request
 * was read or answered. Here the event loop builds each group's SQL and values and hands them
 * over; this thread's own connection runs the transaction and answers with each change's
 * outcome, so the event loop serves other requests meanwhile and the second core does the
 * writing. What a change means is unchanged: the same transaction, savepoints and audit chain
 * (group-commit-writes.ts, shared with the in-loop path), and nobody hears "written" before
 * the COMMIT.
 *
 * The client's own connection still reads, and its writes (sessions, the CLI's batches) wait
 * while a group is in flight (OffThreadWriter.busy), so the two connections never wait for each
 * other inside SQLite. Reads after a group see it: it has committed before its callers resume.
 */
export class GroupCommitThread implements OffThreadWriter {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly flags = new Int32Array(new SharedArrayBuffer(4));
  private readonly waiting: Waiting[] = [];
  /** Settle in order (the thread answers in order): the last one settles last. */
  private readonly inFlight: Promise<unknown>[] = [];
  private state: 'starting' | 'ready' | 'stopped' | 'failed' = 'starting';
  /** Settles once the thread is ready (true) or failed before it was (false). */
  readonly started: Promise<boolean>;

  constructor(private readonly client: LocalClient) {
    const channel = new MessageChannel();
    this.port = channel.port1;
    const workerData: WorkerData & { port: MessagePort } = { options: client.connectionOptions, flags: this.flags, port: channel.port2 };
    // Found beside this module: the source under tsx, or group-commit-worker.js beside the server bundle (server/bundle.ts).
    this.worker = startModuleWorker(import.meta.url, 'group-commit-worker', { workerData, transferList: [channel.port2] });
    // A process may exit without closing the database (a crash, a test's end): SQLite rolls back what was not committed.
    this.worker.unref();
    this.port.unref();
    let ready: (ok: boolean) => void = () => {};
    this.started = new Promise((resolve) => (ready = resolve));
    this.port.on('message', (reply: GroupReply) => {
      if (reply.kind === 'ready') {
        if (this.state === 'starting') this.state = 'ready';
        ready(this.state === 'ready');
        return;
      }
      this.settle(reply);
    });
    const fail = (reason: string) => {
      if (this.state === 'stopped' || this.state === 'failed') return;
      this.state = 'failed';
      ready(false);
      client.detachWriter(this);
      // What the thread had not answered may or may not have committed; its callers hear that it failed.
      for (const waiter of this.waiting.splice(0)) waiter.reject(new Error(`group-commit thread failed: ${reason}`));
    };
    this.worker.on('error', (error) => fail(error.message));
    this.worker.on('exit', (code) => fail(`exited with code ${code}`));
    client.attachWriter(this);
  }

  /** True while groups may be handed to the thread. */
  get ready(): boolean {
    return this.state === 'ready';
  }

  get busy(): Promise<unknown> | null {
    return this.inFlight.at(-1) ?? null;
  }

  /** Resolves once another group may be handed over (fewer than MAX_IN_FLIGHT are). */
  async room(): Promise<void> {
    while (this.inFlight.length >= MAX_IN_FLIGHT) await this.inFlight[0];
  }

  /** Writes one group in one transaction; resolves with each change's outcome (null: written), rejects when the whole group failed. */
  write(changes: GroupChange[]): Promise<unknown[]> {
    if (this.state !== 'ready') return Promise.reject(new Error('group-commit thread is not running'));
    const written = new Promise<unknown[]>((resolve, reject) => this.waiting.push({ resolve, reject }));
    // Referenced while answers are due: a CLI that awaits a commit must not exit before it.
    this.port.ref();
    this.post({ kind: 'write', changes });
    // The client's writes wait for this; its failure is the caller's, not theirs.
    const settled: Promise<unknown> = written.then(
      () => undefined,
      () => undefined,
    ).finally(() => this.inFlight.splice(this.inFlight.indexOf(settled), 1));
    this.inFlight.push(settled);
    return written;
  }

  setAutocheckpoint(pages: number): void {
    if (this.state === 'ready' || this.state === 'starting') this.post({ kind: 'autocheckpoint', pages });
  }

  /** Lets the thread finish the group in progress and close its connection, and tells that group's callers how it went. */
  stop(): void {
    if (this.state === 'stopped' || this.state === 'failed') return;
    this.state = 'stopped';
    this.client.detachWriter(this);
    this.post({ kind: 'stop' });
    // Blocks until the thread has closed its connection: nothing of this client writes after it is closed.
    Atomics.wait(this.flags, STOPPED, 0, STOP_WAIT_MS);
    // The answers already sent: read here, since the event loop may not turn again before exit.
    for (let message = receiveMessageOnPort(this.port); message; message = receiveMessageOnPort(this.port)) {
      const reply = message.message as GroupReply;
      if (reply.kind !== 'ready') this.settle(reply);
    }
    for (const waiter of this.waiting.splice(0)) waiter.reject(new Error('group-commit thread stopped before answering'));
    this.port.close();
    // No terminate(): the thread ends by itself once its port is closed, as the checkpointer's does (wal-checkpointer.ts).
  }

  private settle(reply: Exclude<GroupReply, { kind: 'ready' }>): void {
    const waiter = this.waiting.shift();
    if (!this.waiting.length) this.port.unref();
    if (!waiter) return;
    if (reply.kind === 'failed') waiter.reject(fromWire(reply.error));
    else waiter.resolve(reply.outcomes.map((outcome) => (outcome === null ? null : fromWire(outcome))));
  }

  private post(request: GroupRequest): void {
    this.port.postMessage(request);
  }
}
