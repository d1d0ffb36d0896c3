/**
 * The audit log's fork guard since migration 20261125061749_audit_log_linear_chain: a row must
 * name the last row's hash (a trigger reading the table's last page), instead of a unique index
 * on prev_hash, and seq is the plain rowid (no AUTOINCREMENT). The migration keeps every row;
 * the guard refuses a fork; a writer whose known tip went stale (a second process) is refused
 * and retries on the new tip.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { afterEach, describe, expect, it } from 'vitest';
import * as schema from '../../server/db/schema/index';
import { migrateDatabase, type Database } from '../../server/db/client';
import { auditHash, GENESIS_HASH } from '../../server/services/audit-chain';
import { commitChange } from '../../server/services/commit';
import { verifyAuditChain } from '../../server/services/audit-verify-service';
import type { ServiceContext } from '../../server/services/service-context';

const DIR = path.resolve('server/db/migrations');
const MINE = '20261125061749_audit_log_linear_chain';

const statements = (tag: string) => fs.readFileSync(path.join(DIR, `${tag}.sql`), 'utf8').split('--> statement-breakpoint').map((s) => s.trim()).filter(Boolean);
const tempFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shenfa-audit-guard-')), 'db.sqlite');

const opened: Client[] = [];
afterEach(() => {
  for (const c of opened.splice(0)) c.close();
});
function open(file: string): Client {
  const client = createClient({ url: `file:${file}` });
  opened.push(client);
  return client;
}

/** Appends one row chained onto `prev` with raw SQL; returns its hash. */
async function append(client: Client, prev: string, action: string): Promise<string> {
  const content = { at: 1_764_000_000_000, actorId: null, documentId: null, action, fromState: null, toState: null, detail: null };
  const hash = auditHash(prev, content);
  await client.execute({ sql: 'INSERT INTO audit_log (at, actor_id, document_id, action, from_state, to_state, detail, prev_hash, hash) VALUES (?, NULL, NULL, ?, NULL, NULL, NULL, ?, ?)', args: [content.at, action, prev, hash] });
  return hash;
}

const count = async (client: Client) => Number((await client.execute('SELECT count(*) AS n FROM audit_log')).rows[0]!.n);

describe('the audit log chain guard', () => {
  it('migrates every row as it was and then refuses a row that does not name the last hash', async () => {
    const client = open(tempFile());
    const journal = JSON.parse(fs.readFileSync(path.join(DIR, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    const tags = journal.entries.map((e) => e.tag);
    for (const tag of tags.slice(0, tags.indexOf(MINE))) for (const sql of statements(tag)) await client.execute(sql);
    // Three rows on the old table (AUTOINCREMENT, unique prev_hash).
    const hashes = [GENESIS_HASH];
    for (const action of ['a', 'b', 'c']) hashes.push(await append(client, hashes.at(-1)!, action));
    const before = (await client.execute('SELECT * FROM audit_log ORDER BY seq')).rows.map((r) => ({ ...r }));
    expect((await client.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'")).rows).toHaveLength(1);

    for (const sql of statements(MINE)) await client.execute(sql);
    expect((await client.execute('SELECT * FROM audit_log ORDER BY seq')).rows.map((r) => ({ ...r }))).toEqual(before);
    const indexes = (await client.execute("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'audit_log' ORDER BY name")).rows.map((r) => r.name);
    expect(indexes).toEqual(['audit_action', 'audit_actor', 'audit_document']);

    // A fork: a row chained onto the second row while a third follows it.
    await expect(append(client, hashes[2]!, 'fork')).rejects.toThrow(/SHENFA_AUDIT_CHAIN_FORK/);
    // A second genesis, and a row naming no real hash.
    await expect(append(client, GENESIS_HASH, 'genesis')).rejects.toThrow(/SHENFA_AUDIT_CHAIN_FORK/);
    await expect(append(client, 'not-a-hash', 'stray')).rejects.toThrow(/SHENFA_AUDIT_CHAIN_FORK/);
    expect(await count(client)).toBe(3);
    // On the tip it goes in, numbered after the last row, and sqlite_sequence no longer keeps a number.
    await append(client, hashes[3]!, 'd');
    expect((await client.execute("SELECT seq FROM audit_log WHERE action = 'd'")).rows[0]!.seq).toBe(4);
    expect((await client.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'")).rows).toHaveLength(0);
    // Still append-only.
    await expect(client.execute("UPDATE audit_log SET action = 'x' WHERE seq = 1")).rejects.toThrow(/SHENFA_AUDIT_APPEND_ONLY/);
    await expect(client.execute('DELETE FROM audit_log WHERE seq = 4')).rejects.toThrow(/SHENFA_AUDIT_APPEND_ONLY/);
  });

  it('a writer whose known tip is stale is refused by the guard and appends on the new tip', async () => {
    const file = tempFile();
    // Two handles on one file, each a remote-style client (one batch per change, commit.ts), as two processes would be.
    const databases: Database[] = [open(file), open(file)].map((client) => ({ client, db: drizzle(client, { schema }), close: () => client.close() }));
    await migrateDatabase(databases[0]!);
    const [first, second] = databases.map((database) => ({ database }) as unknown as ServiceContext);
    const entry = (writer: string, i: number) => [{ at: 1_764_000_000_000 + i, actorId: null, action: 'test.append', detail: { writer, i } }];
    await commitChange(first!, [], entry('first', 0));
    // The second handle appends behind the first one's back: the first one's remembered tip is now stale.
    await commitChange(second!, [], entry('second', 1));
    await commitChange(first!, [], entry('first', 2));
    const chain = await verifyAuditChain(first!);
    expect(chain).toEqual({ rows: 3, broken: null });
    const writers = (await databases[0]!.client.execute('SELECT detail FROM audit_log ORDER BY seq')).rows.map((r) => JSON.parse(String(r.detail)).writer);
    expect(writers).toEqual(['first', 'second', 'first']);
  });
});
