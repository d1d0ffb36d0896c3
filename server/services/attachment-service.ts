import fs from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { attachments, documents } from '../db/schema/index';
import { commitChange } from './commit';
import { badRequest, conflict, forbidden, notFound } from './errors';
import { loadDocument } from './document-store';
import { EDITABLE_STATUSES } from './draft-service';
import type { ServiceContext } from './service-context';
import type { SessionUser } from './users';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** Accepted types by extension, with the leading bytes the content must start with (when the format has any). */
const ACCEPTED: Record<string, { mime: string; magic?: number[] }> = {
  pdf: { mime: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: [0x50, 0x4b] },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: [0x50, 0x4b] },
  doc: { mime: 'application/msword', magic: [0xd0, 0xcf, 0x11, 0xe0] },
  xls: { mime: 'application/vnd.ms-excel', magic: [0xd0, 0xcf, 0x11, 0xe0] },
  ofd: { mime: 'application/ofd', magic: [0x50, 0x4b] },
  png: { mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
  jpg: { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  jpeg: { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  txt: { mime: 'text/plain; charset=utf-8' },
};
export const ACCEPTED_EXTENSIONS = Object.keys(ACCEPTED);

export function attachmentDir(ctx: ServiceContext) {
  return path.join(ctx.config.dataDir, 'attachments');
}

/**
 * The upload rules every stored file obeys (attachments and form files alike): a known
 * extension, content that starts as that format does, not empty, at most 20 MB. Returns the
 * cleaned original name and the type; throws a Chinese BAD_REQUEST otherwise.
 */
export function checkUpload(file: { name: string; bytes: Uint8Array }): { name: string; type: { mime: string } } {
  const name = path.basename(file.name).slice(0, 200);
  const ext = name.includes('.') ? name.split('.').pop()!.toLowerCase() : '';
  const type = ACCEPTED[ext];
  if (!type) throw badRequest(`不支持的附件类型，仅限：${ACCEPTED_EXTENSIONS.join('、')}`);
  if (file.bytes.length === 0) throw badRequest('附件为空');
  if (file.bytes.length > MAX_ATTACHMENT_BYTES) throw badRequest('附件不能超过 20 MB');
  if (type.magic && !type.magic.every((b, i) => file.bytes[i] === b)) throw badRequest('附件内容与扩展名不符');
  return { name, type };
}

/** The columns every stored upload's row has (attachments, form files, channel proofs). */
export interface StoredUpload {
  id: string;
  originalName: string;
  storedName: string;
  mime: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  createdAt: number;
}

/**
 * Keeps an upload that passed `checkUpload`: writes its bytes under a generated name (never
 * the uploader's, refusing to overwrite), then `record` commits its row (with the caller's
 * other statements and audit row). When that commit fails the bytes are removed again, so no
 * file is ever left without a row.
 */
export async function keepUpload<T>(
  ctx: ServiceContext,
  actor: SessionUser,
  upload: { name: string; type: { mime: string }; bytes: Uint8Array },
  record: (file: StoredUpload) => Promise<T>,
): Promise<T> {
  const id = crypto.randomUUID();
  const storedName = `${id}.bin`;
  await fs.mkdir(attachmentDir(ctx), { recursive: true });
  const filePath = path.join(attachmentDir(ctx), storedName);
  await fs.writeFile(filePath, upload.bytes, { flag: 'wx' });
  const file: StoredUpload = {
    id, originalName: upload.name, storedName, mime: upload.type.mime, size: upload.bytes.length,
    sha256: createHash('sha256').update(upload.bytes).digest('hex'), uploadedBy: actor.id, createdAt: ctx.now(),
  };
  try {
    return await record(file);
  } catch (error) {
    await fs.rm(filePath, { force: true });
    throw error;
  }
}

/** Stores an uploaded file under a generated name and records it against the document. */
export async function addAttachment(ctx: ServiceContext, actor: SessionUser, documentId: string, file: { name: string; bytes: Uint8Array }) {
  const { db } = ctx.database;
  const doc = await loadDocument(db, documentId);
  if (doc.drafterId !== actor.id) throw forbidden('只有起草人可以上传附件');
  if (!EDITABLE_STATUSES.has(doc.status)) throw conflict('文件已提交审查，不能再上传附件');
  const { name, type } = checkUpload(file);
  return keepUpload(ctx, actor, { name, type, bytes: file.bytes }, async (stored) => {
    await commitChange(
      ctx,
      [
        db.update(documents).set({ version: doc.version + 1, updatedAt: stored.createdAt }).where(eq(documents.id, doc.id)),
        db.insert(attachments).values({ ...stored, documentId: doc.id }),
      ],
      [{ at: stored.createdAt, actorId: actor.id, documentId: doc.id, action: 'attachment.added', detail: { name, size: stored.size } }],
      '文件已被修改，请刷新后重试',
    );
    return { id: stored.id, name, size: stored.size, version: doc.version + 1 };
  });
}

export async function loadAttachment(ctx: ServiceContext, attachmentId: string) {
  const [row] = await ctx.database.db.select().from(attachments).where(and(eq(attachments.id, attachmentId)));
  if (!row) throw notFound('未找到该附件');
  return row;
}

export async function readAttachmentBytes(ctx: ServiceContext, storedName: string): Promise<Buffer> {
  return fs.readFile(path.join(attachmentDir(ctx), path.basename(storedName)));
}
