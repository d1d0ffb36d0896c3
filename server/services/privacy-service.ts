import { eq, sql } from 'drizzle-orm';
import { documents, privacyJustifications } from '../db/schema/index';
import { maskHit, scanPersonalData, type PersonalDataHit } from '../../forms/index';
import { currentStep } from '../../workflows/index';
import { commitChange } from './commit';
import { badRequest, conflict, forbidden } from './errors';
import { loadDocument, loadOpenTasks, loadRedactions, reviewState, type DocumentRow } from './document-store';
import { isTaskFor } from './access';
import { pinnedDefinition } from './workflow-definitions';
import type { Db } from '../db/client';
import { preparedQuery } from '../db/prepared';
import type { ServiceContext } from './service-context';
import type { SessionUser } from './users';

/** The role whose step resolves personal-data hits (保密审查). */
export const PRIVACY_ROLE = 'secrecy';

export interface PrivacyFinding extends PersonalDataHit {
  masked: string;
  justification: string | null;
}

/** Hits in the text the public would see (inside a redaction they are already removed), with any written justification. */
export async function privacyFindings(
  db: Db,
  doc: Pick<DocumentRow, 'id' | 'body'>,
  // Callers that already loaded the redactions pass them, sparing a query.
  redactionList?: readonly { start: number; end: number }[],
): Promise<PrivacyFinding[]> {
  const hits = scanPersonalData(doc.body);
  // Most documents hold no personal data: then there is nothing to look up.
  if (!hits.length) return [];
  const ranges = redactionList ?? (await loadRedactions(db, doc.id));
  // The secrecy approval and the publication of such a document ask this: prepared once per database.
  const justifications = await preparedQuery(db, 'privacyJustifications.byDocument', (d) =>
    d.select({ text: privacyJustifications.text, note: privacyJustifications.note }).from(privacyJustifications).where(eq(privacyJustifications.documentId, sql.placeholder('documentId'))).prepare(),
  ).all({ documentId: doc.id });
  const notes = new Map(justifications.map((j) => [j.text, j.note]));
  return hits
    .filter((hit) => !ranges.some((r) => r.start <= hit.start && hit.end <= r.end))
    .map((hit) => ({ ...hit, masked: maskHit(hit), justification: notes.get(hit.text) ?? null }));
}

/** Refuses to go on while a hit is neither masked nor justified in writing. */
export async function assertPrivacyResolved(db: Db, doc: Pick<DocumentRow, 'id' | 'body'>): Promise<void> {
  const open = (await privacyFindings(db, doc)).filter((f) => f.justification === null);
  if (open.length > 0) {
    throw badRequest(`正文中有 ${open.length} 处疑似未脱敏个人信息（如 ${open[0]!.masked}），请遮盖或书面说明保留理由后再继续`);
  }
}

/** Only the person holding the open secrecy-review task resolves hits. */
export async function requireSecrecyTask(ctx: ServiceContext, actor: SessionUser, documentId: string, expectedVersion: number) {
  const { db } = ctx.database;
  const doc = await loadDocument(db, documentId);
  if (doc.version !== expectedVersion) throw conflict('文件已被修改，请刷新后重试');
  const holds = (await loadOpenTasks(db, doc.id)).some((t) => isTaskFor(actor, t));
  const step = currentStep(await pinnedDefinition(db, doc.workflowKey, doc.workflowVersion), reviewState(doc));
  if (!holds || step?.role !== PRIVACY_ROLE || doc.drafterId === actor.id) throw forbidden('只有当前保密审查人员可以处理个人信息');
  return doc;
}

function findHit(findings: PrivacyFinding[], start: number, text: string): PrivacyFinding {
  const hit = findings.find((f) => f.start === start && f.text === text);
  if (!hit) throw conflict('该处个人信息已变化，请刷新后重试');
  return hit;
}

/** One-click masking: replaces the hit with its mask of the same length, so redaction offsets stay valid. */
export async function maskPrivacyHit(ctx: ServiceContext, actor: SessionUser, input: { documentId: string; expectedVersion: number; start: number; text: string }) {
  const doc = await requireSecrecyTask(ctx, actor, input.documentId, input.expectedVersion);
  const { db } = ctx.database;
  const hit = findHit(await privacyFindings(db, doc), input.start, input.text);
  const body = doc.body.slice(0, hit.start) + hit.masked + doc.body.slice(hit.end);
  const now = ctx.now();
  await commitChange(
    ctx,
    [db.update(documents).set({ body, version: doc.version + 1, updatedAt: now }).where(eq(documents.id, doc.id))],
    // The audit keeps the mask, never the personal data itself.
    [{ at: now, actorId: actor.id, documentId: doc.id, action: 'privacy.masked', fromState: doc.currentStep, toState: doc.currentStep, detail: { kind: hit.kind, masked: hit.masked } }],
    '文件已被修改，请刷新后重试',
  );
  return { version: doc.version + 1 };
}

/** Keeps a hit with a written reason (e.g. the office's public hotline). */
export async function justifyPrivacyHit(ctx: ServiceContext, actor: SessionUser, input: { documentId: string; expectedVersion: number; start: number; text: string; note: string }) {
  const doc = await requireSecrecyTask(ctx, actor, input.documentId, input.expectedVersion);
  const { db } = ctx.database;
  const hit = findHit(await privacyFindings(db, doc), input.start, input.text);
  const now = ctx.now();
  await commitChange(
    ctx,
    [
      db.update(documents).set({ version: doc.version + 1, updatedAt: now }).where(eq(documents.id, doc.id)),
      db.insert(privacyJustifications).values({ id: crypto.randomUUID(), documentId: doc.id, kind: hit.kind, text: hit.text, note: input.note, userId: actor.id, createdAt: now }).onConflictDoNothing(),
    ],
    [{ at: now, actorId: actor.id, documentId: doc.id, action: 'privacy.justified', fromState: doc.currentStep, toState: doc.currentStep, detail: { kind: hit.kind, masked: hit.masked, note: input.note } }],
    '文件已被修改，请刷新后重试',
  );
  return { version: doc.version + 1 };
}

