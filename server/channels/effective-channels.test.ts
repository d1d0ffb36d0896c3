import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../forms/disclosure';
import { BUILTIN_CHANNELS } from './builtin-channels';
import { channelKeyFrom, channelKeyProblem, channelSelectionProblem, choicesFor, mergeChannels, type ChannelSettingRow } from './effective-channels';

const builtin = new Set<string>(CHANNELS);
const plugin = { key: 'portal_file_drop', label: { zh: '门户文件交换目录', en: 'Portal file drop' }, mode: 'online' as const, effect: { zh: '写入文件', en: 'Writes a file' } };
const code = [...BUILTIN_CHANNELS, plugin];
const row = (over: Partial<ChannelSettingRow> & { key: string }): ChannelSettingRow => ({
  kind: 'code', labelZh: null, labelEn: null, effectZh: null, effectEn: null, enabled: true, sortOrder: null, ...over,
});

describe('mergeChannels', () => {
  it('without settings: the registry as it is, built-in then plugin, all enabled', () => {
    const merged = mergeChannels(code, [], builtin);
    expect(merged.map((c) => [c.key, c.kind, c.enabled])).toEqual([
      ['portal', 'builtin', true], ['wechat', 'builtin', true], ['notice_board', 'builtin', true], ['broadcast', 'builtin', true], ['portal_file_drop', 'plugin', true],
    ]);
    expect(merged[0]!.label).toEqual({ zh: '门户网站栏目', en: 'Portal column' });
    expect(merged[0]!.defaults?.label.zh).toBe('门户网站栏目');
  });

  it('lays a rename, a disabled flag and an order over code channels; null text keeps the code default', () => {
    const merged = mergeChannels(code, [
      row({ key: 'wechat', labelZh: '清远民政公众号', enabled: false, sortOrder: 0 }),
      row({ key: 'portal', sortOrder: 1 }),
    ], builtin);
    expect(merged.slice(0, 2).map((c) => c.key)).toEqual(['wechat', 'portal']);
    expect(merged[0]).toMatchObject({ label: { zh: '清远民政公众号', en: 'WeChat account' }, enabled: false, defaults: { label: { zh: '微信公众号' } } });
  });

  it('adds offline and webhook channels an admin defined, with their mode; ignores rows of unknown kind', () => {
    const merged = mergeChannels(code, [
      row({ key: 'archive', kind: 'offline', labelZh: '档案馆', labelEn: 'Archive', effectZh: '送档案馆', effectEn: 'Sent to the archive', sortOrder: 9 }),
      row({ key: 'city_portal', kind: 'webhook', labelZh: '市政府门户', labelEn: 'City portal', sortOrder: 7 }),
      row({ key: 'ghost', kind: 'code', labelZh: '已卸载插件' }),
    ], builtin);
    expect(merged.map((c) => c.key)).toEqual(['portal', 'wechat', 'notice_board', 'broadcast', 'portal_file_drop', 'city_portal', 'archive']);
    expect(merged.find((c) => c.key === 'archive')).toMatchObject({ kind: 'offline', mode: 'offline', defaults: null, effect: { zh: '送档案馆' } });
    // An added channel without effect text reads its label rather than nothing.
    expect(merged.find((c) => c.key === 'city_portal')).toMatchObject({ kind: 'webhook', mode: 'online', effect: { zh: '市政府门户' } });
  });

  it('a plugin installed later under an admin-added key keeps the key as the plugin channel, with the admin label', () => {
    const merged = mergeChannels(code, [row({ key: 'portal_file_drop', kind: 'offline', labelZh: '交换目录', labelEn: 'Drop', sortOrder: 0 })], builtin);
    expect(merged.filter((c) => c.key === 'portal_file_drop')).toHaveLength(1);
    expect(merged.find((c) => c.key === 'portal_file_drop')).toMatchObject({ key: 'portal_file_drop', kind: 'plugin', mode: 'online', label: { zh: '交换目录' } });
  });
});

describe('choices and selection', () => {
  const channels = mergeChannels(code, [row({ key: 'broadcast', enabled: false })], builtin);

  it('offers enabled channels, plus a disabled or unknown channel the document already lists', () => {
    expect(choicesFor(channels).map((c) => c.key)).toEqual(['portal', 'wechat', 'notice_board', 'portal_file_drop']);
    expect(choicesFor(channels, ['broadcast', 'gone']).map((c) => [c.key, c.enabled])).toEqual([
      ['portal', true], ['wechat', true], ['notice_board', true], ['broadcast', false], ['portal_file_drop', true], ['gone', false],
    ]);
  });

  it('refuses an unknown channel, and a disabled one the document did not list before', () => {
    expect(channelSelectionProblem(channels, ['portal', 'wechat'], [])).toBeNull();
    expect(channelSelectionProblem(channels, ['nowhere'], [])).toBe('「发布渠道」包含无效选项（nowhere）');
    expect(channelSelectionProblem(channels, ['portal', 'broadcast'], [])).toBe('发布渠道「广播电视报纸」已停用，不能再选择');
    expect(channelSelectionProblem(channels, ['portal', 'broadcast'], ['broadcast'])).toBeNull();
  });
});

describe('channel keys', () => {
  it('are made from the English label, lower case, unique', () => {
    expect(channelKeyFrom('County Archive', new Set())).toBe('county_archive');
    expect(channelKeyFrom('County Archive', new Set(['county_archive', 'county_archive_2']))).toBe('county_archive_3');
    expect(channelKeyFrom('  Service-Centre #3 reading point ', new Set())).toBe('service_centre_3_reading_point');
    expect(channelKeyFrom('24h kiosk', new Set())).toBe('channel_24h_kiosk');
    expect(channelKeyFrom('档案馆', new Set())).toBe('channel');
    expect(channelKeyFrom('x'.repeat(80), new Set()).length).toBeLessThanOrEqual(40);
  });

  it('are checked: a lower-case identifier not used before', () => {
    expect(channelKeyProblem('archive', new Set(['portal']))).toBeNull();
    expect(channelKeyProblem('Archive', new Set())).toMatch(/小写字母开头/);
    expect(channelKeyProblem('1archive', new Set())).toMatch(/小写字母开头/);
    expect(channelKeyProblem('a', new Set())).toMatch(/2 至 40/);
    expect(channelKeyProblem('portal', new Set(['portal']))).toBe('渠道标识「portal」已被使用，标识不能重复使用');
  });
});
