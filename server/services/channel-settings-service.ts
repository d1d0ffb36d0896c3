/**
 * Admins manage the publication channels (发布渠道) in the browser: rename, reorder, disable or
 * enable the channels that have code (built-in and plugins), and add channels without code —
 * an offline one people post (政务服务中心查阅点, 档案馆…; the publisher uploads a proof) or a
 * webhook one pushing to another portal through the webhook outbox (signed, retried). Every
 * change is one transaction with an audit row holding what it was before and after.
 */
import { eq, sql } from 'drizzle-orm';
import { channelProofs, channelSettings, documents, webhookEndpoints } from '../db/schema/index';
import { WEBHOOK_EVENTS } from '../webhooks/webhook-events';
import { loadChannels } from '../channels/load-channels';
import { channelKeyFrom, channelKeyProblem, type EffectiveChannel } from '../channels/effective-channels';
import { commitChange } from './commit';
import { badRequest, conflict, notFound } from './errors';
import { checkReceiverUrl, newWebhookSecret } from './webhook-service';
import type { ServiceContext } from './service-context';
import type { SessionUser } from './users';
import type { BatchItem } from 'drizzle-orm/batch';

type Text = { zh: string; en: string };

export interface ChannelTexts {
  label: Text;
  /** Empty: a sentence saying what the kind of channel does. */
  effect: Text;
}

/** Every channel with its settings; a webhook channel with its receiver's address and queue. */
export async function channelSettingsView(ctx: ServiceContext) {
  const { db } = ctx.database;
  const channels = await loadChannels(db);
  const receivers = await db
    .select({
      channel: webhookEndpoints.channel,
      url: webhookEndpoints.url,
      active: webhookEndpoints.active,
      pending: sql<number>`(SELECT count(*) FROM webhook_outbox o WHERE o.endpoint_id = ${webhookEndpoints.id} AND o.status = 'pending')`,
      failed: sql<number>`(SELECT count(*) FROM webhook_outbox o WHERE o.endpoint_id = ${webhookEndpoints.id} AND o.status = 'failed')`,
    })
    .from(webhookEndpoints);
  return channels.map((c) => ({ ...c, receivers: receivers.filter((r) => r.channel === c.key).map(({ channel: _c, ...r }) => r) }));
}

/** Keys no new channel may take: every channel known now and every row ever written. */
async function takenKeys(ctx: ServiceContext, channels: readonly EffectiveChannel[]): Promise<Set<string>> {
  const rows = await ctx.database.db.select({ key: channelSettings.key }).from(channelSettings);
  return new Set([...channels.map((c) => c.key), ...rows.map((r) => r.key)]);
}

function requireTexts(input: ChannelTexts, defaultEffect: Text): ChannelTexts {
  const label = { zh: input.label.zh.trim(), en: input.label.en.trim() };
  if (!label.zh) throw badRequest('请填写「渠道名称（中文）」');
  if (!label.en) throw badRequest('请填写「渠道名称（英文）」');
  return { label, effect: { zh: input.effect.zh.trim() || defaultEffect.zh, en: input.effect.en.trim() || defaultEffect.en } };
}

function refuseDuplicateLabel(channels: readonly EffectiveChannel[], label: Text, exceptKey?: string) {
  const same = channels.find((c) => c.key !== exceptKey && c.label.zh === label.zh);
  if (same) throw badRequest(`已有名为「${label.zh}」的发布渠道`);
}

/**
 * True when a document or a proof already names `key`: a channel whose plugin was removed
 * leaves its key on documents, and a new channel must not take their meaning over.
 */
async function keyOnDocuments(ctx: ServiceContext, key: string): Promise<boolean> {
  const { db } = ctx.database;
  const [proof] = await db.select({ id: channelProofs.id }).from(channelProofs).where(eq(channelProofs.channel, key)).limit(1);
  if (proof) return true;
  const [doc] = await db.select({ id: documents.id }).from(documents).where(sql`EXISTS (SELECT 1 FROM json_each(${documents.channels}) WHERE value = ${key})`).limit(1);
  return Boolean(doc);
}

async function newChannelKey(ctx: ServiceContext, channels: readonly EffectiveChannel[], requested: string | undefined, labelEn: string): Promise<string> {
  const taken = await takenKeys(ctx, channels);
  for (;;) {
    const key = requested?.trim() || channelKeyFrom(labelEn, taken);
    const problem = channelKeyProblem(key, taken);
    if (problem) throw badRequest(problem);
    if (!(await keyOnDocuments(ctx, key))) return key;
    if (requested?.trim()) throw badRequest(`渠道标识「${key}」已被文件使用，标识不能重复使用`);
    taken.add(key);
  }
}

