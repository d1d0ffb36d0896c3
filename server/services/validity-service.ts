import { and, desc, eq, sql } from 'drizzle-orm';
import { preparedQuery } from '../db/prepared';
import { documents, validityChanges } from '../db/schema/index';
import { decideValidityChange, VALIDITY_LABELS, type Validity, type ValidityState } from '../../workflows/validity/index';
import { commitChange } from './commit';
import { webhookOutboxStatements } from './webhook-outbox';
import { badRequest, conflict, forbidden, notFound } from './errors';
import { loadDocument } from './document-store';
import type { Db } from '../db/client';
import type { ServiceContext } from './service-context';
import type { SessionUser } from './users';

export async function pendingValidityChange(db: Db, documentId: string) {
  // Every document page asks: prepared once per database.
  const row = await preparedQuery(db, 'validityChanges.pendingOfDocument', (d) =>
    d.select().from(validityChanges).where(and(eq(validityChanges.documentId, sql.placeholder('documentId')), eq(validityChanges.state, 'pending'))).orderBy(desc(validityChanges.createdAt)).limit(1).prepare(),
  ).get({ documentId });
  return row ?? null;
}

/** Who may propose: the drafter of a published document, or a publisher (公开办). */
export function canProposeValidity(user: SessionUser, doc: { drafterId: string; status: string }): boolean {
  return doc.status === 'published' && (doc.drafterId === user.id || user.roles.includes('publisher'));
}

/** Proposes marking a published document repealed (废止), expired (失效) or in force again. */
export async function proposeValidityChange(ctx: ServiceContext, actor: SessionUser, input: { documentId: string; expectedVersion: number; validity: Validity; reason: string }) {
  const { db } = ctx.database;
  const doc = await loadDocument(db, input.documentId);
  if (!canProposeValidity(actor, doc)) throw forbidden('只有起草人或信息公开工作人员可以对已发布文件提出有效性变更');
  if (doc.version !== input.expectedVersion) throw conflict('文件已被修改，请刷新后重试');
  if (doc.validity === input.validity) throw badRequest(`文件当前已是「${VALIDITY_LABELS[input.validity].zh}」`);
  if (await pendingValidityChange(db, doc.id)) throw conflict('该文件已有待审查的有效性变更');
  const now = ctx.now();
  const id = crypto.randomUUID();
  await commitChange(
    ctx,
    [
      // Bumping the version makes two simultaneous proposals conflict instead of both landing.
      db.update(documents).set({ version: doc.version + 1, updatedAt: now }).where(eq(documents.id, doc.id)),
      db.insert(validityChanges).values({ id, documentId: doc.id, proposedValidity: input.validity, reason: input.reason, proposerId: actor.id, state: 'pending', createdAt: now }),
    ],
    [{ at: now, actorId: actor.id, documentId: doc.id, action: 'validity.proposed', detail: { from: doc.validity, to: input.validity, reason: input.reason } }],
    '文件已被修改，请刷新后重试',
  );
  return { id, version: doc.version + 1 };
}

/** A legality reviewer approves (the catalog then shows the new validity) or rejects the proposal. */
export async function decideValidity(ctx: ServiceContext, actor: SessionUser, input: { changeId: string; approve: boolean; opinion: string }) {
  const { db } = ctx.database;
  const [change] = await db.select().from(validityChanges).where(eq(validityChanges.id, input.changeId));
  if (!change) throw notFound('未找到该有效性变更');
  const result = decideValidityChange(change.state as ValidityState, { proposerId: change.proposerId }, { type: input.approve ? 'APPROVE' : 'REJECT', actor: { id: actor.id, roles: actor.roles } });
  if (!result) {
    if (change.state !== 'pending') throw conflict('该变更已被他人处理，请刷新后重试');
    throw forbidden('有效性变更须由提出人以外的合法性审查人员审查');
  }
  const doc = await loadDocument(db, change.documentId);
  const now = ctx.now();
  await commitChange(
    ctx,
    [
      db.update(validityChanges).set({ state: result.state, deciderId: actor.id, opinion: input.opinion, decidedAt: now }).where(and(eq(validityChanges.id, change.id), eq(validityChanges.state, 'pending'))),
      db.update(documents).set({ version: doc.version + 1, updatedAt: now, ...(result.state === 'approved' ? { validity: change.proposedValidity } : {}) }).where(eq(documents.id, doc.id)),
      ...(result.state === 'approved' ? webhookOutboxStatements(db, { event: 'document.validity_changed', documentId: doc.id, at: now }) : []),
    ],
    [{ at: now, actorId: actor.id, documentId: doc.id, action: `validity.${result.state}`, detail: { from: doc.validity, to: change.proposedValidity, opinion: input.opinion } }],
    '该变更已被他人处理，请刷新后重试',
  );
  return { state: result.state };
}

/** Pending proposals a legality reviewer may decide, for their inbox. */
export async function listPendingValidityChanges(ctx: ServiceContext, actor: SessionUser) {
  if (!actor.roles.includes('legal')) return [];
  const { db } = ctx.database;
  // In every legality reviewer's 我的待办: prepared once per database.
  const rows = await preparedQuery(db, 'validityChanges.pending', (d) =>
    d
      .select({ id: validityChanges.id, documentId: documents.id, title: documents.title, indexNumber: documents.indexNumber, proposedValidity: validityChanges.proposedValidity, reason: validityChanges.reason, proposerId: validityChanges.proposerId, createdAt: validityChanges.createdAt })
      .from(validityChanges)
      .innerJoin(documents, eq(documents.id, validityChanges.documentId))
      .where(eq(validityChanges.state, 'pending'))
      .orderBy(desc(validityChanges.createdAt))
      .limit(200)
      .prepare(),
  ).all();
  return rows.filter((r) => r.proposerId !== actor.id);
}
