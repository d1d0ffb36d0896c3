/**
 * When the disk refuses writes (here: the small file system under the database is filled
 * to the last byte, after the write-ahead log was truncated so that the next commit must
 * grow it — a real full disk, not a mock), every change is
 * answered with a clear 503 in Chinese and writes nothing; reading goes on; /readyz says
 * unhealthy so a load balancer stops sending work; once the disk takes writes again,
 * service resumes by itself, and nothing is corrupt (integrity check, audit chain).
 *
 * Needs root (to mount a small tmpfs); skipped elsewhere.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { failure, signedIn, type ApiClient } from '../support/api-client';
import { categoryId, draftInput } from '../support/draft-input';
import { verifyAuditChain } from '../../server/services/audit-verify-service';

const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'shenfa-ro-'));
function mount(...args: string[]): boolean {
  try {
    execFileSync('mount', args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const canMount = process.getuid?.() === 0 && mount('-t', 'tmpfs', '-o', 'size=32m', 'tmpfs', mountPoint);
const filler = path.join(mountPoint, 'filler.bin');

/** Writes until the file system says ENOSPC. */
function fillDisk(): number {
  const fd = fs.openSync(filler, 'w');
  const chunk = Buffer.alloc(256 * 1024, 1);
  let written = 0;
  try {
    for (;;) written += fs.writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    fs.closeSync(fd);
  }
  return written;
}

let server: TestServer;
let drafter: ApiClient;
let notice: string;

beforeAll(async () => {
  if (!canMount) return;
  server = await startTestServer({ dir: mountPoint });
  drafter = await signedIn(server.url, 'drafter');
  notice = await categoryId(drafter, 'notice');
});
afterAll(async () => {
  if (canMount) {
    fs.rmSync(filler, { force: true });
    await server?.close().catch(() => undefined);
    // Lazy: the closed client's last handles may linger a moment.
    execFileSync('umount', ['-l', mountPoint]);
  }
  fs.rmSync(mountPoint, { recursive: true, force: true });
});

async function counts() {
  const r = await server.services.database.client.execute('SELECT (SELECT count(*) FROM documents) AS d, (SELECT count(*) FROM audit_log) AS a');
  return JSON.stringify(r.rows[0]);
}

describe.skipIf(!canMount)('a full disk under the database', () => {
  it('answers changes with 503 in Chinese, keeps reading, reports unready, and resumes when space returns', async () => {
    await drafter.trpc.documents.create.mutate(draftInput(notice, { title: '只读之前' }));
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const before = await counts();

    // The next commit has to grow the log file, and the disk has no byte left for it.
    await server.services.database.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
    expect(fillDisk()).toBeGreaterThan(0);
    const refused = await failure(drafter.trpc.documents.create.mutate(draftInput(notice, { title: '只读期间' })));
    expect(refused).toEqual({ code: 'SERVICE_UNAVAILABLE', message: '系统暂时无法保存，请稍后再试' });
    const raw = await drafter.fetch('/api/trpc/documents.create', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(draftInput(notice, { title: '只读期间2' })) });
    expect(raw.status).toBe(503);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ready: false, writable: false });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await drafter.trpc.documents.mine.query()).some((d) => d.title === '只读之前')).toBe(true);
    expect((await fetch(`${server.url}/public`)).status).toBe(200);
    expect(await counts()).toBe(before);

    fs.rmSync(filler);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    await drafter.trpc.documents.create.mutate(draftInput(notice, { title: '恢复之后' }));
    const titles = (await drafter.trpc.documents.mine.query()).map((d) => d.title);
    expect(titles).toContain('恢复之后');
    expect(titles).not.toContain('只读期间');
    const integrity = await server.services.database.client.execute('PRAGMA integrity_check');
    expect(String(integrity.rows[0]![0])).toBe('ok');
    expect((await verifyAuditChain(server.services)).broken).toBeNull();
  });
});
