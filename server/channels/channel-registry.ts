/**
 * The registry of publication channels. The built-in ones are present from the start;
 * a plugin adds its own with `registerChannel` (server/channel-plugins.ts installs them).
 */
import { BUILTIN_CHANNELS } from './builtin-channels';
import type { PublicationChannel } from './publication-channel';

export interface ChannelRegistry {
  channels: Map<string, PublicationChannel>;
}

const KEY = /^[a-z][a-z0-9_]{1,39}$/;

/** A registry holding the built-in channels (tests use a private one). */
export function createChannelRegistry(): ChannelRegistry {
  return { channels: new Map(BUILTIN_CHANNELS.map((c) => [c.key, c])) };
}

export const defaultChannels = createChannelRegistry();

/**
 * Adds a channel. A key is never replaced (two plugins cannot fight over one key, and a
 * plugin cannot turn the portal off); a malformed channel throws at start-up, not at publication.
 * @example registerChannel({ key: 'county_portal', label: { zh: '县级门户', en: 'County portal' }, mode: 'online', effect: {…}, publish: async (item) => {…} });
 */
export function registerChannel(channel: PublicationChannel, registry: ChannelRegistry = defaultChannels): void {
  if (!KEY.test(channel.key)) throw new Error(`channel key "${channel.key}" must be a lower-case identifier`);
  if (registry.channels.has(channel.key)) throw new Error(`channel "${channel.key}" is already registered`);
  if (!channel.label.zh.trim() || !channel.label.en.trim()) throw new Error(`channel "${channel.key}" needs a zh and an en label`);
  if (channel.mode !== 'online' && channel.mode !== 'offline') throw new Error(`channel "${channel.key}" must be online or offline`);
  if (channel.mode === 'offline' && channel.publish) throw new Error(`offline channel "${channel.key}" is posted by people; it cannot have publish()`);
  registry.channels.set(channel.key, channel);
}

export function getChannel(key: string, registry: ChannelRegistry = defaultChannels): PublicationChannel | undefined {
  return registry.channels.get(key);
}

/**
 * Every channel with code, built-in first (no functions). Staff see them with the admins'
 * settings laid over: use `loadChannels` (load-channels.ts) for anything shown or checked.
 */
export function listChannels(registry: ChannelRegistry = defaultChannels) {
  return [...registry.channels.values()].map(({ key, label, mode, effect }) => ({ key, label, mode, effect }));
}

/** True for a channel people post by hand, for which a proof can be uploaded. */
export function isOfflineChannel(key: string, registry: ChannelRegistry = defaultChannels): boolean {
  return registry.channels.get(key)?.mode === 'offline';
}
