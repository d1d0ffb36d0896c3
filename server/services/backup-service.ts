import fs from 'node:fs';
import path from 'node:path';
import { createClient } from '@libsql/client';
import type { Database } from '../db/client';
import { badRequest } from './errors';

/** The file behind a `file:` database URL; backups of remote databases are the server's business (sqld/Turso). */
export function databaseFile(url: string): string {
  if (!url.startsWith('file:')) throw badRequest('备份与恢复只适用于本地数据库文件（file: 地址）；远程 libsql/Turso 请使用其自带的备份与时间点恢复');
  const file = url.slice('file:'.length).split('?')[0] ?? '';
  if (!file || file === ':memory:') throw badRequest('内存数据库无法备份');
  return path.resolve(file);
}

/**
 * A consistent copy of the live database: `VACUUM INTO` reads one snapshot inside a read
 * transaction (writers in WAL mode carry on meanwhile) and writes a compact new file.
 */
export async function backupDatabase(database: Database, target: string): Promise<{ file: string; bytes: number }> {
  const file = path.resolve(target);
  if (fs.existsSync(file)) throw badRequest(`备份文件已存在：${file}`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await database.client.execute({ sql: 'VACUUM INTO ?', args: [file] });
  return { file, bytes: fs.statSync(file).size };
}

/** Checks a backup before it replaces anything: a sound SQLite file that holds a Shenfa database. */
async function checkBackup(file: string): Promise<void> {
  if (!fs.existsSync(file)) throw badRequest(`备份文件不存在：${file}`);
  const client = createClient({ url: `file:${file}` });
  try {
    const integrity = await client.execute('PRAGMA integrity_check');
    if (String(integrity.rows[0]?.[0]) !== 'ok') throw badRequest(`备份文件已损坏：${file}`);
    await client.execute('SELECT count(*) FROM __drizzle_migrations');
    await client.execute('SELECT count(*) FROM audit_log');
  } catch (error) {
    throw error instanceof Error && error.name === 'ShenfaError' ? error : badRequest(`不是审发的数据库备份：${file}`);
  } finally {
    client.close();
  }
}

/**
 * Puts a backup in place of the database file. The server must be stopped: the old file,
 * its write-ahead log and shared-memory index are replaced, the copy lands under a temporary
 * name first and is renamed over the database (atomic on one file system).
 */
export async function restoreDatabase(url: string, source: string): Promise<{ file: string }> {
  const from = path.resolve(source);
  const file = databaseFile(url);
  await checkBackup(from);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.restoring`;
  fs.copyFileSync(from, temporary);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
  fs.renameSync(temporary, file);
  return { file };
}
