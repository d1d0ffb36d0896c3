/**
 * Form-field uploads nobody claimed: a file is uploaded before its form is saved (a new
 * document has no id yet), so a drafter who gives up leaves an upload no document refers to.
 * After a week it can no longer be the draft someone is still writing; the row and the stored
 * bytes go, with one audit row each (the upload was audited, so its disposal is too).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { and, inArray, isNull, lt } from 'drizzle-orm';
import { formFiles } from '../db/schema/index';
import { attachmentDir } from './attachment-service';
import { commitChange } from './commit';
import type { ServiceContext } from './service-context';

export const UNCLAIMED_FORM_FILE_MS = 7 * 24 * 60 * 60 * 1000;
/** Per run, so one transaction stays short however many have piled up. */
const BATCH = 200;

export async function pruneUnclaimedFormFiles(ctx: ServiceContext): Promise<{ removed: number }> {
  const { db } = ctx.database;
  const now = ctx.now();
  const stale = await db
    .select({ id: formFiles.id, storedName: formFiles.storedName, name: formFiles.originalName, uploadedBy: formFiles.uploadedBy })
    .from(formFiles)
    .where(and(isNull(formFiles.documentId), lt(formFiles.createdAt, now - UNCLAIMED_FORM_FILE_MS)))
    .limit(BATCH);
  if (!stale.length) return { removed: 0 };
  const ids = stale.map((f) => f.id);
  // Still unclaimed at the moment of deletion: a form saved meanwhile keeps its file.
  await commitChange(
    ctx,
    [db.delete(formFiles).where(and(inArray(formFiles.id, ids), isNull(formFiles.documentId)))],
    stale.map((f) => ({ at: now, actorId: null, action: 'form_file.discarded', detail: { id: f.id, name: f.name, uploadedBy: f.uploadedBy, reason: '上传 7 天后仍未被任何表单引用' } })),
  );
  const left = new Set((await db.select({ id: formFiles.id }).from(formFiles).where(inArray(formFiles.id, ids))).map((r) => r.id));
  for (const file of stale) if (!left.has(file.id)) await fs.rm(path.join(attachmentDir(ctx), file.storedName), { force: true });
  return { removed: stale.length - left.size };
}
