import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateDatabase, openDatabase, type Database } from '../../server/db/client';

export interface TempDatabase {
  dir: string;
  database: Database;
  /** Closes the database and removes its folder. */
  dispose(): void;
}

/** A migrated libsql file of its own (the server's settings and driver) in a fresh temporary folder. */
export async function tempDatabase(name: string): Promise<TempDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `shenfa-${name}-`));
  const database = await openDatabase(`file:${path.join(dir, 'shenfa.db')}`);
  await migrateDatabase(database);
  return {
    dir,
    database,
    dispose() {
      database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
