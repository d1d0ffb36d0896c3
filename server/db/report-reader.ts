import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { LibsqlError, type Client, type InArgs, type InStatement, type Replicated, type ResultSet, type Transaction } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { startModuleWorker } from '../worker-module';
import { LocalClient, resultOfValues, type ClientCompanion } from './local-client';
import { fromWire } from './wire-error';
import { groupMedians, type GroupMedian } from './group-medians';
import type { Database, Db } from './client';
import type { ReaderData, ReaderReply, ReaderRequest } from './report-reader-wire';
import * as schema from './schema/index';

/**
 * Where the long read-only queries of reports and statistics run: the dashboard over a year,
 * the annual report, the audit log's keyword search, the exports. The embedded driver is synchronous, so on
 * the client's own connection such a query holds the event loop for its whole length (a year's
 * dashboard at a million documents: 9 s), and every reviewer's request waits behind it. Here
 * the query runs on a thread of its own with a read-only connection to the same file (WAL:
 * it reads the last committed state while writers go on), and the event loop only sends the
 * SQL and turns the plain rows that come back into rows as `execute` gives them.
 *
 * For a remote database, an embedded replica or an in-memory one (which no other connection
 * can open) the reads stay on the client itself; so do they if the thread cannot start.
 */
export function reportReads(database: Database): ReportReads {
  const cached = reads.get(database);
  if (cached) return cached;
  const client = database.client;
  const chosen = client instanceof LocalClient && client.openableElsewhere ? offLoop(client) : { client, db: database.db, medians: (statement: InStatement) => mediansOn(client, statement) };
  reads.set(database, chosen);
  return chosen;
}

export interface ReportReads {
  client: Client;
  db: Db;
  /**
   * The exact medians of the groups a statement lists, one row each: its key, then
   * `group_concat` of its values (non-negative integers; group-medians.ts). On the reader's
   * thread when there is one, like the query.
   */
  medians(statement: InStatement): Promise<GroupMedian[]>;
}

const reads = new WeakMap<Database, ReportReads>();

async function mediansOn(client: Client, statement: InStatement): Promise<GroupMedian[]> {
  return groupMedians((await client.execute(statement)).rows.map((row) => [row[0], row[1]] as const));
}

/**
 * A query sent ahead of need (the next page of an export while this one is written out): its
 * failure is still thrown where it is awaited, and is not reported as unhandled if the reader
 * of the pages stops first (a download cancelled half-way).
 */
export function prefetched<T>(query: Promise<T>): Promise<T> {
  query.catch(() => undefined);
  return query;
}

/**
 * Starts this database's reader thread now rather than at the first report (the server, so a
 * thread that cannot start shows in its log at once); resolves true once reports go through it.
 */
export function startReportReader(database: Database): Promise<boolean> {
  const { client } = reportReads(database);
  return client instanceof ReportReader ? client.start() : Promise.resolve(false);
}

function offLoop(client: LocalClient): ReportReads {
  const reader = new ReportReader(client);
  return { client: reader, db: drizzle(reader, { schema }), medians: (statement) => reader.medians(statement) };
}

interface Waiting {
  kind: 'query' | 'medians';
  statement: InStatement;
  resolve(result: ResultSet | GroupMedian[]): void;
  reject(error: unknown): void;
}

/**
 * A `Client` whose `execute` runs reading statements on the reader thread, started on the
 * first one. Queries are answered in the order they were sent, one at a time.
 */
export class ReportReader implements Client, ClientCompanion {
  readonly protocol = 'file';
  private port: MessagePort | null = null;
  private state: 'idle' | 'starting' | 'ready' | 'failed' | 'stopped' = 'idle';
  /** Sent and not yet answered, oldest first. */
  private readonly waiting: Waiting[] = [];
  /** Settles true once the thread has opened the file, false if it could not (start()). */
  private started: Promise<boolean> = Promise.resolve(false);
  private startedAs: (ok: boolean) => void = () => {};

  constructor(private readonly client: LocalClient) {
    client.attachCompanion(this);
  }

  get closed(): boolean {
    return this.client.closed;
  }

  execute(stmt: InStatement): Promise<ResultSet>;
  execute(sql: string, args?: InArgs): Promise<ResultSet>;
  execute(stmtOrSql: InStatement | string, args?: InArgs): Promise<ResultSet> {
    const statement = typeof stmtOrSql === 'string' ? { sql: stmtOrSql, args: args ?? [] } : stmtOrSql;
    return this.send('query', statement) as Promise<ResultSet>;
  }

  /** reportReads().medians: the statement runs on the thread, and the medians are worked out there. */
  medians(statement: InStatement): Promise<GroupMedian[]> {
    return this.send('medians', statement) as Promise<GroupMedian[]>;
  }

