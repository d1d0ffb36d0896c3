/**
 * The server as `npm run serve` runs it: the esbuild bundle (server/bundle.ts), plain node with
 * the product's flags, no tsx. It must find what it reads beside its module (migrations, the
 * WAL checkpoint worker, the catalog stylesheet, the report reader's worker) and the holiday
 * data bundled into it, and do a review step end to end. Built here into a directory of its own, so the test does not depend
 * on an earlier `npm run build`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleServer } from '../../server/bundle';
import { SERVER_NODE_FLAGS } from '../../server/runtime-flags';
import { HttpCaller, startServerProcess, type ServerProcess } from '../support/server-process';
import { ALL_CHECKS } from '../support/review-driver';
import { draftInput } from '../support/draft-input';

let dir: string;
let built: string;
let bundle: string;
let server: ServerProcess;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shenfa-bundle-'));
  // Inside the project (dist/ is ignored by git), so the bundle's packages resolve from node_modules as in dist/server.
  fs.mkdirSync(path.resolve('dist'), { recursive: true });
  built = fs.mkdtempSync(path.resolve('dist', 'bundle-test-'));
  bundle = await bundleServer(undefined, path.join(built, 'server', 'main.mjs'));
  // An empty database: the bundled server migrates it and seeds the demo bureau itself.
  server = await startServerProcess(path.join(dir, 'shenfa.db'), {}, { nodeArgs: [...SERVER_NODE_FLAGS, bundle] });
}, 120_000);

afterAll(async () => {
  await server?.stop().catch(() => undefined);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(built, { recursive: true, force: true });
});

describe('the bundled server', () => {
  it('is one module with what it reads beside it, and no tsx in the process', () => {
    const beside = path.dirname(bundle);
    expect(fs.readdirSync(path.join(beside, 'migrations')).filter((f) => f.endsWith('.sql')).length).toBeGreaterThan(10);
    expect(fs.existsSync(path.join(beside, 'wal-checkpoint-worker.mjs'))).toBe(true);
    expect(fs.existsSync(path.join(beside, 'scale-worker.js'))).toBe(true);
    expect(fs.existsSync(path.join(beside, 'group-commit-worker.js'))).toBe(true);
    expect(fs.existsSync(path.join(beside, 'report-reader-worker.js'))).toBe(true);
    const source = fs.readFileSync(bundle, 'utf8');
    // tsx's keepNames wrapper is what the bundle is for; the holiday data is inlined (an external JSON import would need an import attribute).
    expect(source).not.toMatch(/__name\(/);
    expect(source).not.toMatch(/from "chinese-days\/dist\/chinese-days\.json"/);
    const cmdline = fs.readFileSync(`/proc/${server.pid}/cmdline`, 'utf8').split('\0');
    expect(cmdline).toContain(bundle);
    expect(cmdline.join(' ')).not.toMatch(/tsx/);
  });

  it('migrates, serves the catalog stylesheet, and takes a document through a review step', async () => {
    const ready = (await (await fetch(`${server.url}/readyz`)).json()) as { ready: boolean; migrations: { applied: number; shipped: number } };
    expect(ready.ready).toBe(true);
    expect(ready.migrations.applied).toBe(ready.migrations.shipped);
    const css = await fetch(`${server.url}/public/assets/catalog.css`);
    expect(css.status).toBe(200);
    expect((await css.text()).length).toBeGreaterThan(1000);

    const drafter = new HttpCaller(server.url);
    await drafter.login('drafter');
    const categories = await drafter.query<{ id: string; code: string }[]>('documents.categories');
    const notice = categories.body.result!.data.find((c) => c.code === 'notice')!.id;
    const created = await drafter.mutate<{ id: string; version: number }>('documents.create', draftInput(notice, { title: '打包运行的服务端测试文件' }));
    const { id, version } = created.body.result!.data;
    expect((await drafter.mutate('review.submit', { documentId: id, expectedVersion: version })).status).toBe(200);

    const legal = new HttpCaller(server.url);
    await legal.login('legal');
    const inbox = await legal.query<{ taskId: string; documentId: string; dueDate: string | null }[]>('review.inbox');
    const task = inbox.body.result!.data.find((t) => t.documentId === id)!;
    // The due date comes from the working-day calendar, whose holiday data is bundled.
    expect(task.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}/);
    const approved = await legal.mutate<{ step: string }>('review.approve', { documentId: id, expectedVersion: version + 1, taskId: task.taskId, opinion: '同意', checks: ALL_CHECKS });
    expect(approved.status).toBe(200);
    expect(approved.body.result!.data.step).toBe('secrecy_review');
    // The server writes its groups on the group-commit thread, found beside the bundle (it says when it could not start it).
    expect(server.output()).not.toMatch(/group-commit thread did not start/);
  });

  it('reads its statistics on the report reader, found beside the bundle', async () => {
    const admin = new HttpCaller(server.url);
    await admin.login('admin');
    const summary = await admin.query<{ publicationsPerMonth: unknown[] }>('dashboard.summary', { from: '2026-01-01', to: '2026-12-31' });
    expect(summary.status).toBe(200);
    expect(summary.body.result!.data.publicationsPerMonth).toHaveLength(12);
    expect(server.output()).not.toMatch(/report reader did not start/);
  });
});
