import type { InStatement, InValue } from '@libsql/client';
import { users, categories } from '../db/schema/index';
import { createDraft } from '../services/draft-service';
import { performReviewAction } from '../services/review-service';
import { loadDocument, loadOpenTasks, reviewState } from '../services/document-store';
import { loadSessionUser, type SessionUser } from '../services/users';
import { lastAuditHash } from '../services/audit';
import { auditHash } from '../services/audit-chain';
import { indexText } from '../services/search-text';
import { readSetting, SETTING_KEYS } from '../services/settings';
import { FIVE_CHECKS, type DisclosureAttribute, type LegalGround } from '../../forms/disclosure';
import { cstDate, cstYear } from '../time';
import { generateDocumentText, randomSource } from './scale-text';
import type { ServiceContext } from '../services/service-context';

/**
 * seed-scale: fills a database with N generated documents for measurements at scale. One real
 * document per stage (draft, at each review step, published, concluded, returned) is driven
 * through the real review services; every generated document is a copy of one of these, with
 * its own text, ids and times, its tasks, review records and audit rows (re-chained, so
 * `audit verify` still passes) and its search-index rows, written in large transactions.
 * Run it while no server writes to the same database (it appends to the audit chain's tip).
 */

const DAY = 24 * 60 * 60 * 1000;
const CHUNK = 2000;
const ROWS_PER_INSERT = 100;
const ALL_CHECKS = Object.fromEntries(FIVE_CHECKS.map((k) => [k, true])) as Record<(typeof FIVE_CHECKS)[number], boolean>;

type Stage = 'draft' | 'legality_review' | 'secrecy_review' | 'leader_signoff' | 'awaiting_publication' | 'published' | 'concluded' | 'returned';

interface TemplateSpec { key: string; stage: Stage; attribute: DisclosureAttribute; weight: number }

