import { and, asc, eq, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import { documents, mailDigests, notifications, users } from '../db/schema/index';
import { cstDate, cstDateTime } from '../time';
import type { ServiceContext } from './service-context';
import { loadNodemailer } from '../lazy-packages';

/** The one thing the mail jobs need from a transport; nodemailer's fits, tests may pass their own. */
export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
}

/** Digests go out from this hour (CST) on, once per user and day. */
export const DIGEST_HOUR_CST = 8;
const BATCH = 50;

let cached: { url: string; transport: MailTransport } | null = null;

/**
 * The SMTP transport of the configuration, or null when e-mail is not configured. nodemailer
 * is loaded here, on the first mail, not when the server starts (server/lazy-packages.ts).
 */
export async function configuredTransport(ctx: ServiceContext): Promise<MailTransport | null> {
  const url = ctx.config.smtpUrl;
  if (!url) return null;
  if (cached?.url !== url) cached = { url, transport: (await loadNodemailer()).createTransport(url) };
  return cached.transport;
}

function documentLink(ctx: ServiceContext, documentId: string | null): string {
  if (!documentId || !ctx.config.publicUrl) return '';
  return `\n${ctx.config.publicUrl}/documents/${documentId}`;
}

const FOOTER = '\n\n——\n此邮件由审发系统自动发送。可在「通知」页面更改邮件提醒方式。';

/**
 * Sends the notifications of users who want them at once. A row is claimed (emailed_at set)
 * before sending and released if the SMTP server refuses, so a failure is retried on the
 * next run and two processes never mail the same row; a crash between claim and send loses
 * that one e-mail, never the in-app notification. `given`: the transport to use (null for none);
 * omitted, the configured one.
 */
export async function sendInstantMail(ctx: ServiceContext, given?: MailTransport | null): Promise<{ sent: number; failed: number }> {
  const transport = given === undefined ? await configuredTransport(ctx) : given;
  if (!transport) return { sent: 0, failed: 0 };
  const { db } = ctx.database;
  const rows = await db
    .select({ id: notifications.id, message: notifications.message, documentId: notifications.documentId, createdAt: notifications.createdAt, email: users.email, title: documents.title })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .leftJoin(documents, eq(documents.id, notifications.documentId))
    .where(and(isNull(notifications.emailedAt), isNull(notifications.readAt), eq(users.emailMode, 'instant'), isNotNull(users.email), eq(users.disabled, false)))
    .orderBy(asc(notifications.createdAt))
    .limit(BATCH);
  let sent = 0;
  let failed = 0;
  for (const row of rows) {
    const now = ctx.now();
    const claim = await db.update(notifications).set({ emailedAt: now }).where(and(eq(notifications.id, row.id), isNull(notifications.emailedAt)));
    if (claim.rowsAffected !== 1) continue;
    try {
      await transport.sendMail({
        from: ctx.config.mailFrom,
        to: row.email!,
        subject: `【审发】${row.title ? `「${row.title}」` : ''}${subjectOf(row.message)}`,
        text: `${row.message}${documentLink(ctx, row.documentId)}\n\n${cstDateTime(row.createdAt)}${FOOTER}`,
      });
      sent++;
    } catch (error) {
      failed++;
      await db.update(notifications).set({ emailedAt: null }).where(eq(notifications.id, row.id));
      console.error('[mail] send failed:', error instanceof Error ? error.message : error);
    }
  }
  return { sent, failed };
}

/** A short subject from the message's kind of news. */
function subjectOf(message: string): string {
  if (message.includes('退回')) return '被退回修改';
  if (message.includes('超期')) return '已超期';
  if (message.includes('到期')) return '即将到期';
  return '有新的待办';
}

/**
 * From 08:00 CST, one e-mail per digest user with what they have not read and not yet been
 * mailed. The (user, day) row is the claim: written before sending, so the digest goes out
 * once across processes; removed again if sending fails, so a later run retries. `given` as
 * for sendInstantMail.
 */
export async function sendDailyDigests(ctx: ServiceContext, given?: MailTransport | null): Promise<{ sent: number }> {
  const transport = given === undefined ? await configuredTransport(ctx) : given;
  if (!transport) return { sent: 0 };
  const now = ctx.now();
  const hourCst = new Date(now + 8 * 3600_000).getUTCHours();
  if (hourCst < DIGEST_HOUR_CST) return { sent: 0 };
  const day = cstDate(now);
  const { db } = ctx.database;
  const people = await db
    .select({ id: users.id, email: users.email, name: users.displayName })
    .from(users)
    .where(and(eq(users.emailMode, 'digest'), isNotNull(users.email), eq(users.disabled, false)));
  let sent = 0;
  for (const person of people) {
    const items = await db
      .select({ id: notifications.id, message: notifications.message, documentId: notifications.documentId, createdAt: notifications.createdAt })
      .from(notifications)
      .where(and(eq(notifications.userId, person.id), isNull(notifications.emailedAt), isNull(notifications.readAt), lte(notifications.createdAt, now)))
      .orderBy(asc(notifications.createdAt))
      .limit(200);
    if (items.length === 0) continue;
    const claimed = await db.insert(mailDigests).values({ userId: person.id, day, sentAt: now, count: items.length }).onConflictDoNothing();
    if (claimed.rowsAffected !== 1) continue;
    const lines = items.map((n, i) => `${i + 1}. ${n.message}${documentLink(ctx, n.documentId)}`);
    try {
      await transport.sendMail({
        from: ctx.config.mailFrom,
        to: person.email!,
        subject: `【审发】${day} 待办摘要（${items.length} 条）`,
        text: `${person.name}，您好：\n\n以下是您尚未查看的 ${items.length} 条提醒：\n\n${lines.join('\n')}${FOOTER}`,
      });
      await db.update(notifications).set({ emailedAt: now }).where(inArray(notifications.id, items.map((n) => n.id)));
      sent++;
    } catch (error) {
      await db.delete(mailDigests).where(and(eq(mailDigests.userId, person.id), eq(mailDigests.day, day)));
      console.error('[mail] digest failed:', error instanceof Error ? error.message : error);
    }
  }
  return { sent };
}
