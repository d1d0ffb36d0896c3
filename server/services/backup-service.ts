import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { attachmentDir } from './attachment-service';
import { badRequest } from './errors';
import type { ServiceContext } from './service-context';

/**
 * A backup is a directory:
 *
 *   <dir>/shenfa.db       the database at one moment (VACUUM INTO: one read snapshot; writers go on)
 *   <dir>/files/<name>    every stored file (attachments, form files, channel proofs) that
 *                         the copied database refers to, under its stored name
 *   <dir>/manifest.json   what is in it, with each file's size and SHA-256
 *
 * Stored files are written before the row that names them commits and are never rewritten,
 * so every file the snapshot names is on disk when the copy is taken; each copied file is
 * checked against the SHA-256 its row recorded at upload. The directory is built under a
 * temporary name and renamed when whole, so a backup that exists is complete.
 */

export const BACKUP_DATABASE = 'shenfa.db';
export const BACKUP_FILES = 'files';
export const BACKUP_MANIFEST = 'manifest.json';
const FORMAT = 'shenfa-backup';
const FORMAT_VERSION = 1;

export interface BackupManifest {
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  database: { file: string; bytes: number; sha256: string; auditRows: number; auditTip: string | null };
  files: { name: string; table: string; bytes: number; sha256: string }[];
}

/** An embedded replica's file is the primary's copy (and `VACUUM INTO` there would go to the primary): back up the primary. */
const REPLICA_REFUSED = '嵌入式副本（已设置 DATABASE_SYNC_URL）不在本机备份或恢复：请在主库（sqld/Turso）上备份与恢复';

/** The file behind a `file:` database URL; backups of remote databases are the server's business (sqld/Turso). */
export function databaseFile(url: string): string {
  if (!url.startsWith('file:')) throw badRequest('备份与恢复只适用于本地数据库文件（file: 地址）；远程 libsql/Turso 请使用其自带的备份与时间点恢复');
  const file = url.slice('file:'.length).split('?')[0] ?? '';
  if (!file || file === ':memory:') throw badRequest('内存数据库无法备份');
  return path.resolve(file);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const sha256File = (file: string) => sha256(fs.readFileSync(file));

/** Every stored file a database names: rows of any table with `stored_name` and `sha256` columns. */
async function storedFiles(client: Client): Promise<{ name: string; table: string; sha256: string }[]> {
  const tables = await client.execute(`SELECT m.name FROM sqlite_master m WHERE m.type = 'table'
    AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = 'stored_name')
    AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = 'sha256') ORDER BY m.name`);
  const files: { name: string; table: string; sha256: string }[] = [];
  for (const { name: table } of tables.rows) {
    const rows = await client.execute(`SELECT stored_name, sha256 FROM "${String(table)}" ORDER BY stored_name`);
    for (const row of rows.rows) files.push({ name: path.basename(String(row.stored_name)), table: String(table), sha256: String(row.sha256) });
  }
  return files;
}

async function auditFacts(client: Client): Promise<{ auditRows: number; auditTip: string | null }> {
  const result = await client.execute('SELECT count(*) AS n, (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1) AS tip FROM audit_log');
  return { auditRows: Number(result.rows[0]?.n ?? 0), auditTip: (result.rows[0]?.tip as string | null) ?? null };
}

/**
 * Backs up the live database and the stored files it refers to into a new directory `target`.
 * A file the snapshot names that is gone or differs from its recorded checksum stops the
 * backup (nothing is left under `target`).
 */
export async function backupDatabase(ctx: ServiceContext, target: string): Promise<{ dir: string; databaseBytes: number; files: number; fileBytes: number }> {
  if (ctx.config.databaseSync) throw badRequest(REPLICA_REFUSED);
  const dir = path.resolve(target);
  if (fs.existsSync(dir)) throw badRequest(`备份已存在：${dir}`);
  const partial = `${dir}.partial`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(path.join(partial, BACKUP_FILES), { recursive: true });
  try {
    const databaseCopy = path.join(partial, BACKUP_DATABASE);
    await ctx.database.client.execute({ sql: 'VACUUM INTO ?', args: [databaseCopy] });
    const copy = createClient({ url: `file:${databaseCopy}` });
    let files: Awaited<ReturnType<typeof storedFiles>>;
    let audit: Awaited<ReturnType<typeof auditFacts>>;
    try {
      files = await storedFiles(copy);
      audit = await auditFacts(copy);
    } finally {
      copy.close();
    }
    const store = attachmentDir(ctx);
    const listed: BackupManifest['files'] = [];
    let fileBytes = 0;
    for (const file of files) {
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(path.join(store, file.name));
      } catch {
        throw badRequest(`附件文件缺失：${file.name}（${file.table}）。若备份期间有附件被删除，请重试`);
      }
      const digest = sha256(bytes);
      if (digest !== file.sha256) throw badRequest(`附件文件与数据库记录的校验值不符：${file.name}（${file.table}）`);
      fs.writeFileSync(path.join(partial, BACKUP_FILES, file.name), bytes);
      listed.push({ name: file.name, table: file.table, bytes: bytes.length, sha256: digest });
      fileBytes += bytes.length;
    }
    const databaseBytes = fs.statSync(databaseCopy).size;
    const manifest: BackupManifest = {
      format: FORMAT,
      version: FORMAT_VERSION,
      createdAt: new Date(ctx.now()).toISOString(),
      database: { file: BACKUP_DATABASE, bytes: databaseBytes, sha256: sha256File(databaseCopy), ...audit },
      files: listed,
    };
    fs.writeFileSync(path.join(partial, BACKUP_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    fs.renameSync(partial, dir);
    return { dir, databaseBytes, files: listed.length, fileBytes };
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}

/** How many migrations a database has had applied (drizzle writes one row per migration it applies). */
export async function migrationCount(client: Client): Promise<number> {
  const result = await client.execute('SELECT count(*) AS n FROM __drizzle_migrations');
  return Number(result.rows[0]?.n ?? 0);
}

/**
 * Checks a database file before it replaces anything: a sound SQLite file that holds a Shenfa
 * database. Answers how many migrations it holds.
 */
async function checkDatabase(file: string): Promise<number> {
  const client = createClient({ url: `file:${file}` });
  try {
    const integrity = await client.execute('PRAGMA integrity_check');
    if (String(integrity.rows[0]?.[0]) !== 'ok') throw badRequest(`备份文件已损坏：${file}`);
    const migrations = await migrationCount(client);
    await client.execute('SELECT count(*) FROM audit_log');
    return migrations;
  } catch (error) {
    throw error instanceof Error && error.name === 'ShenfaError' ? error : badRequest(`不是审发的数据库备份：${file}`);
  } finally {
    client.close();
  }
}

/** Reads and checks a backup directory: the manifest, and every byte against it. */
function checkBackupDirectory(dir: string): BackupManifest {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dir, BACKUP_MANIFEST), 'utf8')) as BackupManifest;
  } catch {
    throw badRequest(`不是审发的备份目录（缺少或无法读取 ${BACKUP_MANIFEST}）：${dir}`);
  }
  if (manifest.format !== FORMAT || manifest.version !== FORMAT_VERSION || !Array.isArray(manifest.files)) throw badRequest(`不是审发的备份目录（清单格式不符）：${dir}`);
  const databaseCopy = path.join(dir, BACKUP_DATABASE);
  if (!fs.existsSync(databaseCopy) || sha256File(databaseCopy) !== manifest.database.sha256) throw badRequest(`备份已损坏：数据库文件与清单不符（${databaseCopy}）`);
  for (const file of manifest.files) {
    const at = path.join(dir, BACKUP_FILES, path.basename(file.name));
    if (!fs.existsSync(at) || sha256File(at) !== file.sha256) throw badRequest(`备份已损坏：附件 ${file.name} 缺失或与清单不符`);
  }
  return manifest;
}

