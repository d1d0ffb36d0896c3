/**
 * `npm run shenfa -- backup DIR` copies the live database and the stored files it refers to
 * while drafts with attachments are being written and approved: the copy is one consistent
 * snapshot (every document in it whole, its audit chain an unbroken prefix of the live one)
 * and holds exactly the files its rows name, each equal to the live file and to the checksum
 * recorded at upload. `restore DIR` brings both back: the restored data equals the source at
 * the backup point table by table, the file store equals the backup file by file, and files
 * uploaded after the backup are set aside, not deleted. A damaged backup is refused before
 * anything is touched; a database-only backup (a single file) still restores. A backup made by
 * a build some migrations behind is upgraded, and the restore says how many it applied.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { runCli } from '../support/run-cli';
import { ALL_CHECKS, signInAll, type Clients } from '../support/review-driver';
import { categoryId, draftInput } from '../support/draft-input';

let server: TestServer;
let clients: Clients;
let notice: string;
let databaseUrl: string;
/** Outlives server restarts (a fresh test server's directory is removed when it closes). */
let dataDir: string;

const cli = (...args: string[]) => runCli(databaseUrl, args, { env: { SHENFA_DATA_DIR: dataDir } });
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Table → SHA-256 of its rows, serialised and sorted: equal maps, equal data. A mismatch names
 * the tables that differ (a migration added to the working tree between a backup and a restore,
 * which the restoring CLI then applies, shows as `__drizzle_migrations` and its new tables).
 */
async function checksum(client: Client): Promise<Record<string, string>> {
  const tables = await client.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  const digests: Record<string, string> = {};
  for (const { name } of tables.rows) {
    const rows = await client.execute(`SELECT * FROM "${String(name)}"`);
    digests[String(name)] = createHash('sha256').update(rows.rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v instanceof ArrayBuffer ? Buffer.from(v).toString('hex') : v))).sort().join('\n')).digest('hex');
  }
  return digests;
}

/** `checksum` of the database at `url`, through a connection of its own that is closed after. */
async function checksumAt(url: string): Promise<Record<string, string>> {
  const client = createClient({ url });
  try {
    return await checksum(client);
  } finally {
    client.close();
  }
}

/** name → SHA-256 of every file in a directory. */
function filesIn(dir: string): Record<string, string> {
  if (!fs.existsSync(dir)) return {};
  return Object.fromEntries(fs.readdirSync(dir).sort().map((name) => [name, sha256(fs.readFileSync(path.join(dir, name)))]));
}

/** stored name → recorded SHA-256 of every stored file a database names. */
async function referencedFiles(client: Client): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const table of ['attachments', 'form_files', 'channel_proofs']) {
    for (const row of (await client.execute(`SELECT stored_name, sha256 FROM ${table}`)).rows) files[String(row.stored_name)] = String(row.sha256);
  }
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
}

