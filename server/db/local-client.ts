import Database from 'libsql';
import {
  LibsqlBatchError,
  LibsqlError,
  type Client,
  type InArgs,
  type InStatement,
  type InValue,
  type Replicated,
  type ResultSet,
  type Row,
  type Transaction,
  type TransactionMode,
} from '@libsql/client';
import { WalCheckpointer, type WalCheckpointerOptions } from './wal-checkpointer';

/**
 * The embedded database driver: `@libsql/client`'s `Client` interface (so drizzle-orm's libsql
 * driver runs on it unchanged) over ONE `libsql` connection with a cache of prepared
 * statements.
 *
 * Why not `@libsql/client`'s own file client: it prepares every statement afresh, and a
 * prepared statement that is dropped keeps ≈ 2.7 KB of native memory (libsql-client-ts #333,
 * libsql-js #153), so a long-running server grows without bound; re-using a prepared
 * statement stays flat (bench/profiles/rss-growth.ts). Its connection pool also opens extra
 * connections under concurrent calls, and `PRAGMA synchronous`/`foreign_keys` are per
 * connection, so those extra connections ran with other settings. Here every call is
 * synchronous on the one connection, so a single connection loses no concurrency: libsql's
 * calls block the event loop either way.
 *
 * An interactive `transaction()` (the catalog import) gets a connection of its own, opened with
 * the same settings, so nothing else running meanwhile reads its uncommitted rows.
 */

export interface LocalClientOptions {
  /** Path of the database file, or ':memory:'. */
  path: string;
  /** Milliseconds a writer waits for another process's write lock before SQLITE_BUSY. */
  busyTimeoutMs: number;
  /** Per-connection PRAGMAs, run on every connection this client opens. */
  pragmas: readonly string[];
  /** Prepared statements kept per connection (least recently used are finalized first). */
  statementCacheSize?: number;
  /** Embedded replica: the file is a replica of this libsql primary, pulled every `periodSeconds` by the driver. */
  replica?: { syncUrl: string; authToken: string | undefined; periodSeconds: number } | undefined;
  /**
   * Checkpoint the WAL on a thread of its own (wal-checkpointer.ts), once the client has
   * committed `startAfterWrites` write transactions (a short-lived client, a CLI command, never
   * starts the thread). Omitted: SQLite's automatic checkpoint, inside the commit.
   */
  backgroundCheckpoint?: (WalCheckpointerOptions & { startAfterWrites: number }) | undefined;
}

type Statement = Database.Statement<unknown[]>;
type SqlArgs = unknown[] | Record<string, unknown>;

const DEFAULT_STATEMENT_CACHE = 500;
const EXPLAIN = /^\s*explain\b/i;

/** One connection with its statement cache (also the group-commit thread's, services/group-commit-worker.ts). */
export class Connection {
  readonly db: Database.Database;
  /** Insertion-ordered: the first key is the least recently used. */
  private readonly statements = new Map<string, { statement: Statement; reader: boolean; columns: string[]; columnTypes: string[]; shape: RowShape }>();

  constructor(private readonly options: LocalClientOptions) {
    const replica = options.replica && { syncUrl: options.replica.syncUrl, authToken: options.replica.authToken ?? '', syncPeriod: options.replica.periodSeconds };
    // libsql's typings lack the replica options its constructor reads (authToken, syncPeriod).
    this.db = new Database(options.path, { timeout: options.busyTimeoutMs, ...replica } as Database.Options);
    for (const pragma of options.pragmas) this.db.exec(pragma);
  }

