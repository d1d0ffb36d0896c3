/**
 * Two real server processes on one database file, as when one machine runs several
 * workers: concurrent approvals through both lose no update (different documents), exactly
 * one of many simultaneous attempts on the same task is applied, and the reminder scans
 * both processes run at boot fire each reminder once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config';
import { createServices } from '../../server/bootstrap';
import { seedDemoBureau } from '../../server/seed/seed-demo';
import { verifyAuditChain } from '../../server/services/audit-verify-service';
import type { ServiceContext } from '../../server/services/service-context';
import { HttpCaller, startServerProcess, type ServerProcess } from '../support/server-process';
import { ALL_CHECKS } from '../support/review-driver';
import { draftInput } from '../support/draft-input';
import { TEST_PASSWORD } from '../support/test-server';

let dir: string;
let dbFile: string;
let a: ServerProcess;
let b: ServerProcess;
let services: ServiceContext;
const onA = {} as Record<'drafter' | 'legal' | 'secrecy', HttpCaller>;
const onB = {} as Record<'drafter' | 'legal' | 'secrecy', HttpCaller>;
let notice: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shenfa-two-'));
  dbFile = path.join(dir, 'shenfa.db');
  // Seeded here, so both processes boot (and run their first reminder scan) at the same time.
  const seeding = await createServices(readConfig({ DATABASE_URL: `file:${dbFile}`, SHENFA_DATA_DIR: dir }));
  await seedDemoBureau(seeding, TEST_PASSWORD);
  seeding.database.close();
  [a, b] = await Promise.all([startServerProcess(dbFile), startServerProcess(dbFile)]);
  for (const u of ['drafter', 'legal', 'secrecy'] as const) {
    onA[u] = new HttpCaller(a.url);
    await onA[u].login(u);
    // The same session through the other process: sessions live in the database.
    onB[u] = new HttpCaller(b.url);
    onB[u].cookie = onA[u].cookie;
  }
  const categories = await onA.drafter.query<{ id: string; code: string }[]>('documents.categories');
  notice = categories.body.result!.data.find((c) => c.code === 'notice')!.id;
  services = await createServices(readConfig({ DATABASE_URL: `file:${dbFile}`, SHENFA_DATA_DIR: dir }));
}, 120_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()].map((p) => p?.catch(() => undefined)));
  services?.database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function submitted(title: string): Promise<string> {
  const created = await onA.drafter.mutate<{ id: string; version: number }>('documents.create', draftInput(notice, { title }));
  if (!created.body.result) throw new Error(`create failed: ${JSON.stringify(created.body)}\n${a.output().slice(-3000)}`);
  const { id, version } = created.body.result.data;
  await onB.drafter.mutate('review.submit', { documentId: id, expectedVersion: version });
  return id;
}

async function target(caller: HttpCaller, documentId: string) {
  const doc = (await caller.query<{ version: number; openTask: { id: string } }>('documents.get', { id: documentId })).body.result!.data;
  return { documentId, expectedVersion: doc.version, taskId: doc.openTask.id };
}

describe('two server processes on one database file', () => {
  it('applies every concurrent approval on different documents, half through each process', async () => {
    const ids = await Promise.all(Array.from({ length: 16 }, (_, i) => submitted(`双进程测试文件${i + 1}`)));
    const targets = await Promise.all(ids.map((id) => target(onA.legal, id)));
    const answers = await Promise.all(targets.map((t, i) => (i % 2 ? onA : onB).legal.mutate('review.approve', { ...t, opinion: '同意', checks: ALL_CHECKS })));
    expect(answers.map((r) => r.status)).toEqual(ids.map(() => 200));
    const { client } = services.database;
    for (const id of ids) {
      const doc = (await client.execute({ sql: 'SELECT version, current_step FROM documents WHERE id = ?', args: [id] })).rows[0]!;
      expect(Number(doc.version)).toBe(3);
      expect(doc.current_step).toBe('secrecy_review');
      const approvals = (await client.execute({ sql: "SELECT count(*) AS n FROM review_records WHERE document_id = ? AND decision = 'approve'", args: [id] })).rows[0]!;
      expect(Number(approvals.n)).toBe(1);
    }
  }, 60_000);

  it('applies exactly one of 100 simultaneous approvals of the same task sent through both processes', async () => {
    const id = await submitted('双进程同一任务测试');
    const t = await target(onA.legal, id);
    await onA.legal.mutate('review.approve', { ...t, opinion: '同意', checks: ALL_CHECKS });
    const secrecyTask = await target(onA.secrecy, id);
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 ? onA : onB).secrecy.mutate('review.approve', { ...secrecyTask, opinion: `同意 ${i}`, checks: ALL_CHECKS })));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(answers.filter((r) => r.status !== 200).every((r) => r.body.error?.data?.code === 'CONFLICT')).toBe(true);
    const { client } = services.database;
    const records = (await client.execute({ sql: "SELECT count(*) AS n FROM review_records WHERE document_id = ? AND step = 'secrecy_review'", args: [id] })).rows[0]!;
    expect(Number(records.n)).toBe(1);
    const open = (await client.execute({ sql: "SELECT step FROM tasks WHERE document_id = ? AND status = 'open'", args: [id] })).rows;
    expect(open.map((r) => r.step)).toEqual(['leader_signoff']);
  }, 60_000);

  it('fired each reminder of the two boot-time scans once, and the audit chain is one unbroken chain', async () => {
    const { client } = services.database;
    const dupes = await client.execute('SELECT task_id, kind, count(*) AS n FROM reminders GROUP BY task_id, kind HAVING n > 1');
    expect(dupes.rows).toEqual([]);
    const fired = Number((await client.execute('SELECT count(*) AS n FROM reminders')).rows[0]!.n);
    const audited = Number((await client.execute("SELECT count(*) AS n FROM audit_log WHERE action LIKE 'reminder.%'")).rows[0]!.n);
    expect(audited).toBe(fired);
    const notified = await client.execute("SELECT user_id, document_id, kind, count(*) AS n FROM notifications WHERE kind IN ('task.due_soon', 'task.overdue') GROUP BY 1, 2, 3 HAVING n > 1");
    expect(notified.rows).toEqual([]);
    expect((await verifyAuditChain(services)).broken).toBeNull();
    console.log(`two-processes: ${fired} reminders fired once each across both processes' boot scans`);
  });
});
