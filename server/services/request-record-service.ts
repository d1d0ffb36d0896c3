/**
 * Records attached to a request after or beside its handling: the documents it released, and
 * reconsideration (行政复议) and litigation (行政诉讼) about its reply, with their outcome.
 */
import { and, eq } from 'drizzle-orm';
import { documents, infoRequests, requestAppeals, requestDocuments } from '../db/schema/index';
import type { AppealKind, AppealOutcome } from '../../workflows/requests/request-vocabulary';
import { commitChange } from './commit';
import { badRequest, conflict, notFound } from './errors';
import { loadRequest } from './request-store';
import { cstDate } from '../time';
import type { ServiceContext } from './service-context';
import type { SessionUser } from './users';

/** Links a document released to the applicant; it must have been through review (not a draft). */
export async function linkReleasedDocument(ctx: ServiceContext, actor: SessionUser, input: { requestId: string; documentId: string }) {
  const { db } = ctx.database;
  const row = await loadRequest(db, input.requestId);
  const [doc] = await db.select({ id: documents.id, status: documents.status }).from(documents).where(eq(documents.id, input.documentId));
  if (!doc) throw notFound('未找到该文件');
  if (!['published', 'concluded', 'awaiting_publication', 'withdrawn'].includes(doc.status)) throw badRequest('只能关联已审查完毕的文件');
  const [existing] = await db.select().from(requestDocuments).where(and(eq(requestDocuments.requestId, row.id), eq(requestDocuments.documentId, doc.id)));
  if (existing) throw conflict('该文件已关联');
  const now = ctx.now();
  await commitChange(ctx, [db.insert(requestDocuments).values({ requestId: row.id, documentId: doc.id, linkedBy: actor.id, linkedAt: now })], [
    { at: now, actorId: actor.id, documentId: doc.id, action: 'request.document_linked', detail: { requestId: row.id, requestNo: row.requestNo } },
  ]);
  return { ok: true as const };
}

export interface AppealInput {
  requestId: string;
  kind: AppealKind;
  outcome: AppealOutcome;
  filedOn: string;
  decidedOn: string | null;
  notes: string;
}

function checkAppealDates(ctx: ServiceContext, input: { filedOn: string; decidedOn: string | null; outcome: AppealOutcome }, receivedAt: string) {
  const today = cstDate(ctx.now());
  if (input.filedOn > today || (input.decidedOn && input.decidedOn > today)) throw badRequest('日期不能晚于今天');
  if (input.filedOn < receivedAt) throw badRequest('「提起日期」不能早于申请的收到日期');
  if (input.decidedOn && input.decidedOn < input.filedOn) throw badRequest('「审结日期」不能早于提起日期');
  if (input.outcome === 'pending' && input.decidedOn) throw badRequest('尚未审结的案件不应填写审结日期');
  if (input.outcome !== 'pending' && !input.decidedOn) throw badRequest('请填写「审结日期」');
}

export async function addAppeal(ctx: ServiceContext, actor: SessionUser, input: AppealInput) {
  const { db } = ctx.database;
  const row = await loadRequest(db, input.requestId);
  checkAppealDates(ctx, input, row.receivedAt);
  const id = crypto.randomUUID();
  const now = ctx.now();
  await commitChange(ctx, [db.insert(requestAppeals).values({ id, requestId: row.id, kind: input.kind, outcome: input.outcome, filedOn: input.filedOn, decidedOn: input.decidedOn, notes: input.notes, createdBy: actor.id, createdAt: now })], [
    { at: now, actorId: actor.id, action: 'request.appeal_added', detail: { requestId: row.id, appealId: id, kind: input.kind, outcome: input.outcome } },
  ]);
  return { id };
}

/** Records the outcome of a pending case when it is decided. */
export async function decideAppeal(ctx: ServiceContext, actor: SessionUser, input: { appealId: string; outcome: AppealOutcome; decidedOn: string; notes: string }) {
  const { db } = ctx.database;
  const [appeal] = await db.select().from(requestAppeals).where(eq(requestAppeals.id, input.appealId));
  if (!appeal) throw notFound('未找到该复议或诉讼记录');
  if (appeal.outcome !== 'pending') throw conflict('该案件已记录审结结果');
  if (input.outcome === 'pending') throw badRequest('请选择审结结果');
  const [req] = await db.select({ receivedAt: infoRequests.receivedAt }).from(infoRequests).where(eq(infoRequests.id, appeal.requestId));
  checkAppealDates(ctx, { filedOn: appeal.filedOn, decidedOn: input.decidedOn, outcome: input.outcome }, req!.receivedAt);
  const now = ctx.now();
  await commitChange(ctx, [db.update(requestAppeals).set({ outcome: input.outcome, decidedOn: input.decidedOn, notes: input.notes || appeal.notes }).where(and(eq(requestAppeals.id, appeal.id), eq(requestAppeals.outcome, 'pending')))], [
    { at: now, actorId: actor.id, action: 'request.appeal_decided', detail: { requestId: appeal.requestId, appealId: appeal.id, outcome: input.outcome } },
  ]);
  return { ok: true as const };
}
