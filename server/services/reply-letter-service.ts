/**
 * The reply letter (答复告知书): drafted from the template of its result, edited while a
 * draft, reviewed by someone other than its drafter, then sent with its date and delivery.
 * Drafting, review and sending are steps of the request machine, committed with the letter.
 */
import { eq } from 'drizzle-orm';
import { replyLetters, replyLetterTemplates } from '../db/schema/index';
import { DEFAULT_REPLY_TEMPLATES, fillTemplate, subReasonText } from '../../workflows/requests/reply-letter';
import { REPLY_RESULTS, type DeliveryMethod, type ReplyResult, type ReplySubReason } from '../../workflows/requests/request-vocabulary';
import { commitChange } from './commit';
import { conflict } from './errors';
import { applyRequestEvent, assertStepDate } from './request-handling-service';
import { loadRequest, requestState } from './request-store';
import { readSetting, SETTING_KEYS } from './settings';
import { infoRequests } from '../db/schema/index';
import type { Db } from '../db/client';
import type { ServiceContext } from './service-context';
import type { SessionUser } from './users';

/** Every result's template: the admin's version where saved, else the default. */
export async function listReplyTemplates(ctx: ServiceContext) {
  const saved = await ctx.database.db.select().from(replyLetterTemplates);
  return REPLY_RESULTS.map((result) => {
    const row = saved.find((t) => t.result === result);
    return { result, title: row?.title ?? DEFAULT_REPLY_TEMPLATES[result].title, body: row?.body ?? DEFAULT_REPLY_TEMPLATES[result].body, customised: Boolean(row), updatedAt: row?.updatedAt ?? null };
  });
}

async function templateFor(db: Db, result: ReplyResult) {
  const [row] = await db.select().from(replyLetterTemplates).where(eq(replyLetterTemplates.result, result));
  return row ?? DEFAULT_REPLY_TEMPLATES[result];
}

export async function saveReplyTemplate(ctx: ServiceContext, actor: SessionUser, input: { result: ReplyResult; title: string; body: string }) {
  const { db } = ctx.database;
  const now = ctx.now();
  const values = { result: input.result, title: input.title, body: input.body, updatedBy: actor.id, updatedAt: now };
  await commitChange(ctx, [db.insert(replyLetterTemplates).values(values).onConflictDoUpdate({ target: replyLetterTemplates.result, set: values })], [
    { at: now, actorId: actor.id, action: 'request.template_saved', detail: { result: input.result } },
  ]);
  return { ok: true as const };
}

/** Drafts (or re-drafts) the reply: the machine records the result, the letter is filled from its template. */
export async function draftReply(ctx: ServiceContext, actor: SessionUser, input: { requestId: string; expectedVersion: number; date: string; result: ReplyResult; subReason: ReplySubReason | null }) {
  const { db } = ctx.database;
  const row = await loadRequest(db, input.requestId);
  const template = await templateFor(db, input.result);
  const bureau = await readSetting(db, SETTING_KEYS.bureauName);
  const fill = (text: string) =>
    fillTemplate(text, {
      申请人: row.organisationName || row.applicantName,
      申请编号: row.requestNo,
      收到日期: row.receivedAt,
      申请内容: row.description,
      具体情形: subReasonText(input.subReason),
      答复日期: input.date,
      机关名称: bureau,
    });
  const now = ctx.now();
  const letter = { requestId: row.id, result: input.result, subReason: input.subReason, title: fill(template.title), body: fill(template.body), status: 'draft', draftedBy: actor.id, reviewedBy: null, reviewedAt: null, sentOn: null, deliveryMethod: null, updatedAt: now };
  return applyRequestEvent(ctx, actor, row, input.expectedVersion, { type: 'DRAFT_REPLY', result: input.result, subReason: input.subReason, date: input.date, actor }, '', {
    extra: (d) => [d.insert(replyLetters).values(letter).onConflictDoUpdate({ target: replyLetters.requestId, set: letter })],
    auditDetail: { result: input.result, subReason: input.subReason },
  });
}

/** Edits the letter's text while it is a draft; a reviewed letter must be re-drafted. */
export async function editReplyLetter(ctx: ServiceContext, actor: SessionUser, input: { requestId: string; expectedVersion: number; title: string; body: string }) {
  const { db } = ctx.database;
  const row = await loadRequest(db, input.requestId);
  if (row.version !== input.expectedVersion) throw conflict('该申请已被他人处理，请刷新后重试');
  // Editable while no review has passed since the last drafting, whatever the flow version calls the step.
  const reply = requestState(row).context.reply;
  if (row.closedAt || !reply || reply.reviewedBy !== null) throw conflict('只有待审核的答复书可以修改；已审核的请重新起草');
  const now = ctx.now();
  await commitChange(
    ctx,
    [
      // The request's version moves too, so a reviewer holding the old text cannot approve it.
      db.update(infoRequests).set({ version: row.version + 1, updatedAt: now }).where(eq(infoRequests.id, row.id)),
      db.update(replyLetters).set({ title: input.title, body: input.body, draftedBy: actor.id, updatedAt: now }).where(eq(replyLetters.requestId, row.id)),
    ],
    [{ at: now, actorId: actor.id, action: 'request.letter_edited', detail: { requestId: row.id, requestNo: row.requestNo } }],
    '该申请已被他人处理，请刷新后重试',
  );
  return { version: row.version + 1 };
}

export async function reviewReply(ctx: ServiceContext, actor: SessionUser, input: { requestId: string; expectedVersion: number; date: string }) {
  const row = await loadRequest(ctx.database.db, input.requestId);
  const now = ctx.now();
  return applyRequestEvent(ctx, actor, row, input.expectedVersion, { type: 'REVIEW_REPLY', date: input.date, actor }, '', {
    extra: (d) => [d.update(replyLetters).set({ status: 'reviewed', reviewedBy: actor.id, reviewedAt: now, updatedAt: now }).where(eq(replyLetters.requestId, row.id))],
  });
}

export async function sendReply(ctx: ServiceContext, actor: SessionUser, input: { requestId: string; expectedVersion: number; date: string; deliveryMethod: DeliveryMethod }) {
  assertStepDate(ctx, input.date);
  const row = await loadRequest(ctx.database.db, input.requestId);
  const now = ctx.now();
  return applyRequestEvent(ctx, actor, row, input.expectedVersion, { type: 'SEND_REPLY', date: input.date, actor }, '', {
    extra: (d) => [d.update(replyLetters).set({ status: 'sent', sentOn: input.date, deliveryMethod: input.deliveryMethod, updatedAt: now }).where(eq(replyLetters.requestId, row.id))],
    auditDetail: { deliveryMethod: input.deliveryMethod },
  });
}
