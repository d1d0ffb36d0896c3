/**
 * A publication channel (发布渠道): where a published document also goes besides the
 * catalog. Channels are a registry (channel-registry.ts) keyed by the value a document stores
 * in `channels`; a plugin adds one with `registerChannel`. See docs/plugins.md.
 */

/** The public facts of a just-published document: all a channel adapter ever receives. */
export interface PublishedItem {
  documentId: string;
  indexNumber: string;
  title: string;
  docNumber: string;
  categoryCode: string;
  attribute: 'open' | 'partial';
  /** Milliseconds since the epoch. */
  publishedAt: number;
  /** Site-relative path of the public page, e.g. /public/documents/11369901…%2F2026-00012. */
  path: string;
}

export interface PublicationChannel {
  /** The value stored in a document's `channels`: a lower-case identifier. */
  key: string;
  label: { zh: string; en: string };
  /**
   * online: Shenfa delivers it (the portal by webhook, a plugin by its `publish`).
   * offline: people post it (公告栏, 广播电视, 报刊); the publisher uploads a proof (photo or
   * scan) that is kept for the year-end inspection.
   */
  mode: 'online' | 'offline';
  /** What publishing to this channel does, for the staff (one sentence per language). */
  effect: { zh: string; en: string };
  /**
   * Runs after the publication has committed, once per document listing this channel. A
   * failure is logged and never undoes the publication; a channel needing guaranteed
   * delivery keeps its own outbox (as the portal's webhooks do).
   */
  publish?(item: PublishedItem): Promise<void>;
}