  private prepared(sql: string) {
    const cached = this.statements.get(sql);
    if (cached) {
      this.statements.delete(sql);
      this.statements.set(sql, cached);
      return cached;
    }
    const statement = this.db.prepare(sql) as Statement;
    statement.safeIntegers(true);
    const reader = statement.reader;
    if (reader) statement.raw(true);
    const columns = reader ? statement.columns().map((column) => column.name) : [];
    const columnTypes = reader ? statement.columns().map((column) => column.type ?? '') : [];
    const entry = { statement, reader, columns, columnTypes, shape: rowShape(columns) };
    this.statements.set(sql, entry);
    const limit = this.options.statementCacheSize ?? DEFAULT_STATEMENT_CACHE;
    if (this.statements.size > limit) {
      const oldest = this.statements.keys().next().value;
      if (oldest !== undefined) this.statements.delete(oldest);
    }
    return entry;
  }

  /** True for a statement that only reads (prepared and cached, as `execute` will want it). */
  reads(sql: string): boolean {
    try {
      return this.prepared(sql).reader;
    } catch {
      // It does not prepare: `execute` will throw the error, nothing waits for it.
      return true;
    }
  }

  execute(stmt: InStatement | string): ResultSet {
    const { sql, args } = normalize(stmt);
    try {
      const { statement, reader, columns, columnTypes, shape } = this.prepared(sql);
      if (reader) {
        const rows = (statement.all(args) as unknown[][]).map((values) => toRow(values, shape));
        // libsql leaves an EXPLAIN statement un-reset after its last row, and the connection then
        // keeps reading the snapshot it began on: another connection's commits stay unseen and
        // this connection's next write fails. `get()` resets it (tests/integration/local-client.test.ts).
        if (EXPLAIN.test(sql)) statement.get(args);
        return result(columns, columnTypes, rows, 0, undefined);
      }
      const info = statement.run(args);
      return result([], [], [], info.changes, BigInt(info.lastInsertRowid));
    } catch (error) {
      // SQL that is only blanks or comments prepares to no statement, and libsql answers
      // "not an error" when it is run: nothing was asked, so nothing happened.
      if (error instanceof Database.SqliteError && (error as { rawCode?: number }).rawCode === 0) return result([], [], [], 0, undefined);
      throw mapError(error);
    }
  }

  /**
   * A reading statement's rows as plain arrays: integers as numbers (as `execute`), blobs as
   * Buffers (what drizzle turns `execute`'s ArrayBuffers back into). For fast-read.ts.
   * Always `all()`, never libsql's `get()`: a statement read by `all()` and then by `get()`
   * with other values answers `get()` with the earlier values' row (libsql 0.5; caught by
   * tests/integration/fast-read.test.ts).
   */
  readRows(sql: string, args: SqlArgs): unknown[][] {
    return this.plainRows(sql, args, (value) => (typeof value === 'bigint' ? valueFromSql(value) : value)).rows;
  }

  /**
   * A reading statement's columns and rows as plain arrays, values as `execute` gives them
   * (integers as numbers, blobs as ArrayBuffers): what the report reader's thread sends back
   * (report-reader.ts), rebuilt into rows there by `resultOfValues`.
   */
  query(stmt: InStatement): { columns: string[]; columnTypes: string[]; rows: unknown[][] } {
    const { sql, args } = normalize(stmt);
    return this.plainRows(sql, args, valueFromSql);
  }

  /** A plain query's rows as arrays, each value passed through `convert`; refuses writes and EXPLAIN. */
  private plainRows(sql: string, args: SqlArgs, convert: (value: unknown) => unknown): { columns: string[]; columnTypes: string[]; rows: unknown[][] } {
    try {
      const { statement, reader, columns, columnTypes } = this.prepared(sql);
      if (!reader || EXPLAIN.test(sql)) throw new LibsqlError(`Only a plain query can run here: ${sql.slice(0, 60)}`, 'SQLITE_READONLY');
      const rows = statement.all(args) as unknown[][];
      for (const row of rows) {
        for (let i = 0; i < row.length; i++) row[i] = convert(row[i]);
      }
      return { columns, columnTypes, rows };
    } catch (error) {
      throw mapError(error);
    }
  }

