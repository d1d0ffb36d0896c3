import { eq } from 'drizzle-orm';
import { documents, redactions } from '../db/schema/index';
import { draftDocumentSchema, type Redaction } from '../../forms/index';
import { commitChange } from './commit';
import { badRequest } from './errors';
import { requireSecrecyTask } from './privacy-service';
import type { ServiceContext } from './service-context';
import type { SessionUser } from './users';

/**
 * The secrecy reviewer confirms or changes the redactions (删减) of a partial document.
 * The new ranges pass the same drafting-form rules as the drafter's, against the stored body.
 */
export async function reviseRedactions(ctx: ServiceContext, actor: SessionUser, input: { documentId: string; expectedVersion: number; redactions: Redaction[] }) {
  const doc = await requireSecrecyTask(ctx, actor, input.documentId, input.expectedVersion);
  if (doc.attribute !== 'partial') throw badRequest('只有删减后公开的文件需要确认删减内容');
  const parsed = draftDocumentSchema.safeParse({
    title: doc.title, docNumber: doc.docNumber, categoryId: doc.categoryId, writtenAt: doc.writtenAt, body: doc.body,
    hasStatistics: doc.hasStatistics, isMajorMatter: doc.isMajorMatter, attribute: doc.attribute, channels: doc.channels,
    redactions: input.redactions, attributeReason: doc.attributeReason, legalGround: doc.legalGround,
  });
  if (!parsed.success) throw badRequest(parsed.error.issues[0]?.message ?? '删减内容有误');
  const { db } = ctx.database;
  const now = ctx.now();
  const rows = parsed.data.redactions.map((r) => ({ id: crypto.randomUUID(), documentId: doc.id, ...r, confirmedBy: actor.id, confirmedAt: now }));
  await commitChange(
    ctx,
    [
      db.update(documents).set({ version: doc.version + 1, updatedAt: now }).where(eq(documents.id, doc.id)),
      db.delete(redactions).where(eq(redactions.documentId, doc.id)),
      db.insert(redactions).values(rows),
    ],
    [{ at: now, actorId: actor.id, documentId: doc.id, action: 'redactions.revised', fromState: doc.currentStep, toState: doc.currentStep, detail: { count: rows.length, grounds: rows.map((r) => r.ground) } }],
    '文件已被修改，请刷新后重试',
  );
  return { version: doc.version + 1 };
}
