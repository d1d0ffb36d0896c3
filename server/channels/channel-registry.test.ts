import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../forms/disclosure';
import { createChannelRegistry, getChannel, isOfflineChannel, listChannels, registerChannel } from './channel-registry';
import { FILE_DROP_CHANNEL, fileDropName, installFileDropChannel } from './plugins/file-drop';
import type { PublishedItem } from './publication-channel';

const item: PublishedItem = {
  documentId: 'd1', indexNumber: '11369901MB03876256/2026-00012', title: '关于调整城乡低保标准的通知', docNumber: '清民〔2026〕12号',
  categoryCode: 'notice', attribute: 'open', publishedAt: Date.UTC(2026, 5, 1, 2), path: '/public/documents/11369901MB03876256%2F2026-00012',
};

describe('publication channel registry', () => {
  it('holds the built-in channels the drafting form offers: the portal online, notice board and broadcast offline', () => {
    const registry = createChannelRegistry();
    expect(listChannels(registry).map((c) => [c.key, c.mode])).toEqual([['portal', 'online'], ['wechat', 'online'], ['notice_board', 'offline'], ['broadcast', 'offline']]);
    expect(listChannels(registry).map((c) => c.key)).toEqual([...CHANNELS]);
    expect(getChannel('portal', registry)?.effect.zh).toContain('Webhook');
    expect(isOfflineChannel('notice_board', registry)).toBe(true);
    expect(isOfflineChannel('portal', registry)).toBe(false);
    expect(isOfflineChannel('no_such_channel', registry)).toBe(false);
  });

  it('refuses a duplicate, malformed or offline-with-publish channel', () => {
    const registry = createChannelRegistry();
    const base = { label: { zh: '报刊', en: 'Newspaper' }, mode: 'offline' as const, effect: { zh: '刊登', en: 'Printed' } };
    expect(() => registerChannel({ ...base, key: 'portal' }, registry)).toThrow(/already registered/);
    expect(() => registerChannel({ ...base, key: 'Bad Key' }, registry)).toThrow(/lower-case identifier/);
    expect(() => registerChannel({ ...base, key: 'paper', label: { zh: '', en: 'x' } }, registry)).toThrow(/zh and an en label/);
    expect(() => registerChannel({ ...base, key: 'paper', publish: async () => {} }, registry)).toThrow(/cannot have publish/);
    registerChannel({ ...base, key: 'newspaper' }, registry);
    expect(isOfflineChannel('newspaper', registry)).toBe(true);
    // The default registry is untouched by a private one.
    expect(getChannel('newspaper')).toBeUndefined();
  });
});

describe('example plugin: portal file drop', () => {
  it('registers once and writes the public facts of a published item as a JSON file', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'shenfa-drop-'));
    const registry = createChannelRegistry();
    installFileDropChannel({ dir, baseUrl: 'https://mzj.qingyuan.gov.cn/' }, registry);
    installFileDropChannel({ dir, baseUrl: 'https://mzj.qingyuan.gov.cn/' }, registry);
    const channel = getChannel(FILE_DROP_CHANNEL, registry)!;
    expect(channel).toMatchObject({ mode: 'online', label: { zh: '门户文件交换目录' } });
    await channel.publish!(item);
    expect(fileDropName(item)).toBe('11369901MB03876256_2026-00012.json');
    expect(await fs.readdir(dir)).toEqual(['11369901MB03876256_2026-00012.json']);
    const written = JSON.parse(await fs.readFile(path.join(dir, fileDropName(item)), 'utf8'));
    expect(written).toMatchObject({ indexNumber: item.indexNumber, title: item.title, url: 'https://mzj.qingyuan.gov.cn/public/documents/11369901MB03876256%2F2026-00012', publishedAt: '2026-06-01T02:00:00.000Z' });
    expect(Object.keys(written)).not.toContain('body');
  });
});
