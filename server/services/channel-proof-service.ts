/**
 * Proof of publication through an offline channel (公告栏, 广播电视报纸, or an offline channel a
 * plugin or an admin adds): the publisher uploads a photo or scan with the channel and the day it went
 * out. It stays with the document and is listed per year for the year-end inspection
 * (年度检查). Only the disclosure office (publisher) and admins upload or see proofs.
 */
import { and, asc, desc, eq, like } from 'drizzle-orm';
import { channelProofs, documents, users } from '../db/schema/index';
import { loadChannels } from '../channels/load-channels';
import { isIsoDate } from '../../forms/calendar-date';
import { cstDate } from '../time';
import { checkUpload, keepUpload } from './attachment-service';
import { commitChange } from './commit';
import { badRequest, forbidden, notFound } from './errors';
import type { ServiceContext } from './service-context';
import type { SessionUser } from './users';

export const CHANNEL_PROOF_ROLES = ['publisher', 'admin'] as const;
/** Photos and scans; anything else (a .docx "proof") is refused. */
export const PROOF_MIME_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export const MAX_PROOF_NOTE = 500;

function requireProofRole(actor: SessionUser) {
  if (!CHANNEL_PROOF_ROLES.some((r) => actor.roles.includes(r))) throw forbidden('只有公开办（发布人员）或管理员可以查看和上传线下发布凭证');
}

async function loadPublished(ctx: ServiceContext, documentId: string) {
  const [doc] = await ctx.database.db.select().from(documents).where(eq(documents.id, documentId));
  if (!doc) throw notFound('未找到该文件');
  if (doc.status !== 'published' || doc.publishedAt == null) throw badRequest('文件发布后才能上传线下发布凭证');
  return doc;
}

export interface ProofUpload {
  documentId: string;
  channel: string;
  /** YYYY-MM-DD: the day it was posted, broadcast or printed. */
  publishedOn: string;
  note: string;
  file: { name: string; bytes: Uint8Array };
}

/** Checks the upload, stores the file under a generated name and records it with an audit row. */
export async function addChannelProof(ctx: ServiceContext, actor: SessionUser, input: ProofUpload) {
  requireProofRole(actor);
  const doc = await loadPublished(ctx, input.documentId);
  // A channel disabled since the document was published is still proved for it.
  const channel = (await loadChannels(ctx.database.db)).find((c) => c.key === input.channel);
  if (!channel) throw badRequest('请选择发布渠道');
  if (channel.mode !== 'offline') throw badRequest(`「${channel.label.zh}」由系统自动发布，无需上传凭证`);
  if (!doc.channels.includes(channel.key)) throw badRequest(`该文件未选择「${channel.label.zh}」发布渠道`);
  if (!isIsoDate(input.publishedOn)) throw badRequest('请填写有效的「发布日期」（YYYY-MM-DD）');
  if (input.publishedOn > cstDate(ctx.now())) throw badRequest('「发布日期」不能晚于今天');
  if (input.publishedOn < cstDate(doc.publishedAt!)) throw badRequest(`「发布日期」不能早于文件在目录中发布的日期（${cstDate(doc.publishedAt!)}）`);
  const note = input.note.trim();
  if ([...note].length > MAX_PROOF_NOTE) throw badRequest(`「说明」不能超过 ${MAX_PROOF_NOTE} 个字`);
  const { name, type } = checkUpload(input.file);
  if (!(PROOF_MIME_TYPES as readonly string[]).includes(type.mime)) throw badRequest('发布凭证仅限照片或扫描件（JPG、PNG 或 PDF）');

  return keepUpload(ctx, actor, { name, type, bytes: input.file.bytes }, async (stored) => {
    const { id, size, sha256 } = stored;
    await commitChange(
      ctx,
      [ctx.database.db.insert(channelProofs).values({ ...stored, documentId: doc.id, channel: channel.key, publishedOn: input.publishedOn, note })],
      [{ at: stored.createdAt, actorId: actor.id, documentId: doc.id, action: 'channel_proof.added', detail: { proofId: id, channel: channel.key, publishedOn: input.publishedOn, name, size, sha256 } }],
    );
    return { id, name, size };
  });
}

const proofColumns = {
  id: channelProofs.id, documentId: channelProofs.documentId, channel: channelProofs.channel, publishedOn: channelProofs.publishedOn, note: channelProofs.note,
  name: channelProofs.originalName, mime: channelProofs.mime, size: channelProofs.size, createdAt: channelProofs.createdAt, uploaderName: users.displayName,
};

/** The offline channels a published document lists, and the proofs kept for it. */
export async function documentChannelProofs(ctx: ServiceContext, actor: SessionUser, documentId: string) {
  requireProofRole(actor);
  const doc = await loadPublished(ctx, documentId);
  const proofs = await ctx.database.db
    .select(proofColumns).from(channelProofs).innerJoin(users, eq(users.id, channelProofs.uploadedBy))
    .where(eq(channelProofs.documentId, doc.id)).orderBy(asc(channelProofs.publishedOn), asc(channelProofs.createdAt));
  const offline = (await loadChannels(ctx.database.db)).filter((c) => c.mode === 'offline' && doc.channels.includes(c.key));
  return { publishedOn: cstDate(doc.publishedAt!), offlineChannels: offline.map(({ key, label }) => ({ key, label })), proofs };
}

/**
 * Every proof of a year (by the day it went out), for the year-end inspection, optionally of
 * one channel; newest first, with the document's 索引号 and title.
 */
export async function yearChannelProofs(ctx: ServiceContext, actor: SessionUser, filter: { year: number; channel?: string | undefined }) {
  requireProofRole(actor);
  const rows = await ctx.database.db
    .select({ ...proofColumns, indexNumber: documents.indexNumber, title: documents.title })
    .from(channelProofs)
    .innerJoin(users, eq(users.id, channelProofs.uploadedBy))
    .innerJoin(documents, eq(documents.id, channelProofs.documentId))
    .where(and(like(channelProofs.publishedOn, `${filter.year}-%`), filter.channel ? eq(channelProofs.channel, filter.channel) : undefined))
    .orderBy(desc(channelProofs.publishedOn), desc(channelProofs.createdAt))
    .limit(2000);
  // Disabled channels too: their earlier proofs are still inspected.
  const channels = (await loadChannels(ctx.database.db)).filter((c) => c.mode === 'offline').map(({ key, label, enabled }) => ({ key, label, enabled }));
  return { year: filter.year, channels, proofs: rows.map((r) => ({ ...r, indexNumber: r.indexNumber ?? '' })) };
}

/** A proof's stored file, for someone with the right to see proofs. */
export async function loadChannelProof(ctx: ServiceContext, actor: SessionUser, proofId: string) {
  requireProofRole(actor);
  const [row] = await ctx.database.db.select().from(channelProofs).where(eq(channelProofs.id, proofId));
  if (!row) throw notFound('未找到该发布凭证');
  return row;
}
