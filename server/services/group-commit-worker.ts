// The group-commit thread (group-commit-thread.ts says why it exists): one connection to the
// database file, one group of changes per message, each answered with its outcomes, in order.
import { workerData, type MessagePort } from 'node:worker_threads';
import { Connection, writeTransaction } from '../db/local-client';
import { writeChanges, type GroupChange } from './group-commit-writes';
import { toWire } from '../db/wire-error';
import type { GroupRequest, WorkerData } from './group-commit-wire';

const { options, port, flags } = workerData as WorkerData & { port: MessagePort };
const STOPPED = 0;

const connection = new Connection(options);
connection.db.exec(`PRAGMA wal_autocheckpoint = ${options.autocheckpointPages}`);

port.on('message', (message: GroupRequest) => {
  if (message.kind === 'stop') {
    connection.close();
    Atomics.store(flags, STOPPED, 1);
    Atomics.notify(flags, STOPPED);
    port.close();
    return;
  }
  if (message.kind === 'autocheckpoint') {
    connection.db.exec(`PRAGMA wal_autocheckpoint = ${message.pages}`);
    return;
  }
  try {
    const outcomes = writeTransaction(connection, (tx) => writeChanges(tx, revive(message.changes)));
    port.postMessage({ kind: 'written', outcomes: outcomes.map((outcome) => (outcome === null ? null : toWire(outcome))) });
  } catch (error) {
    port.postMessage({ kind: 'failed', error: toWire(error) });
  }
});
port.postMessage({ kind: 'ready' });

/** A Buffer arrives as a plain Uint8Array; the driver binds blobs from Buffers. */
function revive(changes: GroupChange[]): GroupChange[] {
  for (const change of changes) {
    for (const statement of change.statements) {
      if (typeof statement === 'string' || !Array.isArray(statement.args)) continue;
      statement.args = statement.args.map((value) => (value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value));
    }
  }
  return changes;
}