  /** Runs `stmts` between `begin` and COMMIT; anything thrown rolls the whole batch back. */
  inTransaction(begin: string, stmts: readonly (InStatement | [string, InArgs?])[]): ResultSet[] {
    this.execute(begin);
    try {
      const results = stmts.map((stmt, index) => {
        try {
          return this.execute(Array.isArray(stmt) ? { sql: stmt[0], args: stmt[1] ?? [] } : stmt);
        } catch (error) {
          if (error instanceof LibsqlError && !(error instanceof LibsqlBatchError)) {
            throw new LibsqlBatchError(error.message, index, error.code, error.extendedCode, error.rawCode, error.cause instanceof Error ? error.cause : undefined);
          }
          throw error;
        }
      });
      this.execute('COMMIT');
      return results;
    } finally {
      if (this.db.open && this.db.inTransaction) this.db.exec('ROLLBACK');
    }
  }

  executeMultiple(sql: string): void {
    try {
      this.db.exec(sql);
    } catch (error) {
      throw mapError(error);
    }
  }

  close(): void {
    this.statements.clear();
    if (this.db.open) this.db.close();
  }
}

function normalize(stmt: InStatement | string): { sql: string; args: SqlArgs } {
  if (typeof stmt === 'string') return { sql: stmt, args: [] };
  const raw = stmt.args;
  if (raw === undefined) return { sql: stmt.sql, args: [] };
  if (Array.isArray(raw)) return { sql: stmt.sql, args: raw.map(valueToSql) };
  const named: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw)) {
    named[name[0] === '@' || name[0] === '$' || name[0] === ':' ? name.slice(1) : name] = valueToSql(value);
  }
  return { sql: stmt.sql, args: named };
}

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function valueToSql(value: InValue): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError('Only finite numbers (not Infinity or NaN) can be passed as arguments');
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (value instanceof Date) return value.valueOf();
  if (value === undefined) throw new TypeError('undefined cannot be passed as argument to the database');
  return value;
}

/** Same "number" int mode as `@libsql/client`'s default: an integer JS cannot hold exactly is an error, not a silent rounding. */
function valueFromSql(value: unknown): unknown {
  if (typeof value === 'bigint') {
    if (value < MIN_SAFE || value > MAX_SAFE) throw new RangeError('Received integer which cannot be safely represented as a JavaScript number');
    return Number(value);
  }
  if (value instanceof Buffer) return value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength);
  return value;
}

const VALUES = Symbol('row values');

/** What every row of one statement shares: its index getters and which column names it gets. */
interface RowShape {
  prototype: object;
  /** [index, name] for the first column of each name (a later duplicate name is reachable by index only). */
  named: readonly (readonly [number, string])[];
}

/**
 * A row as `@libsql/client` shapes it: values by column name (own, enumerable) and by index
 * and `length` (not enumerable, so drizzle's raw-query results hold only the column names).
 * The index getters live on one prototype per statement instead of being defined on every
 * row: defining them row by row was the driver's largest cost when reading many rows.
 */
function rowShape(columns: readonly string[]): RowShape {
  const prototype = Object.create(Object.prototype) as Record<PropertyKey, unknown>;
  Object.defineProperty(prototype, 'length', { value: columns.length });
  const named: [number, string][] = [];
  // As @libsql/client: `length` and the indexes come first, a column named like them keeps the index's meaning.
  const seen = new Set<string>(['length', ...columns.map((_, index) => String(index))]);
  columns.forEach((column, index) => {
    Object.defineProperty(prototype, index, {
      get(this: { [VALUES]: unknown[] }) {
        return this[VALUES][index];
      },
    });
    if (!seen.has(column)) {
      seen.add(column);
      named.push([index, column]);
    }
  });
  return { prototype, named };
}

function toRow(raw: unknown[], shape: RowShape): Row {
  return rowOf(raw.map(valueFromSql), shape);
}

/** A row over values already converted (valueFromSql). */
function rowOf(values: unknown[], shape: RowShape): Row {
  const row = Object.create(shape.prototype) as Record<PropertyKey, unknown>;
  Object.defineProperty(row, VALUES, { value: values });
  for (const [index, name] of shape.named) row[name] = values[index];
  return row as unknown as Row;
}

