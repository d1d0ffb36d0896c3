/**
 * Crash test: the real server (server/main.ts) in a child process takes concurrent
 * approvals over HTTP and is killed with SIGKILL at random moments, then restarted on the
 * same database file. Afterwards:
 *   - every approval the client saw acknowledged (HTTP 200) is in the database;
 *   - no document is half-applied: its version, snapshot, current step, tasks, review
 *     records and audit rows all tell the same story;
 *   - the audit hash chain verifies and SQLite's integrity check passes.
 * The counts are printed (and recorded in docs/reliability.md).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config';
import { createServices } from '../../server/bootstrap';
import { verifyAuditChain } from '../../server/services/audit-verify-service';
import type { ServiceContext } from '../../server/services/service-context';
import { HttpCaller, startServerProcess, type ServerProcess } from '../support/server-process';
import { ACTOR_FOR_STEP, ALL_CHECKS } from '../support/review-driver';
import { draftInput } from '../support/draft-input';

const KILLS = Number(process.env.SHENFA_CRASH_KILLS ?? 5);
const DOCUMENTS = 36;
const WORKERS = 6;
const USERS = ['drafter', 'legal', 'secrecy', 'leader', 'publisher'] as const;

let dir: string;
let dbFile: string;
let server: ServerProcess;
const callers = {} as Record<(typeof USERS)[number], HttpCaller>;

interface Ack {
  documentId: string;
  step: string;
  version: number;
}
const acknowledged: Ack[] = [];
const stats = { attempts: 0, connectionErrors: 0, conflicts: 0, otherRefusals: 0, kills: 0, restarts: 0 };
const docIds: string[] = [];
const finished = new Set<string>();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function pointAllAt(url: string) {
  for (const c of Object.values(callers)) c.baseUrl = url;
}

/** One step of one document as the user the step belongs to; records what the server acknowledged. */
async function actOnce(documentId: string): Promise<void> {
  const probe = await callers.drafter.query<{ currentStep: { id: string }; status: string }>('documents.get', { id: documentId });
  const doc = probe.body.result?.data;
  if (!doc) return;
  if (!['in_review', 'awaiting_publication'].includes(doc.status)) {
    finished.add(documentId);
    return;
  }
  const step = doc.currentStep.id;
  const actor = callers[ACTOR_FOR_STEP[step] as keyof typeof callers];
  if (!actor) throw new Error(`no actor for ${step}`);
  const seen = await actor.query<{ version: number; openTask: { id: string } | null }>('documents.get', { id: documentId });
  const view = seen.body.result?.data;
  if (!view?.openTask) return;
  const target = { documentId, expectedVersion: view.version, taskId: view.openTask.id };
  stats.attempts++;
  const answer =
    step === 'publication'
      ? await actor.mutate<{ version: number }>('publication.publish', target)
      : await actor.mutate<{ version: number }>('review.approve', { ...target, opinion: '同意', checks: ALL_CHECKS });
  if (answer.status === 200) acknowledged.push({ documentId, step, version: answer.body.result!.data.version });
  else if (answer.body.error?.data?.code === 'CONFLICT') stats.conflicts++;
  else stats.otherRefusals++;
}

async function worker(running: () => boolean): Promise<void> {
  while (running()) {
    const open = docIds.filter((id) => !finished.has(id));
    if (open.length === 0) return;
    const id = open[Math.floor(Math.random() * open.length)]!;
    try {
      await actOnce(id);
    } catch {
      // The server is down (killed) or the connection broke mid-request: the outcome of that call is unknown.
      stats.connectionErrors++;
      await sleep(200);
    }
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shenfa-crash-'));
  dbFile = path.join(dir, 'shenfa.db');
  server = await startServerProcess(dbFile);
  for (const u of USERS) {
    callers[u] = new HttpCaller(server.url);
    await callers[u].login(u);
  }
  const categories = await callers.drafter.query<{ id: string; code: string }[]>('documents.categories');
  const notice = categories.body.result!.data.find((c) => c.code === 'notice')!.id;
  for (let i = 0; i < DOCUMENTS; i++) {
    const created = await callers.drafter.mutate<{ id: string; version: number }>('documents.create', draftInput(notice, { title: `崩溃恢复测试文件${i + 1}` }));
    const { id, version } = created.body.result!.data;
    const submitted = await callers.drafter.mutate('review.submit', { documentId: id, expectedVersion: version });
    if (submitted.status !== 200) throw new Error(`submit failed: ${JSON.stringify(submitted.body)}`);
    docIds.push(id);
  }
}, 120_000);

