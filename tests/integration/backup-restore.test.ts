/**
 * `npm run shenfa -- backup FILE` copies the live database while approvals are being
 * written (the copy is one consistent snapshot: every document in it is whole and its
 * audit chain is an unbroken prefix of the live one); `restore FILE` brings a backup back,
 * and the restored data equals the source at the backup point, table by table.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { runCli } from '../support/run-cli';
import { ALL_CHECKS, signInAll, type Clients } from '../support/review-driver';
import { categoryId, draftInput } from '../support/draft-input';

let server: TestServer;
let clients: Clients;
let notice: string;
let databaseUrl: string;

const cli = (...args: string[]) => runCli(databaseUrl, args, { env: { SHENFA_DATA_DIR: server.dir } });

/** Every row of every table, serialised and sorted: equal checksums, equal data. */
async function checksum(client: Client): Promise<string> {
  const tables = await client.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  const hash = createHash('sha256');
  for (const { name } of tables.rows) {
    const rows = await client.execute(`SELECT * FROM "${String(name)}"`);
    hash.update(String(name)).update(rows.rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v instanceof ArrayBuffer ? Buffer.from(v).toString('hex') : v))).sort().join('\n'));
  }
  return hash.digest('hex');
}

async function approveLoop(running: () => boolean): Promise<number> {
  let done = 0;
  while (running()) {
    const created = await clients.drafter!.trpc.documents.create.mutate(draftInput(notice, { title: `备份期间写入${done}` }));
    await clients.drafter!.trpc.review.submit.mutate({ documentId: created.id, expectedVersion: created.version });
    const doc = await clients.legal!.trpc.documents.get.query({ id: created.id });
    await clients.legal!.trpc.review.approve.mutate({ documentId: created.id, expectedVersion: doc.version, taskId: doc.openTask!.id, opinion: '同意', checks: ALL_CHECKS });
    done++;
  }
  return done;
}

beforeAll(async () => {
  server = await startTestServer();
  databaseUrl = server.databaseUrl;
  clients = await signInAll(server.url, ['drafter', 'legal']);
  notice = await categoryId(clients.drafter!, 'notice');
});
afterAll(() => server?.close());

describe('backup and restore', () => {
  it('backs up a consistent snapshot while approvals are being written', async () => {
    let running = true;
    const writers = [approveLoop(() => running), approveLoop(() => running)];
    await new Promise((r) => setTimeout(r, 300));
    const file = path.join(server.dir, 'backups', 'under-load.db');
    const result = await cli('backup', file);
    running = false;
    const written = (await Promise.all(writers)).reduce((a, b) => a + b, 0);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain('备份完成');

    const copy = createClient({ url: `file:${file}` });
    try {
      expect(String((await copy.execute('PRAGMA integrity_check')).rows[0]![0])).toBe('ok');
      // Every document in the copy is whole: version, review records and audit rows agree.
      const docs = await copy.execute(`SELECT d.id, d.version, (SELECT count(*) FROM review_records r WHERE r.document_id = d.id) AS records,
        (SELECT count(*) FROM audit_log a WHERE a.document_id = d.id AND a.action LIKE 'review.%') AS audited FROM documents d`);
      for (const d of docs.rows) {
        expect(Number(d.audited)).toBe(Number(d.records));
        if (Number(d.records) > 0) expect(Number(d.version)).toBe(1 + Number(d.records));
      }
      // Its audit chain is a prefix of the live one: the copy is the live database at one moment.
      const copied = await copy.execute('SELECT seq, hash FROM audit_log ORDER BY seq');
      const live = await server.services.database.client.execute({ sql: 'SELECT seq, hash FROM audit_log WHERE seq <= ? ORDER BY seq', args: [Number(copied.rows.at(-1)!.seq)] });
      expect(copied.rows.map((r) => r.hash)).toEqual(live.rows.map((r) => r.hash));
      console.log(`backup-restore: backup taken while ${written} documents were drafted, submitted and approved; ${docs.rows.length} documents and ${copied.rows.length} audit rows in the copy, all whole`);
    } finally {
      copy.close();
    }
    // An existing file is never overwritten.
    const again = await cli('backup', file);
    expect(again.code).toBe(1);
    expect(again.output).toContain('备份文件已存在');
  }, 120_000);

  it('restores a backup: the data equals the source at the backup point, table by table', async () => {
    const file = path.join(server.dir, 'backups', 'point.db');
    expect((await cli('backup', file)).code).toBe(0);
    const atBackup = await checksum(createClient({ url: `file:${file}` }));
    // The live database at that point (nothing written in between) has the same content.
    expect(await checksum(server.services.database.client)).toBe(atBackup);
    // Life goes on after the backup…
    await clients.drafter!.trpc.documents.create.mutate(draftInput(notice, { title: '备份之后写入' }));
    expect(await checksum(server.services.database.client)).not.toBe(atBackup);
    // …then the server stops and the backup is restored.
    const dir = server.dir;
    const kept = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shenfa-backup-')), 'kept.db');
    fs.copyFileSync(file, kept);
    await server.close();
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(kept, path.join(dir, 'shenfa.db'));
    fs.writeFileSync(path.join(dir, 'shenfa.db'), 'stale bytes the restore must replace');
    const restored = await cli('restore', kept);
    expect(restored.code, restored.output).toBe(0);
    expect(restored.output).toMatch(/哈希链校验通过/);
    const client = createClient({ url: databaseUrl });
    try {
      expect(await checksum(client)).toBe(atBackup);
      expect((await client.execute("SELECT count(*) AS n FROM documents WHERE title = '备份之后写入'")).rows[0]!.n).toBe(0);
    } finally {
      client.close();
    }
    server = await startTestServer({ dir });
    // A file that is not a Shenfa backup is refused and the database left alone.
    fs.writeFileSync(path.join(dir, 'junk.db'), 'not a database');
    const junk = await cli('restore', path.join(dir, 'junk.db'));
    expect(junk.code).toBe(1);
  }, 120_000);
});
