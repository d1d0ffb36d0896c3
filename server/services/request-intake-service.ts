/**
 * Requests coming in: the public form (online), staff registering a letter or an in-person
 * request, and the applicant's status look-up by number and secret code.
 */
import { eq } from 'drizzle-orm';
import { infoRequests } from '../db/schema/index';
import { fieldErrors, infoRequestFormSchema, type InfoRequestField, type InfoRequestForm } from '../../forms/info-request';
import { startRequest } from '../../workflows/requests/request-engine';
import { requestDeadlines } from '../../workflows/requests/request-clocks';
import { publicRequestStatus } from '../../workflows/requests/public-request-status';
import type { LocalizedText } from '../../workflows/definition';
import { loadWorkCalendar } from './calendar-service';
import { currentRequestFlow } from './workflow-definitions';
import { commitChange } from './commit';
import { badRequest, conflict } from './errors';
import { checkFormToken, takeRateLimit } from './public-form-guard';
import { hashSecretCode, insertRequestStatements, newSecretCode, REQUEST_NO_PATTERN, requestFlowOf, secretCodeMatches } from './request-store';
import { cstDate } from '../time';
import type { ServiceContext } from './service-context';
import type { SessionUser } from './users';

export interface Registered {
  id: string;
  requestNo: string;
  /** Shown once; only its hash is stored. */
  secretCode: string;
  receivedAt: string;
}

async function register(ctx: ServiceContext, input: { form: InfoRequestForm; channel: string; receivedAt: string; formNonce: string | null; actor: SessionUser | null }): Promise<Registered> {
  const { db } = ctx.database;
  const calendar = await loadWorkCalendar(ctx);
  const now = ctx.now();
  const id = crypto.randomUUID();
  const secretCode = newSecretCode();
  // A new request starts on the latest published request flow and stays on it.
  const flow = await currentRequestFlow(db);
  const state = startRequest(calendar, input.receivedAt, flow);
  const statements = insertRequestStatements(db, { id, form: input.form, channel: input.channel, receivedAt: input.receivedAt, secretCodeHash: hashSecretCode(secretCode), formNonce: input.formNonce, state, flow, registeredBy: input.actor?.id ?? null, now });
  try {
    // No personal data in the audit log: it is kept for ever and read widely.
    await commitChange(ctx, statements, [{ at: now, actorId: input.actor?.id ?? null, action: 'request.registered', toState: state.value, detail: { requestId: id, channel: input.channel, receivedAt: input.receivedAt, workflow: `${flow.key}@${flow.version}` } }]);
  } catch (error) {
    if (/UNIQUE constraint failed: info_requests\.form_nonce/.test(`${(error as Error).message} ${String((error as { cause?: unknown }).cause ?? '')}`)) throw conflict('该申请已经提交，请勿重复提交');
    throw error;
  }
  const [row] = await db.select({ requestNo: infoRequests.requestNo }).from(infoRequests).where(eq(infoRequests.id, id));
  return { id, requestNo: row!.requestNo, secretCode, receivedAt: input.receivedAt };
}

export type OnlineSubmission =
  | { ok: true; registered: Registered }
  | { ok: false; formError: string | null; fieldErrors: Partial<Record<InfoRequestField, string>> };

const FORM_REFUSED = '提交未成功，请刷新页面后重新填写并提交';

/**
 * The public form's POST. Order matters: the address limit first (cheapest, and it counts the
 * abusive tries too), then the honeypot and token, then the fields.
 */
export async function submitOnlineRequest(ctx: ServiceContext, input: { fields: Record<string, string>; token: string; honeypot: string; ip: string | null }): Promise<OnlineSubmission> {
  const { db } = ctx.database;
  const now = ctx.now();
  await takeRateLimit(db, 'apply', input.ip, now);
  if (input.honeypot.trim() !== '') return { ok: false, formError: FORM_REFUSED, fieldErrors: {} };
  const token = await checkFormToken(db, input.token, now);
  if (!token.ok) {
    const message = token.reason === 'too_fast' ? '提交过快，请核对填写内容后再次提交' : token.reason === 'expired' ? '页面已过期，请核对内容后再次提交' : FORM_REFUSED;
    return { ok: false, formError: message, fieldErrors: {} };
  }
  const parsed = infoRequestFormSchema.safeParse(input.fields);
  if (!parsed.success) return { ok: false, formError: null, fieldErrors: fieldErrors(parsed.error) };
  const registered = await register(ctx, { form: parsed.data, channel: 'online', receivedAt: cstDate(now), formNonce: token.nonce, actor: null });
  return { ok: true, registered };
}

/** Staff register a letter or an in-person request with the day it was received. */
export async function registerRequest(ctx: ServiceContext, actor: SessionUser, input: { form: InfoRequestForm; channel: 'letter' | 'in_person'; receivedAt: string }): Promise<Registered> {
  const today = cstDate(ctx.now());
  if (input.receivedAt > today) throw badRequest('「收到日期」不能晚于今天');
  if (input.receivedAt < `${Number(today.slice(0, 4)) - 1}-01-01`) throw badRequest('「收到日期」过早，请核对');
  return register(ctx, { form: input.form, channel: input.channel, receivedAt: input.receivedAt, formNonce: null, actor });
}

export interface PublicStatus {
  requestNo: string;
  /** What the applicant is told, from the step's kind in the pinned flow (never its internal label). */
  label: LocalizedText;
  receivedAt: string;
  replyDue: string | null;
  repliedAt: string | null;
  closedAt: string | null;
}

/**
 * What the applicant may see: the status and its dates, nothing else. An unknown number and
 * a wrong code give the same null, and both count toward the address's limit.
 */
export async function lookUpRequestStatus(ctx: ServiceContext, input: { requestNo: string; code: string; ip: string | null }): Promise<PublicStatus | null> {
  const { db } = ctx.database;
  await takeRateLimit(db, 'status', input.ip, ctx.now());
  const requestNo = input.requestNo.trim().toUpperCase();
  if (!REQUEST_NO_PATTERN.test(requestNo) || input.code.length > 40) return null;
  const [row] = await db.select().from(infoRequests).where(eq(infoRequests.requestNo, requestNo));
  // Hash anyway when the number is unknown, so the answer takes as long either way.
  const matches = secretCodeMatches(input.code, row?.secretCodeHash ?? '0'.repeat(64));
  if (!row || !matches) return null;
  const calendar = await loadWorkCalendar(ctx);
  const state = row.snapshot as { context: { clock: { name: string; date: string; days?: number }[] } };
  const shown = publicRequestStatus(await requestFlowOf(db, row), row.status);
  const due = row.closedAt || !shown.showReplyDue ? null : requestDeadlines(state.context.clock, calendar).reply.due;
  return { requestNo: row.requestNo, label: shown.label, receivedAt: row.receivedAt, replyDue: due, repliedAt: row.repliedAt, closedAt: row.closedAt };
}
