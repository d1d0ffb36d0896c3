/**
 * The channels as this deployment has them now: the code registry with the admins' settings
 * (channel_settings) laid over it. Read afresh each time (a handful of rows), so a change an
 * admin makes in one server process holds at once in every other.
 */
import { channelSettings } from '../db/schema/index';
import type { Db } from '../db/client';
import { preparedQuery } from '../db/prepared';
import { CHANNELS } from '../../forms/disclosure';
import { defaultChannels, listChannels, type ChannelRegistry } from './channel-registry';
import { mergeChannels, type EffectiveChannel } from './effective-channels';

const BUILTIN_KEYS: ReadonlySet<string> = new Set(CHANNELS);

/** Every channel (enabled and disabled) in the admins' order. */
export async function loadChannels(db: Db, registry: ChannelRegistry = defaultChannels): Promise<EffectiveChannel[]> {
  // Every document page and draft form asks: prepared once per database.
  const rows = await preparedQuery(db, 'channelSettings.all', (d) =>
    d
      .select({
        key: channelSettings.key, kind: channelSettings.kind, labelZh: channelSettings.labelZh, labelEn: channelSettings.labelEn,
        effectZh: channelSettings.effectZh, effectEn: channelSettings.effectEn, enabled: channelSettings.enabled, sortOrder: channelSettings.sortOrder,
      })
      .from(channelSettings)
      .prepare(),
  ).all();
  return mergeChannels(listChannels(registry), rows, BUILTIN_KEYS);
}

/** Labels by key for the channels a document lists, including disabled and unknown ones. */
export function channelLabelsFor(channels: readonly EffectiveChannel[], keys: readonly string[]): Record<string, { zh: string; en: string }> {
  return Object.fromEntries(keys.map((key) => [key, channels.find((c) => c.key === key)?.label ?? { zh: key, en: key }]));
}
