import { count } from 'drizzle-orm';
import { categories, departments, users } from '../db/schema/index';
import { createDraft } from '../services/draft-service';
import { performReviewAction } from '../services/review-service';
import { loadDocument, loadOpenTasks, reviewState } from '../services/document-store';
import { loadSessionUser, type SessionUser } from '../services/users';
import { writeSetting, SETTING_KEYS } from '../services/settings';
import { FIVE_CHECKS } from '../../forms/disclosure';
import type { DraftDocumentInput } from '../../forms/index';
import { demoBureau, demoCategories, demoDocuments, type DemoDocument, type DemoStage } from './demo-content';
import { createUser } from './user-admin';
import type { ServiceContext } from '../services/service-context';

const ALL_CHECKS = Object.fromEntries(FIVE_CHECKS.map((k) => [k, true])) as Record<(typeof FIVE_CHECKS)[number], boolean>;
const DAY = 24 * 60 * 60 * 1000;

export async function isDatabaseEmpty(ctx: ServiceContext): Promise<boolean> {
  const [row] = await ctx.database.db.select({ n: count() }).from(users);
  return (row?.n ?? 0) === 0;
}

function toInput(doc: DemoDocument, categoryId: string, policyDocumentId: string | null): DraftDocumentInput {
  const redactions = doc.redactions.map((r) => {
    const start = doc.body.indexOf(r.passage);
    if (start < 0 || doc.body.indexOf(r.passage, start + 1) >= 0) throw new Error(`demo redaction must occur once: ${r.passage}`);
    return { start, end: start + r.passage.length, ground: r.ground, reason: r.reason };
  });
  return {
    title: doc.title, docNumber: doc.docNumber, categoryId, writtenAt: doc.writtenAt, body: doc.body,
    hasStatistics: doc.hasStatistics, isMajorMatter: doc.isMajorMatter, attribute: doc.attribute, channels: doc.channels,
    redactions, attributeReason: doc.attributeReason, legalGround: doc.legalGround, policyDocumentId,
  };
}

/** Whether a document at `status` has reached the demo stage it should stop at. */
function reached(stage: DemoStage, status: string, step: string): boolean {
  switch (stage) {
    case 'draft': return true;
    case 'submitted': return status !== 'draft';
    case 'at_secrecy': return step === 'secrecy_review';
    case 'at_leader': return step === 'leader_signoff';
    case 'awaiting_publication': return status === 'awaiting_publication' && step === 'publication';
    case 'returned': return status === 'returned';
    case 'published': case 'withdrawn': return status === 'published';
    case 'concluded': return status === 'concluded';
  }
}

/**
 * Drives one demo document through the real review services to its stage, so every demo
 * row has the same history, tasks and audit trail a real one would.
 */
async function driveToStage(ctx: ServiceContext, doc: DemoDocument, id: string, people: SessionUser[], drafter: SessionUser) {
  const act = async (user: SessionUser, input: Parameters<typeof performReviewAction>[2]) => performReviewAction(ctx, user, input);
  for (let guard = 0; guard < 20; guard++) {
    const row = await loadDocument(ctx.database.db, id);
    if (reached(doc.stage, row.status, row.currentStep)) break;
    if (row.status === 'draft') {
      await act(drafter, { documentId: id, expectedVersion: row.version, action: 'submit' });
      continue;
    }
    const [task] = await loadOpenTasks(ctx.database.db, id);
    if (!task) throw new Error(`demo document ${doc.key} stuck at ${row.currentStep}`);
    const acted = reviewState(row).context.acted.map((a) => a.userId);
    const candidates = people.filter((p) => (p.roles as string[]).includes(task.role) && p.id !== drafter.id);
    const reviewer = candidates.find((p) => !acted.includes(p.id)) ?? candidates[0];
    if (!reviewer) throw new Error(`no demo user for role ${task.role}`);
    if (doc.stage === 'returned' && task.step === 'legality_review') {
      await act(reviewer, { documentId: id, expectedVersion: row.version, action: 'return', taskId: task.id, target: 'draft', opinion: doc.returnOpinion ?? '请补充政策依据后重新提交。' });
    } else if (task.step === 'publication') {
      await act(reviewer, { documentId: id, expectedVersion: row.version, action: 'publish', taskId: task.id });
    } else {
      await act(reviewer, { documentId: id, expectedVersion: row.version, action: 'approve', taskId: task.id, opinion: '同意。', checks: ALL_CHECKS });
    }
  }
  if (doc.stage === 'withdrawn') {
    const row = await loadDocument(ctx.database.db, id);
    const publisher = people.find((p) => p.roles.includes('publisher'))!;
    await act(publisher, { documentId: id, expectedVersion: row.version, action: 'withdraw_publication', reason: doc.withdrawReason ?? '内容已调整，撤回原稿。' });
  }
}

/** Seeds the demo bureau into an empty database; does nothing on a database that has users. */
export async function seedDemoBureau(base: ServiceContext, password: string): Promise<{ seeded: boolean }> {
  if (!(await isDatabaseEmpty(base))) return { seeded: false };
  const { db } = base.database;
  await db.batch([
    writeSetting(db, SETTING_KEYS.bureauName, demoBureau.name),
    writeSetting(db, SETTING_KEYS.agencyCode, demoBureau.agencyCode),
    db.insert(departments).values(demoBureau.departments.map((d) => ({ id: crypto.randomUUID(), code: d.code, name: d.name }))),
    db.insert(categories).values(demoCategories.map((c) => ({ id: crypto.randomUUID(), ...c, requiresDisclosure: c.requiresDisclosure ?? false, clockRule: c.clockRule ?? null }))),
  ]);
  for (const u of demoBureau.users) {
    await createUser(base, { username: u.username, displayName: u.displayName, password, roles: u.roles, departmentCode: u.department });
  }
  const people: SessionUser[] = [];
  for (const row of await db.select({ id: users.id }).from(users)) {
    const user = await loadSessionUser(db, row.id);
    if (user) people.push(user);
  }
  const idsByKey = new Map<string, string>();
  const categoryIds = new Map((await db.select().from(categories)).map((c) => [c.code, c.id]));
  // In date order, so 索引号 sequence numbers follow publication order as they would in a real year.
  for (const doc of [...demoDocuments].sort((a, b) => a.writtenAt.localeCompare(b.writtenAt))) {
    // Each document lives on its own clock, starting at 09:30 CST on the day it was written.
    let clock = Date.parse(`${doc.writtenAt}T09:30:00+08:00`);
    const ctx: ServiceContext = { ...base, now: () => (clock += DAY / 8) };
    const drafter = people.find((p) => p.username === doc.drafter);
    const categoryId = categoryIds.get(doc.categoryCode);
    if (!drafter || !categoryId) throw new Error(`demo document ${doc.key}: unknown drafter or category`);
    const { id } = await createDraft(ctx, drafter, toInput(doc, categoryId, doc.policyKey ? (idsByKey.get(doc.policyKey) ?? null) : null));
    idsByKey.set(doc.key, id);
    await driveToStage(ctx, doc, id, people, drafter);
  }
  return { seeded: true };
}