const nextSortOrder = (channels: readonly EffectiveChannel[]) => Math.max(-1, ...channels.map((c) => c.sortOrder)) + 1;

const OFFLINE_EFFECT = (label: Text): Text => ({
  zh: `由发布人在「${label.zh}」张贴或送达，并上传凭证备年度检查`,
  en: `Posted at ${label.en} by the publisher, who uploads a proof for the year-end inspection`,
});
const WEBHOOK_EFFECT = (label: Text): Text => ({
  zh: `发布时经 Webhook 推送至「${label.zh}」（签名、失败重试、至少送达一次）`,
  en: `Pushed to ${label.en} by signed webhook on publication (retried, at least once)`,
});

/** A channel people post by hand; the publisher uploads a proof for each document. */
export async function addOfflineChannel(ctx: ServiceContext, actor: SessionUser, input: ChannelTexts & { key?: string | undefined }) {
  const { db } = ctx.database;
  const channels = await loadChannels(db);
  const texts = requireTexts(input, OFFLINE_EFFECT({ zh: input.label.zh.trim(), en: input.label.en.trim() }));
  refuseDuplicateLabel(channels, texts.label);
  const key = await newChannelKey(ctx, channels, input.key, texts.label.en);
  const now = ctx.now();
  const row = { key, kind: 'offline', labelZh: texts.label.zh, labelEn: texts.label.en, effectZh: texts.effect.zh, effectEn: texts.effect.en, enabled: true, sortOrder: nextSortOrder(channels), createdBy: actor.id, createdAt: now, updatedAt: now };
  await commitChange(ctx, [db.insert(channelSettings).values(row)], [{ at: now, actorId: actor.id, action: 'channel.add', toState: key, detail: { key, kind: 'offline', label: texts.label, effect: texts.effect } }], '渠道标识已被使用，请刷新后重试');
  return { key };
}

/**
 * A channel pushing to another portal: a webhook receiver serving this channel gets every
 * catalog event of the documents listing it, through the outbox. The signing secret is
 * returned this once.
 */
export async function addWebhookChannel(ctx: ServiceContext, actor: SessionUser, input: ChannelTexts & { key?: string | undefined; url: string }) {
  const { db } = ctx.database;
  const channels = await loadChannels(db);
  const texts = requireTexts(input, WEBHOOK_EFFECT({ zh: input.label.zh.trim(), en: input.label.en.trim() }));
  refuseDuplicateLabel(channels, texts.label);
  const url = checkReceiverUrl(input.url);
  const key = await newChannelKey(ctx, channels, input.key, texts.label.en);
  const now = ctx.now();
  const endpointId = crypto.randomUUID();
  const secret = newWebhookSecret();
  await commitChange(
    ctx,
    [
      db.insert(channelSettings).values({ key, kind: 'webhook', labelZh: texts.label.zh, labelEn: texts.label.en, effectZh: texts.effect.zh, effectEn: texts.effect.en, enabled: true, sortOrder: nextSortOrder(channels), createdBy: actor.id, createdAt: now, updatedAt: now }),
      db.insert(webhookEndpoints).values({ id: endpointId, name: texts.label.zh, url, secret, events: [...WEBHOOK_EVENTS], active: true, channel: key, createdBy: actor.id, createdAt: now }),
    ],
    [{ at: now, actorId: actor.id, action: 'channel.add', toState: key, detail: { key, kind: 'webhook', label: texts.label, effect: texts.effect, endpointId, url } }],
    '渠道标识已被使用，请刷新后重试',
  );
  return { key, secret };
}

async function requireChannel(ctx: ServiceContext, key: string) {
  const channels = await loadChannels(ctx.database.db);
  const channel = channels.find((c) => c.key === key);
  if (!channel) throw notFound('未找到该发布渠道');
  return { channels, channel };
}

/**
 * The statement writing a channel's settings row: created on the first change of a code
 * channel (kind `code`), updated afterwards. A code channel's text equal to its default is
 * stored as null, so it follows the code again.
 */