  private send(kind: Waiting['kind'], statement: InStatement): Promise<ResultSet | GroupMedian[]> {
    if (this.client.closed) return Promise.reject(new LibsqlError('The client is closed', 'CLIENT_CLOSED'));
    if (this.state === 'idle') void this.start();
    // The thread is gone: the query runs on the client's own connection, as it did before there was one.
    if (this.state === 'failed' || this.state === 'stopped') return this.onClient(kind, statement);
    return new Promise((resolve, reject) => {
      this.waiting.push({ kind, statement, resolve, reject });
      // Referenced while an answer is due: a CLI command awaiting a report must not exit before it.
      this.port!.ref();
      this.port!.postMessage({ kind, statement } satisfies ReaderRequest);
    });
  }

  private onClient(kind: Waiting['kind'], statement: InStatement): Promise<ResultSet | GroupMedian[]> {
    return kind === 'medians' ? mediansOn(this.client, statement) : this.client.execute(statement);
  }

  /** A report reads; it never needs a transaction of its own. */
  async batch(stmts: (InStatement | [string, InArgs?])[]): Promise<ResultSet[]> {
    const results: ResultSet[] = [];
    for (const stmt of stmts) results.push(await this.execute(Array.isArray(stmt) ? { sql: stmt[0], args: stmt[1] ?? [] } : stmt));
    return results;
  }

  migrate(): Promise<ResultSet[]> {
    return Promise.reject(readOnly('migrate'));
  }

  transaction(): Promise<Transaction> {
    return Promise.reject(readOnly('transaction'));
  }

  executeMultiple(): Promise<void> {
    return Promise.reject(readOnly('executeMultiple'));
  }

  async sync(): Promise<Replicated> {
    return undefined;
  }

  reconnect(): void {
    this.close();
    this.state = 'idle';
  }

  /** Lets the thread finish the query in progress, then close its connection and end; queries after this run on the client. */
  close(): void {
    if (this.state === 'idle' || this.state === 'failed' || this.state === 'stopped') return;
    this.state = 'stopped';
    this.startedAs(false);
    this.port?.postMessage({ kind: 'stop' } satisfies ReaderRequest);
    this.port?.close();
    for (const waiter of this.waiting.splice(0)) waiter.reject(new LibsqlError('The client is closed', 'CLIENT_CLOSED'));
  }

  /** Starts the thread if it is not running yet; resolves true once it is ready, false if it failed. */
  start(): Promise<boolean> {
    if (this.state !== 'idle') return this.started;
    this.started = new Promise((resolve) => (this.startedAs = resolve));
    this.state = 'starting';
    const channel = new MessageChannel();
    this.port = channel.port1;
    const { path, busyTimeoutMs, pragmas } = this.client.connectionOptions;
    // The journal mode and durability are the writer's business; a reader only waits and caches like it.
    const workerData: ReaderData & { port: MessagePort } = { options: { path, busyTimeoutMs, pragmas: pragmas.filter((p) => !/journal_mode|synchronous/i.test(p)) }, port: channel.port2 };
    // Found beside this module: the source under tsx, or report-reader-worker.js beside the server bundle (server/bundle.ts).
    const worker = startModuleWorker(import.meta.url, 'report-reader-worker', { workerData, transferList: [channel.port2] });
    worker.unref();
    this.port.unref();
    this.port.on('message', (reply: ReaderReply) => this.answer(reply));
    worker.on('error', () => this.fail());
    worker.on('exit', () => this.fail());
    return this.started;
  }

  private answer(reply: ReaderReply): void {
    if (reply.kind === 'ready') {
      if (this.state === 'starting') this.state = 'ready';
      this.startedAs(this.state === 'ready');
      return;
    }
    if (reply.kind === 'failed') return this.fail();
    const waiter = this.waiting.shift();
    if (!this.waiting.length) this.port?.unref();
    if (!waiter) return;
    if (reply.kind === 'error') waiter.reject(fromWire(reply.error));
    else if (reply.kind === 'medians') waiter.resolve(reply.groups);
    else waiter.resolve(resultOfValues(reply.columns, reply.columnTypes, reply.rows));
  }

  /** The thread could not open the file or ended: what it had not answered runs on the client's connection instead. */
  private fail(): void {
    if (this.state === 'stopped' || this.state === 'failed') return;
    this.state = 'failed';
    this.startedAs(false);
    this.port?.close();
    for (const waiter of this.waiting.splice(0)) this.onClient(waiter.kind, waiter.statement).then(waiter.resolve, waiter.reject);
  }
}

function readOnly(what: string): LibsqlError {
  return new LibsqlError(`The report reader only reads (${what} is refused)`, 'SQLITE_READONLY');
}
