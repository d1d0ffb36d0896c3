/**
 * An example publication-channel plugin: 门户文件交换目录 (portal file drop). Many county
 * portals on the provincial intensive platform (集约化平台) cannot receive webhooks but import
 * JSON files from a shared folder. On publication this channel writes one file per document,
 * `<dir>/<索引号 with / as _>.json`, with the public facts only (the adapter is never given
 * the body, so redacted text cannot reach the folder). See docs/plugins.md.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { defaultChannels, registerChannel, type ChannelRegistry } from '../channel-registry';
import type { PublishedItem } from '../publication-channel';

export const FILE_DROP_CHANNEL = 'portal_file_drop';

/** The file name for an item: the 索引号 with anything but letters, digits, - and . made _. */
export function fileDropName(item: Pick<PublishedItem, 'indexNumber'>): string {
  return `${item.indexNumber.replace(/[^A-Za-z0-9.-]/g, '_')}.json`;
}

/**
 * Registers the channel (once per registry) writing into `dir`; `baseUrl` makes the page link absolute.
 * @example installFileDropChannel({ dir: '/srv/portal-inbox', baseUrl: 'https://mzj.qingyuan.gov.cn' });
 */
export function installFileDropChannel(options: { dir: string; baseUrl: string }, registry: ChannelRegistry = defaultChannels): void {
  if (registry.channels.has(FILE_DROP_CHANNEL)) return;
  registerChannel(
    {
      key: FILE_DROP_CHANNEL,
      label: { zh: '门户文件交换目录', en: 'Portal file drop' },
      mode: 'online',
      effect: { zh: '发布时在交换目录写入一份 JSON 文件，由门户网站定时导入', en: 'Writes a JSON file into the exchange folder on publication; the portal imports it' },
      async publish(item) {
        await fs.mkdir(options.dir, { recursive: true });
        const target = path.join(options.dir, fileDropName(item));
        const payload = { ...item, url: `${options.baseUrl.replace(/\/$/, '')}${item.path}`, publishedAt: new Date(item.publishedAt).toISOString() };
        // Written aside and renamed, so the portal's importer never reads half a file.
        await fs.writeFile(`${target}.tmp`, JSON.stringify(payload, null, 2));
        await fs.rename(`${target}.tmp`, target);
      },
    },
    registry,
  );
}