/** A query's result from its plain values (Connection.query's, once they have crossed from another thread). */
export function resultOfValues(columns: string[], columnTypes: string[], values: unknown[][]): ResultSet {
  const shape = rowShape(columns);
  return result(columns, columnTypes, values.map((row) => rowOf(row, shape)), 0, undefined);
}

function result(columns: string[], columnTypes: string[], rows: Row[], rowsAffected: number, lastInsertRowid: bigint | undefined): ResultSet {
  return {
    columns,
    columnTypes,
    rows,
    rowsAffected,
    lastInsertRowid,
    toJSON: () => ({ columns, columnTypes, rows, rowsAffected, lastInsertRowid: lastInsertRowid === undefined ? null : String(lastInsertRowid) }),
  };
}

const SQLITE_CODES: Record<number, string> = {
  1: 'SQLITE_ERROR', 2: 'SQLITE_INTERNAL', 3: 'SQLITE_PERM', 4: 'SQLITE_ABORT', 5: 'SQLITE_BUSY', 6: 'SQLITE_LOCKED',
  7: 'SQLITE_NOMEM', 8: 'SQLITE_READONLY', 9: 'SQLITE_INTERRUPT', 10: 'SQLITE_IOERR', 11: 'SQLITE_CORRUPT',
  12: 'SQLITE_NOTFOUND', 13: 'SQLITE_FULL', 14: 'SQLITE_CANTOPEN', 15: 'SQLITE_PROTOCOL', 16: 'SQLITE_EMPTY',
  17: 'SQLITE_SCHEMA', 18: 'SQLITE_TOOBIG', 19: 'SQLITE_CONSTRAINT', 20: 'SQLITE_MISMATCH', 21: 'SQLITE_MISUSE',
  22: 'SQLITE_NOLFS', 23: 'SQLITE_AUTH', 24: 'SQLITE_FORMAT', 25: 'SQLITE_RANGE', 26: 'SQLITE_NOTADB',
};

/** The errors `@libsql/client` throws, so callers (stale-write, busy, storage checks) see the same codes. */
function mapError(error: unknown): unknown {
  if (error instanceof Database.SqliteError) {
    const rawCode = (error as { rawCode?: number }).rawCode;
    const code = rawCode === undefined ? 'SQLITE_UNKNOWN' : (SQLITE_CODES[rawCode & 0xff] ?? `SQLITE_UNKNOWN_${rawCode & 0xff}`);
    return new LibsqlError(error.message, code, error.code, rawCode, error);
  }
  return error;
}

const BEGIN: Record<TransactionMode, string> = { write: 'BEGIN IMMEDIATE', read: 'BEGIN TRANSACTION READONLY', deferred: 'BEGIN DEFERRED' };

class LocalTransaction implements Transaction {
  private connection: Connection | null;

  constructor(connection: Connection, mode: TransactionMode) {
    this.connection = connection;
    try {
      connection.execute(BEGIN[mode]);
    } catch (error) {
      this.settle();
      throw error;
    }
  }

  private live(): Connection {
    if (!this.connection || !this.connection.db.inTransaction) throw new LibsqlError('The transaction is closed', 'TRANSACTION_CLOSED');
    return this.connection;
  }

  private settle(): void {
    this.connection?.close();
    this.connection = null;
  }

  async execute(stmt: InStatement): Promise<ResultSet> {
    return this.live().execute(stmt);
  }

  async batch(stmts: InStatement[]): Promise<ResultSet[]> {
    const connection = this.live();
    return stmts.map((stmt) => connection.execute(stmt));
  }

  async executeMultiple(sql: string): Promise<void> {
    this.live().executeMultiple(sql);
  }

  async rollback(): Promise<void> {
    try {
      if (this.connection?.db.open && this.connection.db.inTransaction) this.connection.execute('ROLLBACK');
    } finally {
      this.settle();
    }
  }

