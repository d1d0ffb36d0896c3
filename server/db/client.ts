import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { LocalClient } from './local-client';
import * as schema from './schema/index';

export type Db = LibSQLDatabase<typeof schema>;
export interface Database {
  client: Client;
  db: Db;
  close(): void;
}

/** How long a writer waits for another process's write lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Opens the database. Writes go through `db.batch()` (one transaction) rather than
 * interactive transactions, so no other call can interleave with them.
 */
export async function openDatabase(url: string, authToken?: string): Promise<Database> {
  const client = url.startsWith('file:') ? openLocalClient(url) : createClient({ url, ...(authToken ? { authToken } : {}) });
  if (!url.startsWith('file:')) await client.execute('PRAGMA foreign_keys = ON');
  const db = drizzle(client, { schema });
  return { client, db, close: () => client.close() };
}

/**
 * A file database goes through our `libsql` driver adapter (server/db/local-client.ts: one
 * connection, prepared statements reused, the PRAGMAs below on every connection it opens);
 * remote URLs (sqld, Turso) through `@libsql/client`.
 */
function openLocalClient(url: string): Client {
  // file:relative.db, file:/abs.db and file:///abs.db (an empty authority) all name a path.
  const file = decodeURIComponent(url.slice('file:'.length).split('?')[0] ?? '').replace(/^\/\/(?=\/)/, '');
  if (file && file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return new LocalClient({
    path: file,
    busyTimeoutMs: BUSY_TIMEOUT_MS,
    // WAL lets readers proceed during a write; busy_timeout lets two processes share the file;
    // synchronous=NORMAL in WAL mode loses no committed transaction on a process crash (only,
    // at worst, the last ones on a power loss) and saves an fsync per commit.
    pragmas: ['PRAGMA journal_mode = WAL', 'PRAGMA synchronous = NORMAL', `PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`, 'PRAGMA foreign_keys = ON'],
  });
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
