import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
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
 * Opens the database. Writes go through `db.batch()` (one transaction on the client's own
 * connection) rather than interactive transactions: the libsql client hands its
 * connection to an interactive transaction and opens a fresh one afterwards, which would
 * lose the per-connection PRAGMAs set here.
 */
export async function openDatabase(url: string, authToken?: string): Promise<Database> {
  if (url.startsWith('file:')) {
    const file = url.slice('file:'.length).split('?')[0] ?? '';
    if (file && file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }
  // `timeout` is the busy timeout of EVERY connection the client pools (it opens more under
  // concurrent calls); the PRAGMA below reaches only the first, so without this the others
  // answered SQLITE_BUSY at once when a second process held the write lock.
  const client = createClient({ url, ...(authToken ? { authToken } : {}), ...(url.startsWith('file:') ? { timeout: BUSY_TIMEOUT_MS } : {}) });
  if (url.startsWith('file:')) {
    // WAL lets readers proceed during a write; busy_timeout lets two processes share the file.
    await client.execute('PRAGMA journal_mode = WAL');
    await client.execute('PRAGMA synchronous = NORMAL');
    await client.execute(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
  await client.execute('PRAGMA foreign_keys = ON');
  const db = drizzle(client, { schema });
  return { client, db, close: () => client.close() };
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