function pdf(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`%PDF-1.4\n% ${text}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
}

async function upload(documentId: string, name: string, bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const form = new FormData();
  form.set('file', new File([bytes], name));
  const response = await clients.drafter!.fetch(`/api/documents/${documentId}/attachments`, { method: 'POST', body: form });
  const body = (await response.json()) as { id: string };
  if (response.status !== 201) throw new Error(`upload: HTTP ${response.status} ${JSON.stringify(body)}`);
  return body.id;
}

/** Drafts a document with an attachment, submits it and approves its first step, until told to stop. */
async function writeLoop(writer: number, running: () => boolean): Promise<number> {
  let done = 0;
  while (running()) {
    const created = await clients.drafter!.trpc.documents.create.mutate(draftInput(notice, { title: `备份期间写入${writer}-${done}` }));
    await upload(created.id, `测算表${writer}-${done}.pdf`, pdf(`writer ${writer} document ${done} ${crypto.randomUUID()}`));
    const draft = await clients.drafter!.trpc.documents.get.query({ id: created.id });
    await clients.drafter!.trpc.review.submit.mutate({ documentId: created.id, expectedVersion: draft.version });
    const doc = await clients.legal!.trpc.documents.get.query({ id: created.id });
    await clients.legal!.trpc.review.approve.mutate({ documentId: created.id, expectedVersion: doc.version, taskId: doc.openTask!.id, opinion: '同意', checks: ALL_CHECKS });
    done++;
  }
  return done;
}

async function restartServer(): Promise<void> {
  server = await startTestServer({ dir: dataDir });
  clients = await signInAll(server.url, ['drafter', 'legal']);
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shenfa-backup-'));
  databaseUrl = `file:${path.join(dataDir, 'shenfa.db')}`;
  server = await startTestServer({ dir: dataDir });
  clients = await signInAll(server.url, ['drafter', 'legal']);
  notice = await categoryId(clients.drafter!, 'notice');
});
afterAll(async () => {
  await server?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('backs up a consistent snapshot with its attachments while documents with attachments are being written, and restores it elsewhere whole', async () => {
    let running = true;
    const writers = [writeLoop(1, () => running), writeLoop(2, () => running)];
    await new Promise((r) => setTimeout(r, 1500));
    const backup = path.join(dataDir, 'backups', 'under-load');
    const result = await cli('backup', backup);
    // The writers go on a little after the backup: the live store moves past the copy.
    await new Promise((r) => setTimeout(r, 300));
    running = false;
    const written = (await Promise.all(writers)).reduce((a, b) => a + b, 0);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain('备份完成');
    expect(fs.readdirSync(backup).sort()).toEqual(['files', 'manifest.json', 'shenfa.db']);

    const copy = createClient({ url: `file:${path.join(backup, 'shenfa.db')}` });
    let copiedFiles: Record<string, string>;
    try {
      expect(String((await copy.execute('PRAGMA integrity_check')).rows[0]![0])).toBe('ok');
      // Every document in the copy is whole: version, review records and audit rows agree.
      const docs = await copy.execute(`SELECT d.id, d.version, (SELECT count(*) FROM review_records r WHERE r.document_id = d.id) AS records,
        (SELECT count(*) FROM audit_log a WHERE a.document_id = d.id AND a.action LIKE 'review.%') AS audited FROM documents d`);
      for (const d of docs.rows) expect(Number(d.audited)).toBe(Number(d.records));
      // Its audit chain is a prefix of the live one: the copy is the live database at one moment.
      const copied = await copy.execute('SELECT seq, hash FROM audit_log ORDER BY seq');
      const live = await server.services.database.client.execute({ sql: 'SELECT seq, hash FROM audit_log WHERE seq <= ? ORDER BY seq', args: [Number(copied.rows.at(-1)!.seq)] });
      expect(copied.rows.map((r) => r.hash)).toEqual(live.rows.map((r) => r.hash));
      // It holds exactly the files its rows name, each as recorded at upload and as on the live disk.
      copiedFiles = await referencedFiles(copy);
      expect(Object.keys(copiedFiles).length).toBeGreaterThan(0);
      expect(filesIn(path.join(backup, 'files'))).toEqual(copiedFiles);
      const liveStore = path.join(dataDir, 'attachments');
      for (const name of Object.keys(copiedFiles)) expect(sha256(fs.readFileSync(path.join(liveStore, name)))).toBe(copiedFiles[name]);
      const liveFiles = await referencedFiles(server.services.database.client);
      expect(Object.keys(liveFiles).length).toBeGreaterThan(Object.keys(copiedFiles).length);
      const manifest = JSON.parse(fs.readFileSync(path.join(backup, 'manifest.json'), 'utf8'));
      expect(manifest.database.auditTip).toBe(copied.rows.at(-1)!.hash);
      expect(Object.fromEntries(manifest.files.map((f: { name: string; sha256: string }) => [f.name, f.sha256]))).toEqual(copiedFiles);
      console.log(`backup-restore: backup taken while ${written} documents were drafted with an attachment, submitted and approved; ${docs.rows.length} documents, ${copied.rows.length} audit rows and ${Object.keys(copiedFiles).length} of the ${Object.keys(liveFiles).length} files the live database names by the end`);
    } finally {
      copy.close();
    }

    // Restored on another machine (an empty data directory): the database is the backup's, the file store holds exactly its files.
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'shenfa-restored-'));
    try {
      const restored = await runCli(`file:${path.join(elsewhere, 'shenfa.db')}`, ['restore', backup], { env: { SHENFA_DATA_DIR: elsewhere } });
      expect(restored.code, restored.output).toBe(0);
      expect(restored.output).toMatch(/哈希链校验通过/);
      expect(restored.output).toContain(`附件已恢复 ${Object.keys(copiedFiles).length} 个`);
      const client = createClient({ url: `file:${path.join(elsewhere, 'shenfa.db')}` });
      try {
        expect(await checksum(client)).toEqual(await checksumAt(`file:${path.join(backup, 'shenfa.db')}`));
      } finally {
        client.close();
      }
      expect(filesIn(path.join(elsewhere, 'attachments'))).toEqual(copiedFiles);
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }

    // An existing backup is never overwritten.
    const again = await cli('backup', backup);
    expect(again.code).toBe(1);
    expect(again.output).toContain('备份已存在');
  }, 180_000);

  it('restores a backup in place: data and files equal the source at the backup point; later uploads are set aside', async () => {
    const backup = path.join(dataDir, 'backups', 'point');
    expect((await cli('backup', backup)).code).toBe(0);
    const atBackup = await checksumAt(`file:${path.join(backup, 'shenfa.db')}`);
    const store = path.join(dataDir, 'attachments');
    const filesAtBackup = filesIn(store);
    // The live database and file store at that point (nothing written in between) are what the backup holds.
    expect(await checksum(server.services.database.client)).toEqual(atBackup);
    expect(filesIn(path.join(backup, 'files'))).toEqual(filesAtBackup);
    const [kept] = Object.keys(filesAtBackup);
    const keptBytes = fs.readFileSync(path.join(store, kept!));
    const [keptRow] = (await server.services.database.client.execute({ sql: 'SELECT id, document_id FROM attachments WHERE stored_name = ?', args: [kept!] })).rows;

    // Life goes on after the backup: a new document with its own attachment…
    const later = await clients.drafter!.trpc.documents.create.mutate(draftInput(notice, { title: '备份之后写入' }));
    const laterAttachment = await upload(later.id, '备份之后.pdf', pdf('after the backup'));
    expect(await checksum(server.services.database.client)).not.toEqual(atBackup);
    // …then the server stops, the database file is damaged and a stored file lost; the backup is restored.
    await server.close();
    fs.writeFileSync(path.join(dataDir, 'shenfa.db'), 'stale bytes the restore must replace');
    fs.rmSync(path.join(store, kept!));
    const restored = await cli('restore', backup);
    expect(restored.code, restored.output).toBe(0);
    expect(restored.output).toMatch(/哈希链校验通过/);
    expect(restored.output).toContain('备份之后上传的 1 个文件已移至');
    // A backup of this build's schema needs no upgrade, and the restore says nothing about one.
    expect(restored.output).not.toContain('已升级数据库结构');
    const client = createClient({ url: databaseUrl });
    try {
      expect(await checksum(client)).toEqual(atBackup);
      expect((await client.execute("SELECT count(*) AS n FROM documents WHERE title = '备份之后写入'")).rows[0]!.n).toBe(0);
    } finally {
      client.close();
    }
    expect(filesIn(store)).toEqual(filesAtBackup);
    const aside = fs.readdirSync(dataDir).filter((name) => name.startsWith('attachments-not-in-backup-'));
    expect(aside).toHaveLength(1);
    expect(fs.readdirSync(path.join(dataDir, aside[0]!))).toEqual([`${laterAttachment}.bin`]);

    // The restarted server serves the lost file again, byte for byte.
    await restartServer();
    const download = await clients.drafter!.fetch(`/api/attachments/${String(keptRow!.id)}`);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(keptBytes)).toBe(true);
  }, 180_000);

  it('refuses a damaged backup before touching anything, and still restores a database-only backup', async () => {
    const backup = path.join(dataDir, 'backups', 'to-damage');
    expect((await cli('backup', backup)).code).toBe(0);
    const damaged = path.join(dataDir, 'backups', 'damaged');
    fs.cpSync(backup, damaged, { recursive: true });
    const [victim] = fs.readdirSync(path.join(damaged, 'files'));
    fs.appendFileSync(path.join(damaged, 'files', victim!), 'tampered');
    await clients.drafter!.trpc.documents.create.mutate(draftInput(notice, { title: '损坏备份之前写入' }));
    await server.close();
    const before = await checksumAt(databaseUrl);
    const filesBefore = filesIn(path.join(dataDir, 'attachments'));
    const refused = await cli('restore', damaged);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(`备份已损坏：附件 ${victim} 缺失或与清单不符`);
    expect(await checksumAt(databaseUrl)).toEqual(before);
    expect(filesIn(path.join(dataDir, 'attachments'))).toEqual(filesBefore);

    // A directory without a manifest, and a file that is not a database, are refused too.
    fs.mkdirSync(path.join(dataDir, 'not-a-backup'));
    expect((await cli('restore', path.join(dataDir, 'not-a-backup'))).output).toContain('不是审发的备份目录');
    fs.writeFileSync(path.join(dataDir, 'junk.db'), 'not a database');
    expect((await cli('restore', path.join(dataDir, 'junk.db'))).code).toBe(1);

    // A single database file (how backups were made before they held the files) restores the database alone.
    const single = path.join(dataDir, 'single.db');
    fs.copyFileSync(path.join(backup, 'shenfa.db'), single);
    const old = await cli('restore', single);
    expect(old.code, old.output).toBe(0);
    expect(old.output).toContain('只含数据库的旧式备份');
    expect(await checksumAt(databaseUrl)).toEqual(await checksumAt(`file:${path.join(backup, 'shenfa.db')}`));
    await restartServer();
  }, 180_000);

  it('upgrades a backup taken before the last migrations of this build, and says how many it applied', async () => {
    // The database of a build two migrations behind this one: the shipped migrations but the last two.
    const shipped = path.resolve('server/db/migrations');
    const older = path.join(dataDir, 'older-migrations');
    fs.cpSync(shipped, older, { recursive: true });
    const journal = JSON.parse(fs.readFileSync(path.join(older, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
    const behind = 2;
    journal.entries = journal.entries.slice(0, -behind);
    fs.writeFileSync(path.join(older, 'meta', '_journal.json'), JSON.stringify(journal));
    const backup = path.join(dataDir, 'backups', 'older-build');
    fs.mkdirSync(path.join(backup, 'files'), { recursive: true });
    const database = path.join(backup, 'shenfa.db');
    const oldClient = createClient({ url: `file:${database}` });
    try {
      await migrate(drizzle(oldClient), { migrationsFolder: older });
      expect((await oldClient.execute('SELECT count(*) AS n FROM __drizzle_migrations')).rows[0]!.n).toBe(journal.entries.length);
    } finally {
      oldClient.close();
    }
    const bytes = fs.readFileSync(database);
    const manifest = { format: 'shenfa-backup', version: 1, createdAt: new Date().toISOString(), database: { file: 'shenfa.db', bytes: bytes.length, sha256: sha256(bytes), auditRows: 0, auditTip: null }, files: [] };
    fs.writeFileSync(path.join(backup, 'manifest.json'), JSON.stringify(manifest));

    await server.close();
    const restored = await cli('restore', backup);
    expect(restored.code, restored.output).toBe(0);
    expect(restored.output).toContain(`备份来自较早版本，已升级数据库结构（应用了 ${behind} 个迁移）。`);
    expect(restored.output).toMatch(/哈希链校验通过/);
    const client = createClient({ url: databaseUrl });
    try {
      const all = (JSON.parse(fs.readFileSync(path.join(shipped, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length;
      expect((await client.execute('SELECT count(*) AS n FROM __drizzle_migrations')).rows[0]!.n).toBe(all);
    } finally {
      client.close();
    }
    // Restoring it again finds it current: no upgrade to report.
    const again = await cli('restore', path.join(dataDir, 'backups', 'to-damage'));
    expect(again.code, again.output).toBe(0);
    expect(again.output).not.toContain('已升级数据库结构');
    await restartServer();
  }, 180_000);
});
