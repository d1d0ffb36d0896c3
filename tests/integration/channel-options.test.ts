/**
 * A plugin channel is offered when drafting and accepted when saved: the core 发布渠道 field's
 * options are the installed channels (built-in + plugins), sent to the client and validated by
 * the server from the same list; an unknown channel is refused and nothing is stored.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documents } from '../../server/db/schema/index';
import { FILE_DROP_CHANNEL } from '../../server/channels/plugins/file-drop';
import { failure, signedIn, type ApiClient } from '../support/api-client';
import { categoryId, draftInput } from '../support/draft-input';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let drafter: ApiClient;
let admin: ApiClient;
const dropDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shenfa-drop-'));

beforeAll(async () => {
  server = await startTestServer({ env: { SHENFA_CHANNEL_FILE_DROP_DIR: dropDir } });
  [drafter, admin] = await Promise.all([signedIn(server.url, 'drafter'), signedIn(server.url, 'admin')]);
});
afterAll(async () => {
  await server?.close();
  fs.rmSync(dropDir, { recursive: true, force: true });
});

describe('publication channels offered when drafting', () => {
  it('offers the installed plugin channel, accepts it, and refuses an unknown one', async () => {
    const notice = await categoryId(drafter, 'notice');
    const form = await drafter.trpc.forms.forDrafting.query({ categoryId: notice });
    const channels = form.fields.find((f) => f.key === 'channels')!;
    expect(channels.options!.map((o) => o.value)).toEqual(['portal', 'wechat', 'notice_board', 'broadcast', FILE_DROP_CHANNEL]);
    const created = await drafter.trpc.documents.create.mutate(draftInput(notice, { title: '投放到门户目录的通知', channels: ['portal', FILE_DROP_CHANNEL] as never }));
    const view = await drafter.trpc.documents.get.query({ id: created.id });
    expect(view.channels).toEqual(['portal', FILE_DROP_CHANNEL]);
    // The document page names the plugin's channel by its label.
    expect(view.channelLabels[FILE_DROP_CHANNEL]).toEqual(channels.options!.find((o) => o.value === FILE_DROP_CHANNEL)!.label);
    const before = (await server.services.database.db.select().from(documents)).length;
    const refused = await failure(drafter.trpc.documents.create.mutate(draftInput(notice, { title: '未知渠道', channels: ['carrier_pigeon'] as never })));
    expect(refused.code).toBe('BAD_REQUEST');
    expect((await server.services.database.db.select().from(documents)).length).toBe(before);
  });

  it('lets an admin publish a new drafting-form version while a plugin channel is installed', async () => {
    const current = await admin.trpc.forms.get.query({ key: 'draft_document' });
    const result = await admin.trpc.forms.publish.mutate({ definition: { ...current.definition, fields: current.definition.fields.map((f) => (f.key === 'title' ? { ...f, help: { zh: '写明事项', en: 'Say what it is about' } } : f)) } });
    expect(result.version).toBeGreaterThan(current.version);
  });
});