/** Replaces the database file with `from`: copied under a temporary name, renamed over it (atomic), old WAL dropped. */
function replaceDatabaseFile(from: string, file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.restoring`;
  fs.copyFileSync(from, temporary);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
  fs.renameSync(temporary, file);
}

/** Puts the backup's stored files in the file store, each copied under a temporary name and renamed into place. */
function putFiles(dir: string, manifest: BackupManifest, store: string): number {
  fs.mkdirSync(store, { recursive: true });
  for (const { name } of manifest.files) {
    const at = path.join(store, path.basename(name));
    const source = path.join(dir, BACKUP_FILES, path.basename(name));
    if (fs.existsSync(at) && sha256File(at) === sha256File(source)) continue;
    fs.copyFileSync(source, `${at}.restoring`);
    fs.renameSync(`${at}.restoring`, at);
  }
  return manifest.files.length;
}

/**
 * Files in the store that the backup does not hold (uploaded after it) are moved into a side
 * directory rather than deleted: the store then equals the backup and nothing is destroyed.
 */
function setAsideOthers(manifest: BackupManifest, store: string, stamp: string): { setAside: number; setAsideDir: string | null } {
  const wanted = new Set(manifest.files.map((f) => path.basename(f.name)));
  const extra = fs.readdirSync(store).filter((name) => !wanted.has(name));
  if (!extra.length) return { setAside: 0, setAsideDir: null };
  const aside = path.join(path.dirname(store), `attachments-not-in-backup-${stamp}`);
  fs.mkdirSync(aside, { recursive: true });
  for (const name of extra) fs.renameSync(path.join(store, name), path.join(aside, name));
  return { setAside: extra.length, setAsideDir: aside };
}

export interface RestoreResult {
  file: string;
  /** Null for a database-only backup (a single file, as made before backups held the stored files). */
  files: { restored: number; setAside: number; setAsideDir: string | null } | null;
  /**
   * Migrations the backup's database had applied. Opening the restored database migrates it to
   * this build; comparing the count after with this one tells whether that upgraded an older backup.
   */
  migrations: number;
}

/**
 * Puts a backup in place. The server must be stopped. A backup directory is checked whole
 * against its manifest (database and every file, by SHA-256) before anything is touched; then
 * the stored files are put back, the database file replaces the live one, and files not in the
 * backup are moved aside. A single
 * database file (an older backup) restores the database alone.
 */
export async function restoreDatabase(ctx: Pick<ServiceContext['config'], 'databaseUrl' | 'dataDir' | 'databaseSync'>, source: string, now = Date.now()): Promise<RestoreResult> {
  if (ctx.databaseSync) throw badRequest(REPLICA_REFUSED);
  const from = path.resolve(source);
  const file = databaseFile(ctx.databaseUrl);
  if (!fs.existsSync(from)) throw badRequest(`备份不存在：${from}`);
  if (!fs.statSync(from).isDirectory()) {
    const migrations = await checkDatabase(from);
    replaceDatabaseFile(from, file);
    return { file, files: null, migrations };
  }
  const manifest = checkBackupDirectory(from);
  const migrations = await checkDatabase(path.join(from, BACKUP_DATABASE));
  // Files first (adding only), then the database, then the others aside: a failure at any step
  // leaves a database whose files are all in the store.
  const store = path.join(ctx.dataDir, 'attachments');
  const restored = putFiles(from, manifest, store);
  replaceDatabaseFile(path.join(from, BACKUP_DATABASE), file);
  const aside = setAsideOthers(manifest, store, new Date(now).toISOString().replace(/[:.]/g, '-'));
  return { file, files: { restored, ...aside }, migrations };
}
