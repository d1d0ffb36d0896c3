import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { LocalClient } from './local-client';
import { ConfigError, type DatabaseSync } from '../config';
import * as schema from './schema/index';

export type Db = LibSQLDatabase<typeof schema>;
export interface Database {
  client: Client;
  db: Db;
  close(): void;
}

/** How long a writer waits for another process's write lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * The log is copied into the file every 100 ms and made to start over past 16,000 frames
 * (64 MB), by a thread that starts once a client has committed 100 write transactions (a CLI
 * command or a test's short-lived client never starts it). A restart waits at most 100 ms for
 * a reader (another process's long report): this process's writes are paused meanwhile, so
 * the wait is short, and a restart that gave up is tried again later (wal-checkpoint-worker.mjs).
 *
 * Why 16,000 and not 4,000: every restart pauses the writes for one fsync of the database file
 * (it must be durable before the log is reused), 4–19 ms here and longer as the file grows.
 * Under fifty reviewers approving, the log grew ≈ 3,700 frames per 100 ms tick, so a restart
 * came every other tick, five times a second; at 16,000 it comes every fifth, for 48 MB more
 * log on disk (BENCHMARKS.md, "Session of 12:47–15:45 UTC").
 */
const BACKGROUND_CHECKPOINT = { intervalMs: 100, restartFrames: 16_000, restartWaitMs: 100, startAfterWrites: 100 };

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Opens the database. Writes go through `db.batch()` (one transaction) rather than
 * interactive transactions, so no other call can interleave with them.
 */
export async function openDatabase(url: string, authToken?: string, sync?: DatabaseSync): Promise<Database> {
  const client = url.startsWith('file:') ? await openLocalClient(url, sync) : createClient({ url, ...(authToken ? { authToken } : {}) });
  if (!url.startsWith('file:')) await client.execute('PRAGMA foreign_keys = ON');
  const db = drizzle(client, { schema });
  return { client, db, close: () => client.close() };
}

/**
 * A file database goes through our `libsql` driver adapter (server/db/local-client.ts: one
 * connection, prepared statements reused, the PRAGMAs below on every connection it opens);
 * remote URLs (sqld, Turso) through `@libsql/client`.
 */
async function openLocalClient(url: string, sync?: DatabaseSync): Promise<Client> {
  // file:relative.db, file:/abs.db and file:///abs.db (an empty authority) all name a path.
  const file = decodeURIComponent(url.slice('file:'.length).split('?')[0] ?? '').replace(/^\/\/(?=\/)/, '');
  if (file && file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (!sync) {
    return new LocalClient({
      path: file,
      busyTimeoutMs: BUSY_TIMEOUT_MS,
      // WAL lets readers proceed during a write; busy_timeout lets two processes share the file;
      // synchronous=NORMAL in WAL mode loses no committed transaction on a process crash (only,
      // at worst, the last ones on a power loss) and saves an fsync per commit.
      // cache_size: 8 MB of pages (SQLite's default is 2 MB); the lists read at a million
      // documents (the deadline board's 400 rows with their tasks) fit, so they cost the same as
      // at ten thousand (BENCHMARKS.md). Pages are allocated as used.
      pragmas: ['PRAGMA journal_mode = WAL', 'PRAGMA synchronous = NORMAL', `PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`, 'PRAGMA foreign_keys = ON', 'PRAGMA cache_size = -8000'],
      // The log is folded into the file by a thread of its own, not inside a request's commit (wal-checkpointer.ts).
      backgroundCheckpoint: file && file !== ':memory:' ? BACKGROUND_CHECKPOINT : undefined,
    });
  }
  // An embedded replica: the driver owns the file's journal (it refuses journal_mode,
  // synchronous and busy_timeout PRAGMAs as unsupported statements) and sends writes to the
  // primary. It starts from the primary's current state (migrations and reads see it), then
  // the driver pulls every `periodSeconds`. A primary that cannot be reached stops the start.
  let client: LocalClient | undefined;
  try {
    client = new LocalClient({
      path: file,
      replica: { syncUrl: sync.url, authToken: sync.authToken, periodSeconds: sync.periodSeconds },
      busyTimeoutMs: BUSY_TIMEOUT_MS,
      pragmas: [],
    });
    await client.sync();
    await client.execute('PRAGMA foreign_keys = ON');
    return client;
  } catch (error) {
    client?.close();
    throw new ConfigError(`无法从主库同步嵌入式副本（DATABASE_SYNC_URL=${sync.url.replace(/\/\/[^@/]*@/, '//***@')}）：${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Applies the versioned migrations that have not run yet. */
export async function migrateDatabase(database: Database): Promise<void> {
  await migrate(database.db, { migrationsFolder: MIGRATIONS_DIR });
  await database.client.execute('PRAGMA foreign_keys = ON');
}

/**
 * Whether the database answers, has every migration shipped with this build applied, and
 * takes a write. The write rewrites the header's user_version with its own value: a real
 * commit (a WAL frame) that changes nothing, so a read-only or failing disk shows here.
 */
export async function databaseReadiness(database: Database): Promise<{ ready: boolean; writable: boolean; migrations: { applied: number; shipped: number } }> {
  const shipped = readMigrationFiles({ migrationsFolder: MIGRATIONS_DIR }).length;
  let applied = 0;
  try {
    const result = await database.client.execute('SELECT count(*) AS n FROM __drizzle_migrations');
    applied = Number(result.rows[0]?.n ?? 0);
  } catch {
    return { ready: false, writable: false, migrations: { applied: 0, shipped } };
  }
  let writable = true;
  try {
    const version = Number((await database.client.execute('PRAGMA user_version')).rows[0]?.[0] ?? 0);
    await database.client.execute(`PRAGMA user_version = ${Math.trunc(version)}`);
  } catch {
    writable = false;
  }
  return { ready: applied >= shipped && writable, writable, migrations: { applied, shipped } };
}
