/**
 * The channel list people see: the code registry (built-in and plugin channels) with the
 * admins' settings laid over it, plus the offline and webhook channels admins added without
 * code. Pure: the caller reads the settings rows; server/services/channel-settings-service.ts
 * and everything listing channels go through `mergeChannels`.
 */
import type { PublicationChannel } from './publication-channel';

export type ChannelKind = 'builtin' | 'plugin' | 'offline' | 'webhook';
type Text = { zh: string; en: string };

/** One row of channel_settings as read (nulls: "as the code says"). */
export interface ChannelSettingRow {
  key: string;
  kind: string;
  labelZh: string | null;
  labelEn: string | null;
  effectZh: string | null;
  effectEn: string | null;
  enabled: boolean;
  sortOrder: number | null;
}

export interface EffectiveChannel {
  key: string;
  kind: ChannelKind;
  label: Text;
  effect: Text;
  /** online: Shenfa delivers it; offline: people post it and the publisher uploads a proof. */
  mode: 'online' | 'offline';
  enabled: boolean;
  sortOrder: number;
  /** For a channel with code: its own label and effect, to show what a rename replaced. */
  defaults: { label: Text; effect: Text } | null;
}

const pickText = (zh: string | null | undefined, en: string | null | undefined, fallback: Text): Text => ({ zh: zh || fallback.zh, en: en || fallback.en });

/**
 * Merges the registry with the settings rows, in display order (sort order, then the
 * registry's order, then the key). A code channel without a row keeps its registry position;
 * an admin-added row whose key a plugin later registers stays the plugin's channel, with the
 * row's labels (the key is the document's; the code decides what publishing does).
 * @example mergeChannels(listChannels(), rows, new Set(CHANNELS)).filter((c) => c.enabled)
 */
export function mergeChannels(code: readonly Pick<PublicationChannel, 'key' | 'label' | 'mode' | 'effect'>[], rows: readonly ChannelSettingRow[], builtinKeys: ReadonlySet<string>): EffectiveChannel[] {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const merged: (EffectiveChannel & { tie: number })[] = code.map((c, index) => {
    const row = byKey.get(c.key);
    return {
      key: c.key,
      kind: builtinKeys.has(c.key) ? 'builtin' : 'plugin',
      label: pickText(row?.labelZh, row?.labelEn, c.label),
      effect: pickText(row?.effectZh, row?.effectEn, c.effect),
      mode: c.mode,
      enabled: row?.enabled ?? true,
      sortOrder: row?.sortOrder ?? index,
      defaults: { label: c.label, effect: c.effect },
      tie: index,
    };
  });
  const codeKeys = new Set(code.map((c) => c.key));
  for (const row of rows) {
    if (codeKeys.has(row.key) || (row.kind !== 'offline' && row.kind !== 'webhook')) continue;
    const label = { zh: row.labelZh ?? row.key, en: row.labelEn ?? row.key };
    merged.push({
      key: row.key,
      kind: row.kind,
      label,
      effect: pickText(row.effectZh, row.effectEn, label),
      mode: row.kind === 'webhook' ? 'online' : 'offline',
      enabled: row.enabled,
      sortOrder: row.sortOrder ?? code.length,
      defaults: null,
      tie: code.length,
    });
  }
  merged.sort((a, b) => a.sortOrder - b.sortOrder || a.tie - b.tie || a.key.localeCompare(b.key));
  return merged.map(({ tie: _tie, ...channel }) => channel);
}

/**
 * The channels a document's form offers: the enabled ones, then any disabled or unknown
 * channel the document already lists (it keeps them until the drafter unticks them).
 * @example choicesFor(channels, doc.channels).map((c) => c.key)
 */
export function choicesFor(channels: readonly EffectiveChannel[], listed: readonly string[] = []): { key: string; label: Text; enabled: boolean }[] {
  const shown = channels.filter((c) => c.enabled || listed.includes(c.key)).map(({ key, label, enabled }) => ({ key, label, enabled }));
  const unknown = listed.filter((key) => !channels.some((c) => c.key === key)).map((key) => ({ key, label: { zh: key, en: key }, enabled: false }));
  return [...shown, ...unknown];
}

/**
 * Why a set of channels cannot be saved on a document that listed `before`, or null: every
 * key must be a known channel, and a disabled one only stays where the document already had it.
 */
export function channelSelectionProblem(channels: readonly EffectiveChannel[], chosen: readonly string[], before: readonly string[]): string | null {
  for (const key of chosen) {
    const channel = channels.find((c) => c.key === key);
    if (!channel) return `「发布渠道」包含无效选项（${key}）`;
    if (!channel.enabled && !before.includes(key)) return `发布渠道「${channel.label.zh}」已停用，不能再选择`;
  }
  return null;
}

export const CHANNEL_KEY = /^[a-z][a-z0-9_]{1,39}$/;

/**
 * A key for a new channel from its English label: lower case, other characters as `_`,
 * starting with a letter, made unique against `taken` with a number.
 * @example channelKeyFrom('County archive', new Set(['county_archive'])) // 'county_archive_2'
 */
export function channelKeyFrom(labelEn: string, taken: ReadonlySet<string>): string {
  let base = labelEn.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 34).replace(/_+$/, '');
  if (!/^[a-z]/.test(base)) base = `channel${base ? `_${base}` : ''}`.slice(0, 34);
  if (base.length < 2) base = 'channel';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** Why `key` cannot name a new channel, or null. Keys are never reused, even a disabled channel's. */
export function channelKeyProblem(key: string, taken: ReadonlySet<string>): string | null {
  if (!CHANNEL_KEY.test(key)) return '「渠道标识」须以小写字母开头，只含小写字母、数字和下划线，2 至 40 个字符';
  if (taken.has(key)) return `渠道标识「${key}」已被使用，标识不能重复使用`;
  return null;
}