  async commit(): Promise<void> {
    try {
      this.live().execute('COMMIT');
    } finally {
      this.settle();
    }
  }

  close(): void {
    try {
      if (this.connection?.db.open && this.connection.db.inTransaction) this.connection.execute('ROLLBACK');
    } finally {
      this.settle();
    }
  }

  get closed(): boolean {
    return !this.connection || !this.connection.db.inTransaction;
  }
}

/** What a group-commit writer may do inside `LocalClient.writeGroup`'s transaction. */
export class GroupWriter {
  constructor(private readonly connection: Connection) {}

  /** Refuses to run once the transaction has ended: a statement must never slip into autocommit and stand alone. */
  execute(stmt: InStatement): ResultSet {
    if (!this.open) throw new LibsqlError('The group transaction has ended', 'TRANSACTION_CLOSED');
    return this.connection.execute(stmt);
  }

  /**
   * Runs `part` in a savepoint: if it throws, its statements are undone and the error goes on
   * to the caller, and the transaction stays open for the next part. SQLite itself ends the
   * whole transaction on some errors (disk full, I/O): then `open` turns false and nothing of
   * the group may be reported as written.
   */
  savepoint<T>(part: () => T): T {
    this.execute('SAVEPOINT shenfa_change');
    try {
      const result = part();
      this.connection.execute('RELEASE shenfa_change');
      return result;
    } catch (error) {
      if (this.open) {
        this.connection.execute('ROLLBACK TO shenfa_change');
        this.connection.execute('RELEASE shenfa_change');
      }
      throw error;
    }
  }

  /** False once SQLite has rolled the transaction back by itself. */
  get open(): boolean {
    return this.connection.db.open && this.connection.db.inTransaction;
  }
}

/**
 * BEGIN IMMEDIATE, `write`, COMMIT, synchronously on `connection`; anything thrown rolls it all
 * back. The frame of `LocalClient.writeGroup` and of the group-commit thread's transactions.
 */
export function writeTransaction<T>(connection: Connection, write: (tx: GroupWriter) => T): T {
  connection.execute(BEGIN.write);
  try {
    const result = write(new GroupWriter(connection));
    connection.execute('COMMIT');
    return result;
  } finally {
    if (connection.db.open && connection.db.inTransaction) connection.db.exec('ROLLBACK');
  }
}

/** A reader of this client's file on a connection of its own (report-reader.ts). */
export interface ClientCompanion {
  close(): void;
  reconnect(): void;
}

/**
 * Another thread writing to this client's file on a connection of its own (the group-commit
 * thread, services/group-commit-thread.ts). While it holds a transaction (`busy`), this
 * client's own writes wait for it off the event loop rather than in SQLite's busy handler on it.
 */
export interface OffThreadWriter {
  /** Settles when the thread's transaction in progress has ended; null when it has none. */
  readonly busy: Promise<unknown> | null;
  /** The thread's own automatic checkpoint, kept as this connection's (see `autocheckpoint`). */
  setAutocheckpoint(pages: number): void;
  stop(): void;
}

export class LocalClient implements Client {
  closed = false;
  readonly protocol = 'file';
  private connection: Connection;
  private writes = 0;
  private checkpointer: WalCheckpointer | null = null;
  private offThread: OffThreadWriter | null = null;
  /** SQLite's automatic checkpoint for this client's writers: off while the checkpointer thread lives. */
  private autocheckpointPages = 1000;
  /** What reads this client's file on a connection of its own and ends or starts over with it (the report reader). */
  private readonly companions = new Set<ClientCompanion>();

  constructor(private options: LocalClientOptions) {
    this.connection = new Connection(options);
  }

  /** What a connection of another thread needs to open this file as this client does. */
  get connectionOptions(): Pick<LocalClientOptions, 'path' | 'busyTimeoutMs' | 'pragmas'> & { autocheckpointPages: number } {
    return { path: this.options.path, busyTimeoutMs: this.options.busyTimeoutMs, pragmas: this.options.pragmas, autocheckpointPages: this.autocheckpointPages };
  }

