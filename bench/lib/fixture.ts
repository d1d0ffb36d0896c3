import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { readConfig } from '../../server/config';
import { createServices } from '../../server/bootstrap';
import { seedDemoBureau } from '../../server/seed/seed-demo';
import { categories, users } from '../../server/db/schema/index';
import { loadSessionUser, type SessionUser } from '../../server/services/users';
import { createDraft } from '../../server/services/draft-service';
import { performReviewAction } from '../../server/services/review-service';
import { loadOpenTasks } from '../../server/services/document-store';
import type { ServiceContext } from '../../server/services/service-context';
import { generateDocumentText, randomSource } from '../../server/seed/scale-text';

export const BENCH_PASSWORD = 'bench-password-2026';

/** The five steps an open document takes after submission, and who acts at each (demo users). */
export const FIVE_STEPS = [
  { step: 'legality_review', username: 'legal', action: 'approve' },
  { step: 'secrecy_review', username: 'secrecy', action: 'approve' },
  { step: 'leader_signoff', username: 'leader', action: 'approve' },
  { step: 'filing', username: 'publisher', action: 'approve' },
  { step: 'publication', username: 'publisher', action: 'publish' },
] as const;

export const ALL_CHECKS = { political: true, legal: true, policy: true, secrecy: true, wording: true };

// The drafts' bodies have a catalog's lengths, as seed-scale writes them (server/seed/scale-text.ts:
// ≈1,400 characters on average; one in seven a plan or rules of 3,000–8,000, which no longer fits
// its row's page, so every review step rewrites its overflow pages too), from a fixed seed, so
// every run drafts the same texts. BENCH_BODY=short: the one 184-character body every draft had
// in the figures before 2026-11-25.
const SHORT_BODY = [
  '为切实保障城乡困难群众基本生活，根据《社会救助暂行办法》有关规定，经市人民政府同意，现就调整我市城乡居民最低生活保障标准有关事项通知如下。',
  '一、自2026年7月1日起，城市低保标准由每人每月860元提高到每人每月900元，农村低保标准由每人每年8400元提高到每人每年8880元。',
  '三、各县（区）民政部门要做好标准调整后的资金测算和发放工作，确保按时足额发放到位。',
].join('\n\n');
const bodies = randomSource(20261125);
const nextBody = () => (process.env.BENCH_BODY === 'short' ? SHORT_BODY : generateDocumentText(bodies, 2026, 1, false).body);

export interface Fixture {
  dir: string;
  dbFile: string;
  services: ServiceContext;
  people: Map<string, SessionUser>;
  categoryId: string;
  close(): void;
}

/** A fresh libsql file (WAL, the server's own pragmas and migrations) seeded with the demo bureau. */
export async function freshFixture(options: { keep?: boolean } = {}): Promise<Fixture> {
  const dir = fs.mkdtempSync(path.join(process.env.BENCH_TMPDIR ?? os.tmpdir(), 'shenfa-bench-'));
  return openFixture(path.join(dir, 'shenfa.db'), { keep: options.keep ?? false });
}

/**
 * A fixture on a database file (created and seeded with the demo bureau if new; migrated if
 * older). `keep: true` leaves the file in place on close, so a large generated database can be
 * measured again later (BENCH_SCALE_DB).
 */
export async function openFixture(dbFile: string, options: { keep: boolean }): Promise<Fixture> {
  const dir = path.dirname(dbFile);
  const config = readConfig({ DATABASE_URL: `file:${dbFile}`, SHENFA_DATA_DIR: dir, SHENFA_CLIENT_DIR: path.resolve('dist/client'), PORT: '0', HOST: '127.0.0.1' });
  const services = await createServices(config);
  await seedDemoBureau(services, BENCH_PASSWORD);
  const { db } = services.database;
  const people = new Map<string, SessionUser>();
  for (const row of await db.select({ id: users.id }).from(users)) {
    const user = await loadSessionUser(db, row.id);
    if (user) people.set(user.username, user);
  }
  const [category] = await db.select({ id: categories.id }).from(categories).where(eq(categories.code, 'notice'));
  if (!category) throw new Error('no notice category seeded');
  return {
    dir,
    dbFile,
    services,
    people,
    categoryId: category.id,
    close() {
      services.database.close();
      if (!options.keep) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function person(fixture: Fixture, username: string): SessionUser {
  const user = fixture.people.get(username);
  if (!user) throw new Error(`no demo user ${username}`);
  return user;
}

/** Drafts and submits `count` open documents through the real services; returns their ids (now at legality review). */
export async function submittedDocuments(fixture: Fixture, count: number, titlePrefix = '基准测试文件'): Promise<string[]> {
  const drafter = person(fixture, 'drafter');
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const { id, version } = await createDraft(fixture.services, drafter, {
      title: `${titlePrefix}${i + 1}号`, docNumber: `清民〔2026〕${i + 1}号`, categoryId: fixture.categoryId, writtenAt: '2026-06-20', body: nextBody(),
      hasStatistics: false, isMajorMatter: false, attribute: 'open', channels: ['portal'], redactions: [], attributeReason: '', legalGround: null, policyDocumentId: null,
    });
    await performReviewAction(fixture.services, drafter, { documentId: id, expectedVersion: version, action: 'submit' });
    ids.push(id);
  }
  return ids;
}

export async function openTaskId(fixture: Fixture, documentId: string): Promise<string> {
  const [task] = await loadOpenTasks(fixture.services.database.db, documentId);
  if (!task) throw new Error(`no open task on ${documentId}`);
  return task.id;
}

type ReviewResult = Awaited<ReturnType<typeof performReviewAction>>;

/**
 * Takes a submitted document (version 2) through the five steps by the service layer, in
 * order. `step` runs each approval: it is given the step and the call, and times or counts
 * around it as the benchmark wants; the open task is looked up before, outside it (a client
 * already has the task id).
 */
export async function reviewToPublication(
  fixture: Fixture,
  documentId: string,
  step: (which: (typeof FIVE_STEPS)[number], approve: () => Promise<ReviewResult>) => Promise<ReviewResult> = (_, approve) => approve(),
): Promise<void> {
  let version = 2;
  for (const which of FIVE_STEPS) {
    const taskId = await openTaskId(fixture, documentId);
    const { action } = which;
    const input = action === 'publish' ? ({ documentId, expectedVersion: version, action, taskId } as const) : ({ documentId, expectedVersion: version, action, taskId, opinion: '同意', checks: ALL_CHECKS } as const);
    version = (await step(which, () => performReviewAction(fixture.services, person(fixture, which.username), input))).version;
  }
}
