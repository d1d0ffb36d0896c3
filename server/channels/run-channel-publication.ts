/**
 * After a publication commits: hand the document's public facts to each of its channels that
 * delivers by itself (`publish`). Offline channels and the portal (whose webhooks were queued
 * in the publication's transaction) have nothing to run here.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { preparedQuery } from '../db/prepared';
import { categories, documents } from '../db/schema/index';
import { PUBLISHABLE_ATTRIBUTES } from '../../forms/disclosure';
import { log } from '../log';
import { defaultChannels, type ChannelRegistry } from './channel-registry';
import type { PublishedItem } from './publication-channel';
import type { ServiceContext } from '../services/service-context';

export async function publishToChannels(ctx: ServiceContext, documentId: string, registry: ChannelRegistry = defaultChannels): Promise<void> {
  // Every publication asks this: prepared once per database, and only the columns a channel is given.
  const doc = await preparedQuery(ctx.database.db, 'documents.publishedForChannels', (d) =>
    d
      .select({ id: documents.id, indexNumber: documents.indexNumber, title: documents.title, docNumber: documents.docNumber, categoryCode: categories.code, attribute: documents.attribute, publishedAt: documents.publishedAt, channels: documents.channels })
      .from(documents)
      .innerJoin(categories, eq(categories.id, documents.categoryId))
      .where(and(eq(documents.id, sql.placeholder('documentId')), eq(documents.status, 'published'), inArray(documents.attribute, [...PUBLISHABLE_ATTRIBUTES])))
      .prepare(),
  ).get({ documentId });
  if (!doc?.indexNumber) return;
  const item: PublishedItem = {
    documentId: doc.id, indexNumber: doc.indexNumber, title: doc.title, docNumber: doc.docNumber, categoryCode: doc.categoryCode,
    attribute: doc.attribute as PublishedItem['attribute'], publishedAt: doc.publishedAt ?? 0, path: `${ctx.config.basePath}/public/documents/${encodeURIComponent(doc.indexNumber)}`,
  };
  for (const key of doc.channels) {
    const channel = registry.channels.get(key);
    if (!channel?.publish) continue;
    try {
      await channel.publish(item);
    } catch (error) {
      log.error({ channel: key, documentId, err: error }, 'publication channel failed');
    }
  }
}
