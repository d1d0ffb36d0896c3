/**
 * Notifications carry their facts as parameters (kind + title, step in both languages,
 * opinion, due date) so the list renders them in the reader's language; the Chinese message
 * stays for e-mail, and a row written before parameters existed still shows its message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { signInAll, type Clients } from '../support/review-driver';
import { categoryId, draftInput } from '../support/draft-input';
import { scanReminders } from '../../server/services/reminder-service';

// Monday 2026-11-30, 10:00 CST.
let clock = Date.parse('2026-11-30T10:00:00+08:00');
let server: TestServer;
let clients: Clients;
const TITLE = '关于调整城乡居民医保缴费标准的通知';
const OPINION = '请补充第三条的政策依据（内部意见）';
let documentId: string;

beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
  clients = await signInAll(server.url, ['drafter', 'legal', 'secrecy']);
}, 60_000);
afterAll(() => server?.close());

const itemsOf = async (username: string) => (await clients[username]!.trpc.notifications.list.query()).items.filter((n) => n.documentId === documentId);

describe('notification parameters', () => {
  it('gives a new task its title and the step in both languages, with the Chinese message kept', async () => {
    const created = await clients.drafter!.trpc.documents.create.mutate(draftInput(await categoryId(clients.drafter!, 'notice'), { title: TITLE }));
    documentId = created.id;
    await clients.drafter!.trpc.review.submit.mutate({ documentId, expectedVersion: created.version });
    const [note] = await itemsOf('legal');
    expect(note).toMatchObject({
      kind: 'task.new',
      message: `「${TITLE}」待您办理：合法性审查。`,
      params: { title: TITLE, step: { zh: '合法性审查', en: 'Legality review' } },
    });
  });

  it('gives a due reminder its due date', async () => {
    // Three working days later the legality review (3 working days) is overdue.
    clock = Date.parse('2026-12-08T10:00:00+08:00');
    clients = await signInAll(server.url, ['drafter', 'legal', 'secrecy']);
    await scanReminders(server.services);
    const due = (await clients.legal!.trpc.review.inbox.query()).find((t) => t.documentId === documentId)?.dueDate;
    expect(due).toMatch(/^2026-12-0\d$/);
    const reminder = (await itemsOf('legal')).find((n) => n.kind === 'task.overdue');
    expect(reminder).toMatchObject({ params: { title: TITLE, due }, message: `「${TITLE}」的审查任务已于 ${due} 超期，请尽快办理。` });
  });

  it('gives the drafter the opinion of a return, and nobody else', async () => {
    const doc = await clients.legal!.trpc.documents.get.query({ id: documentId });
    await clients.legal!.trpc.review.return.mutate({ documentId, expectedVersion: doc.version, taskId: doc.openTask!.id, opinion: OPINION, target: 'draft' });
    const [note] = await itemsOf('drafter');
    expect(note).toMatchObject({ kind: 'task.returned', params: { title: TITLE, opinion: OPINION } });
    for (const other of ['legal', 'secrecy']) expect(JSON.stringify(await clients[other]!.trpc.notifications.list.query())).not.toContain(OPINION);
    const { rows } = await server.services.database.client.execute({ sql: "SELECT DISTINCT u.username FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.params LIKE '%' || ? || '%'", args: [OPINION] });
    expect(rows.map((r) => r.username)).toEqual(['drafter']);
  });

  it('still serves a row written before parameters existed, with its message and no parameters', async () => {
    const { client } = server.services.database;
    await client.execute({
      sql: "INSERT INTO notifications (id, user_id, kind, document_id, message, created_at) SELECT 'legacy-1', id, 'task.new', ?, ?, ? FROM users WHERE username = 'secrecy'",
      args: [documentId, `「${TITLE}」待您办理：保密审查。`, clock],
    });
    const [legacy] = await itemsOf('secrecy');
    expect(legacy).toMatchObject({ id: 'legacy-1', kind: 'task.new', message: `「${TITLE}」待您办理：保密审查。`, params: null });
  });
});