afterAll(async () => {
  await server?.stop().catch(() => undefined);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('kill -9 under concurrent approvals', () => {
  let services: ServiceContext;

  it(`survives ${KILLS} SIGKILLs at random moments and loses no acknowledged approval`, async () => {
    let running = true;
    const workers = Array.from({ length: WORKERS }, () => worker(() => running));
    for (let k = 0; k < KILLS; k++) {
      // A random moment within a window of load: mid-request, mid-batch, between calls.
      await sleep(700 + Math.random() * 1800);
      await server.kill9();
      stats.kills++;
      server = await startServerProcess(dbFile);
      stats.restarts++;
      pointAllAt(server.url);
    }
    await sleep(1500);
    running = false;
    await Promise.all(workers);
    await server.stop();

    services = await createServices(readConfig({ DATABASE_URL: `file:${dbFile}`, SHENFA_DATA_DIR: dir }));
    const { client } = services.database;
    const check = await client.execute('PRAGMA integrity_check');
    expect(String(check.rows[0]![0])).toBe('ok');

    // Every acknowledged approval is there.
    const lost: Ack[] = [];
    for (const ack of acknowledged) {
      const r = await client.execute({ sql: "SELECT count(*) AS n FROM review_records WHERE document_id = ? AND step = ? AND decision IN ('approve', 'publish')", args: [ack.documentId, ack.step] });
      const d = await client.execute({ sql: 'SELECT version FROM documents WHERE id = ?', args: [ack.documentId] });
      if (Number(r.rows[0]!.n) !== 1 || Number(d.rows[0]!.version) < ack.version) lost.push(ack);
    }
    expect(lost, 'acknowledged approvals missing after the crashes').toEqual([]);

    // No document half-applied: version, snapshot, step, tasks, records and audit agree.
    const inconsistent: string[] = [];
    let applied = 0;
    for (const id of docIds) {
      const [doc] = (await client.execute({ sql: 'SELECT version, status, current_step, snapshot FROM documents WHERE id = ?', args: [id] })).rows;
      const records = (await client.execute({ sql: 'SELECT decision, step FROM review_records WHERE document_id = ?', args: [id] })).rows;
      const audit = (await client.execute({ sql: "SELECT action, to_state FROM audit_log WHERE document_id = ? AND action LIKE 'review.%' ORDER BY seq", args: [id] })).rows;
      const open = (await client.execute({ sql: "SELECT step FROM tasks WHERE document_id = ? AND status = 'open'", args: [id] })).rows;
      const done = (await client.execute({ sql: "SELECT count(*) AS n FROM tasks WHERE document_id = ? AND status = 'done'", args: [id] })).rows;
      const acted = records.filter((r) => r.decision === 'approve' || r.decision === 'publish').length;
      applied += acted;
      const snapshot = JSON.parse(String(doc!.snapshot)) as { value: string };
      const problems = [
        Number(doc!.version) !== 1 + records.length && `version ${doc!.version} but ${records.length} review records`,
        audit.length !== records.length && `${audit.length} review audit rows but ${records.length} records`,
        snapshot.value !== doc!.current_step && `snapshot at ${snapshot.value} but current_step ${doc!.current_step}`,
        audit.at(-1)?.to_state !== doc!.current_step && `last audit row ends at ${audit.at(-1)?.to_state}, document at ${doc!.current_step}`,
        Number(done[0]!.n) !== acted && `${done[0]!.n} done tasks but ${acted} approvals`,
        doc!.status === 'published' ? open.length !== 0 && `published with ${open.length} open tasks` : (open.length === 0 || open.some((t) => t.step !== doc!.current_step)) && `open tasks ${open.map((t) => t.step).join(',')} at step ${doc!.current_step}`,
      ].filter(Boolean);
      if (problems.length) inconsistent.push(`${id}: ${problems.join('; ')}`);
    }
    expect(inconsistent).toEqual([]);

    const chain = await verifyAuditChain(services);
    expect(chain.broken).toBeNull();

    const published = (await client.execute(`SELECT count(*) AS n FROM documents WHERE status = 'published' AND id IN (${docIds.map(() => '?').join(',')})`, docIds)).rows[0]!.n;
    console.log(
      `crash-recovery: ${stats.kills} SIGKILLs, ${stats.restarts} restarts; ${stats.attempts} approvals attempted, ${acknowledged.length} acknowledged — all ${acknowledged.length} present; ` +
        `${applied} applied in total (${applied - acknowledged.length} applied but unacknowledged when the connection died); ${stats.connectionErrors} connection errors, ${stats.conflicts} conflicts; ` +
        `${DOCUMENTS} documents consistent, ${published} published; audit chain of ${chain.rows} rows verifies; integrity_check ok`,
    );
    expect(stats.kills).toBe(KILLS);
    expect(acknowledged.length).toBeGreaterThan(0);
    services.database.close();
  }, 180_000);
});
