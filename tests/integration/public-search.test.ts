import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { signInAll, driveThroughReview, type Clients } from '../support/review-driver';
import { BODY, SECRET_PASSAGE, categoryId, draftInput, partialOverrides } from '../support/draft-input';
import { searchStaff } from '../../server/services/search-service';
import { createDraft } from '../../server/services/draft-service';
import { loadSessionUser } from '../../server/services/users';
import { users } from '../../server/db/schema/index';
import { eq } from 'drizzle-orm';

let server: TestServer;
let clients: Clients;
let cat: string;

async function draft(overrides: Parameters<typeof draftInput>[1], publish: boolean) {
  const { id, version } = await clients.drafter!.trpc.documents.create.mutate(draftInput(cat, overrides));
  if (!publish) return id;
  await clients.drafter!.trpc.review.submit.mutate({ documentId: id, expectedVersion: version });
  await driveThroughReview(clients, id);
  return id;
}

async function publicSearch(q: string) {
  const response = await fetch(`${server.url}/public/search?q=${encodeURIComponent(q)}`);
  expect(response.status).toBe(200);
  return response.text();
}

beforeAll(async () => {
  server = await startTestServer();
  clients = await signInAll(server.url, ['drafter', 'stats', 'legal', 'secrecy', 'leader', 'director', 'publisher']);
  cat = await categoryId(clients.drafter!, 'notice');
  await draft({ title: '翡翠湖片区临时救助公告', body: `${BODY}\n\n翡翠湖片区补贴按季度发放。` }, true);
  await draft({ title: '删减公开的救助名单说明', ...partialOverrides() }, true);
  await draft({ title: '琥珀山依申请公开事项', attribute: 'on_request', attributeReason: '仅涉及特定申请人，依申请提供', channels: [], body: `${BODY}\n\n琥珀山专项计划细节。` }, true);
  await draft({ title: '玛瑙岭内部人事安排', attribute: 'non_public', attributeReason: '属于内部人事安排', legalGround: 'internal_affairs', channels: [], body: `${BODY}\n\n玛瑙岭人事调整方案。` }, true);
  await draft({ title: '珊瑚湾草案', body: `${BODY}\n\n珊瑚湾草案尚未提交。` }, false);
});
afterAll(() => server.close());

describe('public full-text search', () => {
  it('finds published text by two-character words and longer phrases, in titles and bodies', async () => {
    expect(await publicSearch('翡翠')).toContain('翡翠湖片区临时救助公告');
    expect(await publicSearch('按季度发放')).toContain('翡翠湖片区临时救助公告');
    expect(await publicSearch('低保')).toContain('翡翠湖片区临时救助公告');
    // The partial document is found by its public text.
    expect(await publicSearch('三、各县')).toContain('删减公开的救助名单说明');
  });

  it('never returns redacted passages, on-request, non-public or unpublished documents', async () => {
    for (const q of ['张某某', '13812345678', '11010519491231002X', '琥珀山', '玛瑙岭', '人事调整', '珊瑚湾']) {
      const html = await publicSearch(q);
      expect(html, q).toContain('未找到');
      expect(html).not.toContain('删减公开的救助名单说明');
      expect(html).not.toContain('琥珀山依申请公开事项');
      expect(html).not.toContain('玛瑙岭内部人事安排');
      expect(html).not.toContain('珊瑚湾草案</a>');
    }
    expect(await publicSearch(SECRET_PASSAGE)).toContain('未找到');
  });

  it('treats search syntax as plain words and answers an empty query without error', async () => {
    expect(await publicSearch('" OR * NEAR(')).toContain('未找到');
    expect(await publicSearch('')).toContain('请输入检索词');
  });

  it('lets staff search the full text of documents they may open, and only those', async () => {
    const { db } = server.services.database;
    const userOf = async (username: string) => {
      const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
      return (await loadSessionUser(db, row!.id))!;
    };
    const drafterHits = await searchStaff(server.services, await userOf('drafter'), '珊瑚湾');
    expect(drafterHits.map((h) => h.title)).toEqual(['珊瑚湾草案']);
    // The legality reviewer acted on the non-public document, so may find it; nobody finds another's draft.
    expect((await searchStaff(server.services, await userOf('legal'), '玛瑙岭')).map((h) => h.title)).toEqual(['玛瑙岭内部人事安排']);
    expect(await searchStaff(server.services, await userOf('legal'), '珊瑚湾')).toEqual([]);
  });

  it('reads further hits when the first ones are documents the user may not open', async () => {
    const { db } = server.services.database;
    const userOf = async (username: string) => {
      const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
      return (await loadSessionUser(db, row!.id))!;
    };
    const [drafter, drafter2] = [await userOf('drafter'), await userOf('drafter2')];
    // 45 of drafter's drafts say 石榴港 often (they rank first); drafter2's three say it once.
    for (let i = 0; i < 45; i++) await createDraft(server.services, drafter, draftInput(cat, { title: `石榴港草案${i}`, body: `石榴港 石榴港 石榴港 石榴港。${BODY}` }));
    for (let i = 0; i < 3; i++) await createDraft(server.services, drafter2, draftInput(cat, { title: `第二科室草案${i}`, body: `${BODY}\n\n${BODY}\n\n附：石榴港。` }));
    expect((await searchStaff(server.services, drafter2, '石榴港')).map((h) => h.title).sort()).toEqual(['第二科室草案0', '第二科室草案1', '第二科室草案2']);
    expect(await searchStaff(server.services, drafter, '石榴港')).toHaveLength(20);
  });
});
