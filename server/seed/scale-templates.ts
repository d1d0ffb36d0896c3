import { createDraft } from '../services/draft-service';
import { performReviewAction } from '../services/review-service';
import { loadDocument, loadOpenTasks, reviewState } from '../services/document-store';
import type { SessionUser } from '../services/users';
import { FIVE_CHECKS, type DisclosureAttribute, type LegalGround } from '../../forms/disclosure';
import { generateDocumentText, randomSource } from './scale-text';
import type { Row, Value } from './bulk-loader';
import type { ServiceContext } from '../services/service-context';

/**
 * The document templates of seed-scale: one real document per stage (draft, at each review
 * step, published, concluded, returned) driven through the real review services, and every
 * row it made read back, to be copied with new text, ids and times.
 */

const ALL_CHECKS = Object.fromEntries(FIVE_CHECKS.map((k) => [k, true])) as Record<(typeof FIVE_CHECKS)[number], boolean>;

export type Stage = 'draft' | 'legality_review' | 'secrecy_review' | 'leader_signoff' | 'awaiting_publication' | 'published' | 'concluded' | 'returned';

export interface TemplateSpec { key: string; stage: Stage; attribute: DisclosureAttribute; weight: number }

/** Roughly a bureau's year: most items published, a tail still in review or in drafting. */
export const TEMPLATES: TemplateSpec[] = [
  { key: 'published_open', stage: 'published', attribute: 'open', weight: 55 },
  { key: 'published_partial', stage: 'published', attribute: 'partial', weight: 10 },
  { key: 'concluded_on_request', stage: 'concluded', attribute: 'on_request', weight: 5 },
  { key: 'concluded_non_public', stage: 'concluded', attribute: 'non_public', weight: 3 },
  { key: 'at_legality', stage: 'legality_review', attribute: 'open', weight: 6 },
  { key: 'at_secrecy', stage: 'secrecy_review', attribute: 'open', weight: 4 },
  { key: 'at_leader', stage: 'leader_signoff', attribute: 'open', weight: 4 },
  { key: 'awaiting_publication', stage: 'awaiting_publication', attribute: 'open', weight: 3 },
  { key: 'returned', stage: 'returned', attribute: 'open', weight: 3 },
  { key: 'draft', stage: 'draft', attribute: 'open', weight: 7 },
];

export interface Template {
  spec: TemplateSpec;
  document: Row;
  tasks: Row[];
  records: Row[];
  redactions: Row[];
  audit: Row[];
}

function reached(stage: Stage, status: string, step: string): boolean {
  if (stage === 'draft') return true;
  if (stage === 'awaiting_publication') return status === 'awaiting_publication';
  if (stage === 'published' || stage === 'concluded' || stage === 'returned') return status === stage;
  return step === stage;
}

export async function rows(ctx: ServiceContext, sql: string, args: Value[]): Promise<Row[]> {
  const result = await ctx.database.client.execute({ sql, args });
  return result.rows.map((r) => Object.fromEntries(result.columns.map((c) => [c, r[c] as Value])));
}

/** Drives one document to `spec.stage` through the real services and reads back every row it made. */
export async function buildTemplate(base: ServiceContext, spec: TemplateSpec, people: SessionUser[], categoryId: string): Promise<Template> {
  let clock = Date.parse('2026-03-02T09:30:00+08:00');
  const ctx: ServiceContext = { ...base, now: () => (clock += 3 * 60 * 60 * 1000) };
  const drafter = people.find((p) => p.roles.includes('drafter'))!;
  const text = generateDocumentText(randomSource(7), 2026, 1, spec.attribute === 'partial');
  const { id } = await createDraft(ctx, drafter, {
    title: text.title, docNumber: text.docNumber, categoryId, writtenAt: '2026-03-02', body: text.body, hasStatistics: false, isMajorMatter: false,
    attribute: spec.attribute, channels: spec.attribute === 'open' || spec.attribute === 'partial' ? ['portal'] : [],
    attributeReason: spec.attribute === 'open' ? '' : spec.attribute === 'partial' ? '部分内容涉及个人隐私' : '仅涉及特定对象',
    legalGround: spec.attribute === 'non_public' ? ('internal_affairs' as LegalGround) : null,
    redactions: spec.attribute === 'partial' ? [{ start: text.privateAt, end: text.privateAt + text.privatePassage.length, ground: 'third_party_rights', reason: '涉及个人隐私' }] : [],
    policyDocumentId: null,
  });
  for (let guard = 0; guard < 20; guard++) {
    const doc = await loadDocument(ctx.database.db, id);
    if (reached(spec.stage, doc.status, doc.currentStep)) break;
    const target = { documentId: id, expectedVersion: doc.version };
    if (doc.status === 'draft') {
      await performReviewAction(ctx, drafter, { ...target, action: 'submit' });
      continue;
    }
    const [task] = await loadOpenTasks(ctx.database.db, id);
    if (!task) throw new Error(`template ${spec.key} stuck at ${doc.currentStep}`);
    const acted = reviewState(doc).context.acted.map((a) => a.userId);
    const reviewer = people.find((p) => (p.roles as string[]).includes(task.role) && p.id !== drafter.id && !acted.includes(p.id)) ?? people.find((p) => (p.roles as string[]).includes(task.role));
    if (!reviewer) throw new Error(`no user for role ${task.role}`);
    if (spec.stage === 'returned') await performReviewAction(ctx, reviewer, { ...target, action: 'return', taskId: task.id, target: 'draft', opinion: '请补充政策依据后重新提交。' });
    else if (task.step === 'publication') await performReviewAction(ctx, reviewer, { ...target, action: 'publish', taskId: task.id });
    else await performReviewAction(ctx, reviewer, { ...target, action: 'approve', taskId: task.id, opinion: '同意。', checks: ALL_CHECKS });
  }
  const [document] = await rows(base, 'SELECT * FROM documents WHERE id = ?', [id]);
  return {
    spec,
    document: document!,
    tasks: await rows(base, 'SELECT * FROM tasks WHERE document_id = ? ORDER BY created_at', [id]),
    records: await rows(base, 'SELECT * FROM review_records WHERE document_id = ? ORDER BY created_at', [id]),
    redactions: await rows(base, 'SELECT * FROM redactions WHERE document_id = ?', [id]),
    audit: await rows(base, 'SELECT at, actor_id, document_id, action, from_state, to_state, detail FROM audit_log WHERE document_id = ? ORDER BY seq', [id]),
  };
}

