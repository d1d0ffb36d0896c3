/**
 * E-mail notifications against a real SMTP server started by the test (smtp-server): a
 * reviewer gets a mail when a task reaches them, a drafter on a digest gets one summary mail
 * a day from 08:00 CST, nothing is mailed twice, and an SMTP failure is retried.
 */
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { failure } from '../support/api-client';
import { actOnCurrentStep, signInAll, type Clients } from '../support/review-driver';
import { categoryId, draftInput } from '../support/draft-input';
import { sendDailyDigests, sendInstantMail } from '../../server/services/mail-service';

const inbox: ParsedMail[] = [];
let refuseNext = 0;
let smtp: SMTPServer;
let server: TestServer;
let clients: Clients;
// Monday 2026-11-30, 07:00 CST: before the digest hour.
let clock = Date.parse('2026-11-30T07:00:00+08:00');

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      if (refuseNext > 0) {
        refuseNext--;
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('mailbox busy'), { responseCode: 451 })));
        return;
      }
      simpleParser(stream).then((mail) => {
        inbox.push(mail);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  server = await startTestServer({ now: () => clock, env: { SHENFA_SMTP_URL: `smtp://127.0.0.1:${port}`, SHENFA_MAIL_FROM: '审发 <shenfa@qingyuan.gov.cn>', SHENFA_PUBLIC_URL: 'https://shenfa.qingyuan.gov.cn' } });
  clients = await signInAll(server.url, ['drafter', 'stats', 'legal', 'secrecy', 'leader', 'director', 'publisher']);
  await clients.legal!.trpc.notifications.setMailSettings.mutate({ email: 'legal@qingyuan.gov.cn', mode: 'instant' });
  await clients.drafter!.trpc.notifications.setMailSettings.mutate({ email: 'drafter@qingyuan.gov.cn', mode: 'digest' });
  await clients.secrecy!.trpc.notifications.setMailSettings.mutate({ email: 'secrecy@qingyuan.gov.cn', mode: 'off' });
}, 60_000);
afterAll(async () => {
  await server?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const mailTo = (address: string) => inbox.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((t) => t?.text.includes(address)));

describe('e-mail notifications', () => {
  let documentId: string;

  it('mails the legality reviewer when a document reaches them, once', async () => {
    const created = await clients.drafter!.trpc.documents.create.mutate(draftInput(await categoryId(clients.drafter!, 'notice'), { title: '关于做好冬季低保资金发放的通知' }));
    documentId = created.id;
    await clients.drafter!.trpc.review.submit.mutate({ documentId, expectedVersion: created.version });
    const inApp = await clients.legal!.trpc.notifications.list.query();
    expect(JSON.stringify(inApp)).toContain('待您办理：合法性审查');
    expect(await sendInstantMail(server.services)).toEqual({ sent: 1, failed: 0 });
    const [mail] = mailTo('legal@qingyuan.gov.cn');
    expect(mail!.subject).toBe('【审发】「关于做好冬季低保资金发放的通知」有新的待办');
    expect(mail!.from?.text).toContain('shenfa@qingyuan.gov.cn');
    expect(mail!.text).toContain(`https://shenfa.qingyuan.gov.cn/documents/${documentId}`);
    // The drafter is on the digest and the others have no address: nobody else got mail.
    expect(inbox).toHaveLength(1);
    expect(await sendInstantMail(server.services)).toEqual({ sent: 0, failed: 0 });
  });

  it('retries after the SMTP server refuses', async () => {
    const doc = await clients.legal!.trpc.documents.get.query({ id: documentId });
    refuseNext = 1;
    await clients.legal!.trpc.review.return.mutate({ documentId, expectedVersion: doc.version, taskId: doc.openTask!.id, opinion: '请补充政策依据', target: 'draft' });
    const drafterNotes = await clients.drafter!.trpc.notifications.list.query();
    expect(JSON.stringify(drafterNotes)).toContain('被退回修改。意见：请补充政策依据');
    // The drafter takes a digest: nothing instant for them.
    expect(await sendInstantMail(server.services)).toEqual({ sent: 0, failed: 0 });
  });

  it('sends the drafter one digest a day from 08:00 CST, and retries it after a failure', async () => {
    expect(await sendDailyDigests(server.services)).toEqual({ sent: 0 });
    clock = Date.parse('2026-11-30T08:05:00+08:00');
    refuseNext = 1;
    expect(await sendDailyDigests(server.services)).toEqual({ sent: 0 });
    expect(await sendDailyDigests(server.services)).toEqual({ sent: 1 });
    expect(await sendDailyDigests(server.services)).toEqual({ sent: 0 });
    const [digest] = mailTo('drafter@qingyuan.gov.cn');
    expect(digest!.subject).toBe('【审发】2026-11-30 待办摘要（1 条）');
    expect(digest!.text).toContain('被退回修改。意见：请补充政策依据');
  });

  it('validates the address and keeps each user to their own settings', async () => {
    const bad = await failure(clients.legal!.trpc.notifications.setMailSettings.mutate({ email: 'not-an-address', mode: 'instant' }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.message).toContain('电子邮箱');
    expect(await clients.legal!.trpc.notifications.mailSettings.query()).toEqual({ email: 'legal@qingyuan.gov.cn', mode: 'instant', smtpConfigured: true });
    expect(await clients.stats!.trpc.notifications.mailSettings.query()).toMatchObject({ email: '', mode: 'instant' });
  });

  it('mails each holder who wants it, and no one who chose no e-mail', async () => {
    const doc = await clients.drafter!.trpc.documents.get.query({ id: documentId });
    await clients.drafter!.trpc.review.submit.mutate({ documentId, expectedVersion: doc.version });
    await actOnCurrentStep(clients, documentId); // legal approves → secrecy review
    const secrecyNotes = await clients.secrecy!.trpc.notifications.list.query();
    expect(JSON.stringify(secrecyNotes)).toContain('待您办理：保密审查');
    const before = inbox.length;
    expect(await sendInstantMail(server.services)).toEqual({ sent: 1, failed: 0 });
    // Only the resubmission's task for legal; secrecy chose "off" and is notified in the app only.
    expect(inbox.slice(before).map((m) => m.subject)).toEqual(['【审发】「关于做好冬季低保资金发放的通知」有新的待办']);
    expect(mailTo('secrecy@qingyuan.gov.cn')).toEqual([]);
  });
});
