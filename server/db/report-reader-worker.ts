// The report reader's thread (report-reader.ts says why it exists): one read-only connection to
// the database file, one query per message, answered in order with its plain rows (or the medians
// they list) or its error.
import { workerData, type MessagePort } from 'node:worker_threads';
import { Connection } from './local-client';
import { toWire } from './wire-error';
import { groupMedians } from './group-medians';
import type { ReaderData, ReaderReply, ReaderRequest } from './report-reader-wire';

const { options, port } = workerData as ReaderData & { port: MessagePort };

let connection: Connection;
try {
  connection = new Connection(options);
  // A report never writes: SQLite refuses it here whatever SQL comes.
  connection.db.exec('PRAGMA query_only = 1');
} catch (error) {
  port.postMessage({ kind: 'failed', error: toWire(error) } satisfies ReaderReply);
  port.close();
  throw error;
}

// The client closed its side (ReportReader.close): the connection goes with it, whether or not 'stop' came first.
port.on('close', () => connection.close());
port.on('message', (message: ReaderRequest) => {
  if (message.kind === 'stop') {
    connection.close();
    port.close();
    return;
  }
  let reply: ReaderReply;
  try {
    const result = connection.query(message.statement);
    // Medians here, beside the query: a year's lists hold millions of values, too many to work through on the event loop.
    reply = message.kind === 'medians' ? { kind: 'medians', groups: groupMedians(result.rows as [unknown, unknown][]) } : { kind: 'rows', ...result };
  } catch (error) {
    reply = { kind: 'error', error: toWire(error) };
  }
  port.postMessage(reply);
});
port.postMessage({ kind: 'ready' } satisfies ReaderReply);