  /** A thread that writes to this file from now on (see OffThreadWriter); stopped when this client closes or reconnects. */
  attachWriter(writer: OffThreadWriter): void {
    this.offThread?.stop();
    this.offThread = writer;
  }

  /** Closed when this client closes, started over when it reconnects (report-reader.ts). */
  attachCompanion(companion: ClientCompanion): void {
    this.companions.add(companion);
  }

  /** Forgets the thread (it failed or stopped): this client's connection writes alone again. */
  detachWriter(writer: OffThreadWriter): void {
    if (this.offThread === writer) this.offThread = null;
  }

  /** Resolves once no other thread of this client holds a write transaction (before this connection writes). */
  async offThreadIdle(): Promise<void> {
    for (let busy = this.offThread?.busy; busy; busy = this.offThread?.busy) await busy.catch(() => undefined);
  }

  private autocheckpoint(pages: number): void {
    this.autocheckpointPages = pages;
    this.connection.db.exec(`PRAGMA wal_autocheckpoint = ${pages}`);
    this.offThread?.setAutocheckpoint(pages);
  }

  /** Counts a committed write transaction (this connection's or the group-commit thread's); starts the background checkpointer after the configured number. */
  recordWriteTransaction(): void {
    const background = this.options.backgroundCheckpoint;
    if (!background || this.checkpointer || ++this.writes < background.startAfterWrites || this.options.replica) return;
    this.checkpointer = new WalCheckpointer(this.options.path, background, {
      onReady: () => {
        if (!this.closed) this.autocheckpoint(0);
      },
      // The thread is gone: the writer checkpoints itself again, as SQLite does by default.
      onFailure: () => {
        if (!this.closed) this.autocheckpoint(1000);
      },
    });
  }

  /** Resolves when the writer may begin a transaction without waiting inside SQLite (see WalCheckpointer). */
  writesResumed(): Promise<void> | null {
    return this.checkpointer?.writesPaused ? this.checkpointer.writesResumed() : null;
  }

  /** Back to SQLite's own checkpoint inside the commit, for good (bench/profiles/commit-latency.ts compares the two). */
  checkpointInline(): void {
    this.options = { ...this.options, backgroundCheckpoint: undefined };
    this.checkpointer?.stop();
    this.checkpointer = null;
    this.live();
    this.autocheckpoint(1000);
  }

  /** True while a background thread checkpoints the WAL (the writer's own automatic checkpoint is off). */
  get checkpointsInBackground(): boolean {
    return this.checkpointer?.alive ?? false;
  }

  private live(): Connection {
    if (this.closed) throw new LibsqlError('The client is closed', 'CLIENT_CLOSED');
    return this.connection;
  }

  /** True when another connection of this process can open the same database: a file, not ':memory:' (the connection's own), not a replica (the driver's). */
  get openableElsewhere(): boolean {
    const file = this.options.path;
    return Boolean(file) && file !== ':memory:' && !this.options.replica;
  }

  /** True for an embedded replica, whose writes go to the primary one statement at a time (no group commit there). */
  get isReplica(): boolean {
    return Boolean(this.options.replica);
  }

  execute(stmt: InStatement): Promise<ResultSet>;
  execute(sql: string, args?: InArgs): Promise<ResultSet>;
  async execute(stmtOrSql: InStatement | string, args?: InArgs): Promise<ResultSet> {
    const stmt = typeof stmtOrSql === 'string' ? { sql: stmtOrSql, args: args ?? [] } : stmtOrSql;
    if (this.offThread?.busy && !this.live().reads(stmt.sql)) await this.offThreadIdle();
    return this.live().execute(stmt);
  }

  /** Rows of one query as plain arrays on the main connection (see Connection.readRows). */
  readRows(sql: string, args: readonly unknown[]): unknown[][] {
    return this.live().readRows(sql, (args as InValue[]).map(valueToSql) as SqlArgs);
  }

