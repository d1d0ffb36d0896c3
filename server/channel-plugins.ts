/**
 * The publication-channel plugins this server installs (server/channels/channel-registry.ts),
 * from its configuration. See docs/plugins.md ("Publication channels").
 */
import { installFileDropChannel } from './channels/plugins/file-drop';
import type { ServerConfig } from './config';

export function installChannelPlugins(config: ServerConfig): void {
  if (config.channelFileDropDir) installFileDropChannel({ dir: config.channelFileDropDir, baseUrl: config.publicUrl ?? '' });
}
