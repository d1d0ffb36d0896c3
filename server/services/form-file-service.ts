/**
 * Files of forms' `file` fields: uploaded under the attachment rules before the form is saved,
 * owned by their uploader until a saved form claims them for its document, then readable by
 * whoever may view that document (and never published: they are not the document's annexes).
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { FileRef, FormDefinition } from '../../forms/index';
import type { Db } from '../db/client';
import { formFiles } from '../db/schema/index';
import { checkUpload, keepUpload } from './attachment-service';
import { commitChange } from './commit';
import { notFound } from './errors';
import { loadViewableDocument } from './document-view-service';
import type { ServiceContext } from './service-context';
import type { SessionUser } from './users';

/** Stores one upload for a form being filled; the form stores `{ id, name }`. */
export async function uploadFormFile(ctx: ServiceContext, actor: SessionUser, file: { name: string; bytes: Uint8Array }): Promise<FileRef & { size: number }> {
  const { name, type } = checkUpload(file);
  return keepUpload(ctx, actor, { name, type, bytes: file.bytes }, async (stored) => {
    await commitChange(
      ctx,
      [ctx.database.db.insert(formFiles).values(stored)],
      [{ at: stored.createdAt, actorId: actor.id, action: 'form_file.uploaded', detail: { id: stored.id, name, size: stored.size } }],
    );
    return { id: stored.id, name, size: stored.size };
  });
}

/** A form file for download: its uploader before it is claimed, then whoever may view its document. */
export async function loadFormFileForDownload(ctx: ServiceContext, user: SessionUser, id: string) {
  const [row] = await ctx.database.db.select().from(formFiles).where(eq(formFiles.id, id));
  if (!row) throw notFound('未找到该文件');
  if (row.documentId) await loadViewableDocument(ctx, user, row.documentId);
  else if (row.uploadedBy !== user.id) throw notFound('未找到该文件');
  return row;
}

/** Every file a form's parsed values refer to, with the field it sits in. */
function fileRefsOf(form: FormDefinition, values: Record<string, unknown>): { fieldKey: string; label: string; ref: FileRef }[] {
  return form.fields
    .filter((f) => f.type === 'file' && Array.isArray(values[f.key]))
    .flatMap((f) => (values[f.key] as FileRef[]).map((ref) => ({ fieldKey: f.key, label: f.label.zh, ref })));
}

/**
 * Checks the files a filled form names: each must be the filler's own unclaimed upload, or
 * already this document's. Returns the issues (field by field, Chinese), the values with each
 * file's stored name, and the statements claiming the new ones for the document (run them in
 * the same batch as the form's own write).
 */
export async function checkFormFiles(
  db: Db,
  actor: SessionUser,
  documentId: string | null,
  form: FormDefinition,
  values: Record<string, unknown>,
): Promise<{ issues: { path: string[]; message: string }[]; values: Record<string, unknown>; claim: (documentId: string) => BatchItem<'sqlite'>[] }> {
  const refs = fileRefsOf(form, values);
  if (!refs.length) return { issues: [], values, claim: () => [] };
  const rows = await db.select().from(formFiles).where(inArray(formFiles.id, refs.map((r) => r.ref.id)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const issues: { path: string[]; message: string }[] = [];
  const fresh: { id: string; fieldKey: string }[] = [];
  for (const { fieldKey, label, ref } of refs) {
    const row = byId.get(ref.id);
    const mine = row !== undefined && ((row.documentId === null && row.uploadedBy === actor.id) || (documentId !== null && row.documentId === documentId));
    if (!mine) issues.push({ path: [fieldKey], message: `「${label}」中的文件无效或不属于您，请重新上传` });
    else if (row.documentId === null) fresh.push({ id: row.id, fieldKey });
  }
  const named = { ...values };
  for (const field of form.fields) {
    if (field.type !== 'file' || !Array.isArray(values[field.key])) continue;
    named[field.key] = (values[field.key] as FileRef[]).map((ref) => ({ id: ref.id, name: byId.get(ref.id)?.originalName ?? ref.name }));
  }
  return {
    issues,
    values: named,
    // `documentId IS NULL` again at write time: an upload claimed meanwhile stays where it went.
    claim: (docId) => fresh.map((f) => db.update(formFiles).set({ documentId: docId, fieldKey: f.fieldKey }).where(and(eq(formFiles.id, f.id), isNull(formFiles.documentId)))),
  };
}

/** Names and sizes of form files, for display. */
export async function formFileInfo(db: Db, ids: readonly string[]): Promise<Map<string, { name: string; size: number }>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: formFiles.id, name: formFiles.originalName, size: formFiles.size }).from(formFiles).where(inArray(formFiles.id, [...ids]));
  return new Map(rows.map((r) => [r.id, { name: r.name, size: r.size }]));
}