  /**
   * One transaction. A batch that writes starts with BEGIN IMMEDIATE (drizzle asks for
   * "deferred"): a deferred transaction that reads first and then writes cannot wait for
   * another process's lock (SQLite answers BUSY at once), while IMMEDIATE waits up to the
   * busy timeout.
   */
  async batch(stmts: (InStatement | [string, InArgs?])[], mode: TransactionMode = 'deferred'): Promise<ResultSet[]> {
    const begin = mode === 'deferred' && stmts.some(isWrite) ? BEGIN.write : BEGIN[mode];
    if (begin !== BEGIN.read) await this.offThreadIdle();
    const results = this.live().inTransaction(begin, stmts);
    if (begin === BEGIN.write) this.recordWriteTransaction();
    return results;
  }

  /**
   * One write transaction on the main connection, run synchronously from BEGIN IMMEDIATE to
   * COMMIT, so nothing else uses the connection in between. Group commit
   * (services/group-commit.ts) runs several changes in it, each in a savepoint of its own:
   * a change that fails is undone alone and the others still commit, together, with one
   * COMMIT. Throws when BEGIN or COMMIT fails (then nothing was written).
   */
  writeGroup<T>(write: (tx: GroupWriter) => T): T {
    const result = writeTransaction(this.live(), write);
    this.recordWriteTransaction();
    return result;
  }

  /** Migrations run with foreign keys off (a table rebuild would otherwise cascade), as drizzle expects. */
  async migrate(stmts: InStatement[]): Promise<ResultSet[]> {
    await this.offThreadIdle();
    const connection = this.live();
    connection.execute('PRAGMA foreign_keys=off');
    try {
      return connection.inTransaction(BEGIN.deferred, stmts);
    } finally {
      connection.execute('PRAGMA foreign_keys=on');
    }
  }

  transaction(mode?: TransactionMode): Promise<Transaction>;
  async transaction(mode: TransactionMode = 'write'): Promise<Transaction> {
    this.live();
    if (mode !== 'read') await this.offThreadIdle();
    return new LocalTransaction(new Connection(this.options), mode);
  }

  async executeMultiple(sql: string): Promise<void> {
    await this.offThreadIdle();
    this.live().executeMultiple(sql);
  }

  /** Embedded replica: pulls the primary's changes now (throws when the primary cannot be reached); a plain file: nothing to do. */
  async sync(): Promise<Replicated> {
    if (this.options.replica) return this.live().db.sync() as Replicated;
    return undefined;
  }

  reconnect(): void {
    this.offThread?.stop();
    this.offThread = null;
    for (const companion of this.companions) companion.reconnect();
    this.connection.close();
    this.connection = new Connection(this.options);
    this.connection.db.exec(`PRAGMA wal_autocheckpoint = ${this.autocheckpointPages}`);
    this.closed = false;
  }

  close(): void {
    this.closed = true;
    // The writer thread first: its transaction in progress ends before the checkpoint below.
    this.offThread?.stop();
    this.offThread = null;
    for (const companion of this.companions) companion.close();
    this.checkpointer?.stop();
    this.checkpointer = null;
    // libsql's close does not fold the WAL into the file (its dropped statements keep the
    // connection open until a GC, and a CLI exits first): copy every committed page in now, so
    // a stopped server's shenfa.db alone holds all its data. PASSIVE never waits for anyone;
    // a replica's file is the driver's, and a failing disk only leaves the log to replay at the next open.
    if (!this.options.replica && this.connection.db.open) {
      try {
        this.connection.execute('PRAGMA wal_checkpoint(PASSIVE)');
      } catch {
        // Nothing is lost: SQLite replays the log at the next open.
      }
    }
    this.connection.close();
  }
}

function isWrite(stmt: InStatement | [string, InArgs?]): boolean {
  const sql = typeof stmt === 'string' ? stmt : Array.isArray(stmt) ? stmt[0] : stmt.sql;
  return !/^\s*(select|with|pragma\s+\w+\s*$)/i.test(sql);
}