/** Roughly a bureau's year: most items published, a tail still in review or in drafting. */
const TEMPLATES: TemplateSpec[] = [
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

type Row = Record<string, InValue>;

interface Template {
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

async function rows(ctx: ServiceContext, sql: string, args: InValue[]): Promise<Row[]> {
  const result = await ctx.database.client.execute({ sql, args });
  return result.rows.map((r) => Object.fromEntries(result.columns.map((c) => [c, r[c] as InValue])));
}

/** Drives one document to `spec.stage` through the real services and reads back every row it made. */
async function buildTemplate(base: ServiceContext, spec: TemplateSpec, people: SessionUser[], categoryId: string): Promise<Template> {
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

/** Multi-row INSERTs (fewer statements to prepare), all rows of a table sharing its columns. */
function inserts(table: string, list: Row[], out: InStatement[]) {
  if (!list.length) return;
  const columns = Object.keys(list[0]!);
  for (let i = 0; i < list.length; i += ROWS_PER_INSERT) {
    const part = list.slice(i, i + ROWS_PER_INSERT);
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    out.push({ sql: `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${part.map(() => tuple).join(', ')}`, args: part.flatMap((r) => columns.map((c) => r[c] ?? null)) });
  }
}

const shift = (value: InValue | undefined, by: number) => (value === null || value === undefined ? null : Number(value) + by);

export interface SeedScaleResult { documents: number; auditRows: number; ms: number }

export async function seedScale(ctx: ServiceContext, options: { docs: number; seed?: number; onProgress?: (done: number) => void }): Promise<SeedScaleResult> {
  const started = Date.now();
  const { db, client } = ctx.database;
  const people = (await Promise.all((await db.select({ id: users.id }).from(users)).map((u) => loadSessionUser(db, u.id)))).filter((p): p is SessionUser => p !== null);
  const categoryRows = await db.select({ id: categories.id, code: categories.code }).from(categories);
  if (!people.length || !categoryRows.length) throw new Error('seed-scale needs a seeded bureau (users and categories)');
  const templates: Template[] = [];
  for (const spec of TEMPLATES) templates.push(await buildTemplate(ctx, spec, people, categoryRows[0]!.id));
  const totalWeight = TEMPLATES.reduce((s, t) => s + t.weight, 0);
  const agency = await readSetting(db, SETTING_KEYS.agencyCode);
  const sequences = new Map((await rows(ctx, 'SELECT prefix, last FROM index_sequences', [])).map((r) => [String(r.prefix), Number(r.last)]));
  const r = randomSource(options.seed ?? 20261123);
  let tip = await lastAuditHash(db);
  let searchId = Number((await rows(ctx, 'SELECT coalesce(max(id), 0) AS n FROM search_documents', []))[0]?.n ?? 0);
  let auditRows = 0;
  // Spread over the two years before now, in order, as a real history would be.
  const end = Date.now() - DAY;
  const span = 730 * DAY;
  for (let from = 0; from < options.docs; from += CHUNK) {
    const searchDocs: Row[] = [], docs: Row[] = [], taskRows: Row[] = [], recordRows: Row[] = [], redactionRows: Row[] = [], auditList: Row[] = [], staff: Row[] = [], pub: Row[] = [];
    const ids: string[] = [];
    for (let i = from; i < Math.min(options.docs, from + CHUNK); i++) {
      let pickAt = r.next() * totalWeight;
      const template = templates.find((t) => (pickAt -= t.spec.weight) < 0) ?? templates[0]!;
      const t0 = Number(template.document.created_at);
      const base = end - span + Math.floor(((i + r.next()) / options.docs) * span);
      const by = base - t0;
      const year = cstYear(base);
      const partial = template.spec.attribute === 'partial';
      const text = generateDocumentText(r, year, i + 1, partial);
      const id = crypto.randomUUID();
      ids.push(id);
      const doc: Row = { ...template.document, id, title: text.title, doc_number: text.docNumber, body: text.body, written_at: cstDate(base), category_id: r.pick(categoryRows).id, created_at: shift(template.document.created_at, by), updated_at: shift(template.document.updated_at, by), published_at: shift(template.document.published_at, by) };
      if (template.document.index_number) {
        const prefix = `${agency}/${cstYear(Number(doc.published_at))}-`;
        const next = (sequences.get(prefix) ?? 0) + 1;
        sequences.set(prefix, next);
        doc.index_number = `${prefix}${String(next).padStart(5, '0')}`;
      }
      docs.push(doc);
      const taskIds = new Map<string, string>();
      for (const task of template.tasks) {
        const newId = crypto.randomUUID();
        taskIds.set(String(task.id), newId);
        const created = shift(task.created_at, by)!;
        taskRows.push({ ...task, id: newId, document_id: id, created_at: created, completed_at: shift(task.completed_at, by), due_date: task.due_date ? cstDate(created + 7 * DAY) : null });
      }
      for (const record of template.records) recordRows.push({ ...record, id: crypto.randomUUID(), document_id: id, task_id: record.task_id ? (taskIds.get(String(record.task_id)) ?? null) : null, created_at: shift(record.created_at, by) });
      for (const red of template.redactions) redactionRows.push({ ...red, id: crypto.randomUUID(), document_id: id, start: text.privateAt, end: text.privateAt + text.privatePassage.length, confirmed_at: shift(red.confirmed_at, by) });
      for (const a of template.audit) {
        const content = { at: shift(a.at, by)!, actorId: (a.actor_id as string | null) ?? null, documentId: id, action: String(a.action), fromState: (a.from_state as string | null) ?? null, toState: (a.to_state as string | null) ?? null, detail: (a.detail as string | null) ?? null };
        const hash = auditHash(tip, content);
        auditList.push({ at: content.at, actor_id: content.actorId, document_id: id, action: content.action, from_state: content.fromState, to_state: content.toState, detail: content.detail, prev_hash: tip, hash });
        tip = hash;
      }
      const titleTokens = indexText(`${text.title} ${text.docNumber}`);
      searchDocs.push({ id: ++searchId, document_id: id });
      staff.push({ rowid: searchId, title: titleTokens, body: indexText(text.body) });
      if (template.spec.stage === 'published') {
        const publicBody = partial ? text.body.slice(0, text.privateAt) + text.body.slice(text.privateAt + text.privatePassage.length) : text.body;
        pub.push({ rowid: searchId, title: titleTokens, body: indexText(publicBody) });
      }
    }
    const statements: InStatement[] = [];
    inserts('documents', docs, statements);
    inserts('tasks', taskRows, statements);
    inserts('review_records', recordRows, statements);
    inserts('redactions', redactionRows, statements);
    inserts('audit_log', auditList, statements);
    inserts('search_documents', searchDocs, statements);
    inserts('search_staff', staff, statements);
    inserts('search_public', pub, statements);
    // Indexed here already; the triggers queued them.
    statements.push({ sql: `DELETE FROM search_queue WHERE document_id IN (${ids.map(() => '?').join(', ')})`, args: ids });
    await client.batch(statements, 'write');
    auditRows += auditList.length;
    options.onProgress?.(Math.min(options.docs, from + CHUNK));
  }
  const seqStatements: InStatement[] = [...sequences].map(([prefix, last]) => ({ sql: 'INSERT INTO index_sequences (prefix, last) VALUES (?, ?) ON CONFLICT (prefix) DO UPDATE SET last = excluded.last', args: [prefix, last] }));
  if (seqStatements.length) await client.batch(seqStatements, 'write');
  await client.execute('PRAGMA optimize');
  return { documents: options.docs, auditRows, ms: Date.now() - started };
}