function upsertSettings(ctx: ServiceContext, actor: SessionUser, channel: EffectiveChannel, change: { label?: Text; effect?: Text; enabled?: boolean; sortOrder?: number }) {
  const now = ctx.now();
  const own = (value: string, fallback: string | undefined) => (fallback !== undefined && value === fallback ? null : value);
  const label = change.label ?? channel.label;
  const effect = change.effect ?? channel.effect;
  const values = {
    labelZh: own(label.zh, channel.defaults?.label.zh),
    labelEn: own(label.en, channel.defaults?.label.en),
    effectZh: own(effect.zh, channel.defaults?.effect.zh),
    effectEn: own(effect.en, channel.defaults?.effect.en),
    enabled: change.enabled ?? channel.enabled,
    sortOrder: change.sortOrder ?? channel.sortOrder,
    updatedAt: now,
  };
  const kind = channel.kind === 'offline' || channel.kind === 'webhook' ? channel.kind : 'code';
  return ctx.database.db
    .insert(channelSettings)
    .values({ key: channel.key, kind, ...values, createdBy: actor.id, createdAt: now })
    .onConflictDoUpdate({ target: channelSettings.key, set: values });
}

/**
 * Renames a channel or rewords what it does; documents listing it show the new name. A
 * webhook channel may also move its receiver to a new address (the secret stays).
 */
export async function updateChannelTexts(ctx: ServiceContext, actor: SessionUser, key: string, input: ChannelTexts & { url?: string | undefined }) {
  const { db } = ctx.database;
  const { channels, channel } = await requireChannel(ctx, key);
  const texts = requireTexts(input, channel.defaults?.effect ?? channel.effect);
  refuseDuplicateLabel(channels, texts.label, key);
  if (input.url !== undefined && channel.kind !== 'webhook') throw badRequest('只有新增的 Webhook 渠道可以设置接收地址');
  const [receiver] = channel.kind === 'webhook' ? await db.select({ url: webhookEndpoints.url }).from(webhookEndpoints).where(eq(webhookEndpoints.channel, key)) : [];
  const url = input.url === undefined ? receiver?.url : checkReceiverUrl(input.url);
  const now = ctx.now();
  const statements: BatchItem<'sqlite'>[] = [upsertSettings(ctx, actor, channel, texts)];
  // A webhook channel's receiver carries its name in the delivery log.
  if (channel.kind === 'webhook') statements.push(db.update(webhookEndpoints).set({ name: texts.label.zh, ...(url ? { url } : {}) }).where(eq(webhookEndpoints.channel, key)));
  const urls = receiver && url !== receiver.url ? { before: { url: receiver.url }, after: { url } } : {};
  await commitChange(ctx, statements, [
    { at: now, actorId: actor.id, action: 'channel.update', toState: key, detail: { key, before: { label: channel.label, effect: channel.effect, ...urls.before }, after: { ...texts, ...urls.after } } },
  ]);
}

/**
 * Turns a channel off or on. Off: new drafts are not offered it and the server refuses it on
 * a document that did not list it; documents already listing it keep it, and publishing
 * them still delivers to it.
 */
export async function setChannelEnabled(ctx: ServiceContext, actor: SessionUser, key: string, enabled: boolean) {
  const { channels, channel } = await requireChannel(ctx, key);
  if (channel.enabled === enabled) return;
  if (!enabled && channels.filter((c) => c.enabled).length === 1) throw badRequest('至少须保留一个启用的发布渠道');
  const now = ctx.now();
  await commitChange(ctx, [upsertSettings(ctx, actor, channel, { enabled })], [
    { at: now, actorId: actor.id, action: enabled ? 'channel.enable' : 'channel.disable', toState: key, detail: { key, label: channel.label } },
  ]);
}

/** Puts the channels in the order given: every channel's key exactly once. */
export async function reorderChannels(ctx: ServiceContext, actor: SessionUser, keys: readonly string[]) {
  const channels = await loadChannels(ctx.database.db);
  const known = new Set(channels.map((c) => c.key));
  if (new Set(keys).size !== keys.length || keys.length !== known.size || keys.some((k) => !known.has(k))) {
    throw conflict('发布渠道已有变化，请刷新后重新排序');
  }
  const before = channels.map((c) => c.key);
  if (before.every((k, i) => keys[i] === k)) return;
  const now = ctx.now();
  const statements = keys.map((key, sortOrder) => upsertSettings(ctx, actor, channels.find((c) => c.key === key)!, { sortOrder }));
  await commitChange(ctx, statements, [{ at: now, actorId: actor.id, action: 'channel.reorder', detail: { before, after: keys } }]);
}
