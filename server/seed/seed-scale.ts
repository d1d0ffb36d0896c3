import { createHash } from 'node:crypto';
import { users, categories } from '../db/schema/index';
import { loadSessionUser, type SessionUser } from '../services/users';
import { lastAuditHash } from '../services/audit';
import { auditHashInput, type AuditContent } from '../services/audit-chain';
import { indexText } from '../services/search-text';
import { refreshSearchIndex } from '../services/search-service';
import { readSetting, SETTING_KEYS } from '../services/settings';
import { loadWorkCalendar } from '../services/calendar-service';
import { documentClockRow } from '../services/deadline-service';
import { cstDate, cstYear } from '../time';
import { PUBLISHABLE_ATTRIBUTES } from '../../forms/disclosure';
import { generateDocumentText, randomSource } from './scale-text';
import { buildTemplate, rows, TEMPLATES, type Template } from './scale-templates';
import { buildRequestTemplates, requestCopier } from './scale-requests';
import { openBulkLoader, type Row, type Value } from './bulk-loader';
import type { ServiceContext } from '../services/service-context';

/**
 * seed-scale: fills a database with N generated documents (and, by default, one information
 * request per ten documents) for measurements at scale. One real document per stage, and one
 * real request per outcome, is driven through the real services; every generated row is a
 * copy of one of these with its own text, ids and times: the document, its tasks, review
 * records, redactions, statutory clock (of its own category), audit rows (re-chained, so `audit verify` passes) and
 * search-index rows. The copies are written by the bulk loader (one connection of its own,
 * prepared statements, 10,000 documents per transaction). Run it while no server writes to the
 * same database: it appends to the audit chain's tip.
 */

const DAY = 24 * 60 * 60 * 1000;
const CHUNK = 10_000;
/** Tables the bulk load writes; their secondary indexes and triggers are set aside until the end. */
const LOADED_TABLES = ['documents', 'tasks', 'review_records', 'redactions', 'document_clocks', 'audit_log', 'info_requests', 'request_events', 'request_appeals', 'reply_letters'];

const shift = (value: Value | undefined, by: number) => (value === null || value === undefined ? null : Number(value) + by);
const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

export interface SeedScaleResult {
  documents: number;
  requests: number;
  auditRows: number;
  ms: number;
  /** Where the time went: templates through the services, the bulk load, the index rebuild. */
  phases: { templatesMs: number; loadMs: number; indexesMs: number };
}

export interface SeedScaleOptions {
  docs: number;
  /** Information requests to generate; default one per ten documents. */
  requests?: number;
  seed?: number;
  onProgress?: (done: number) => void;
}

export async function seedScale(ctx: ServiceContext, options: SeedScaleOptions): Promise<SeedScaleResult> {
  const started = Date.now();
  const { db } = ctx.database;
  const people = (await Promise.all((await db.select({ id: users.id }).from(users)).map((u) => loadSessionUser(db, u.id)))).filter((p): p is SessionUser => p !== null);
  const categoryRows = await db.select({ id: categories.id, code: categories.code, clockRule: categories.clockRule }).from(categories);
  const calendar = await loadWorkCalendar(ctx);
  if (!people.length || !categoryRows.length) throw new Error('seed-scale needs a seeded bureau (users and categories)');
  const templates: Template[] = [];
  for (const spec of TEMPLATES) templates.push(await buildTemplate(ctx, spec, people, categoryRows[0]!.id));
  const requestCount = options.requests ?? Math.floor(options.docs / 10);
  const requestTemplates = requestCount > 0 ? await buildRequestTemplates(ctx, people) : [];
  // The templates are ordinary documents: index them now, so the loader's search rows follow theirs.
  await refreshSearchIndex(ctx);
  const totalWeight = TEMPLATES.reduce((s, t) => s + t.weight, 0);
  const agency = await readSetting(db, SETTING_KEYS.agencyCode);
  const sequences = new Map((await rows(ctx, 'SELECT prefix, last FROM index_sequences', [])).map((r) => [String(r.prefix), Number(r.last)]));
  const r = randomSource(options.seed ?? 20261123);
  let tip = await lastAuditHash(db);
  let searchId = Number((await rows(ctx, 'SELECT coalesce(max(id), 0) AS n FROM search_documents', []))[0]?.n ?? 0);
  let auditRows = 0;
  let loadMs = 0;
  const publicCounts = new Map<string, number>();
  const staffRows: Row[] = [];
  const publicRows: Row[] = [];
  const loadStarted = Date.now();
  const loader = openBulkLoader(ctx.config.databaseUrl, LOADED_TABLES);
  const audit = (a: AuditContent) => {
    const hash = sha256Hex(auditHashInput(tip, a));
    loader.insert('audit_log', { at: a.at, actor_id: a.actorId, document_id: a.documentId, action: a.action, from_state: a.fromState, to_state: a.toState, detail: a.detail, prev_hash: tip, hash });
    tip = hash;
    auditRows++;
  };
  try {
    // Spread over the two years before now, in order, as a real history would be.
    const end = Date.now() - DAY;
    const span = 730 * DAY;
    const copyRequest = requestCopier(requestTemplates, loader, audit, r);
    let requestsDone = 0;
    for (let from = 0; from < options.docs; from += CHUNK) {
      const to = Math.min(options.docs, from + CHUNK);
      loader.transaction(() => {
        for (let i = from; i < to; i++) {
          let pickAt = r.next() * totalWeight;
          const template = templates.find((t) => (pickAt -= t.spec.weight) < 0) ?? templates[0]!;
          const base = end - span + Math.floor(((i + r.next()) / options.docs) * span);
          copyDocument(template, base, i);
          // Requests arrive spread over the same two years, in step with the documents.
          while (requestsDone < requestCount && requestsDone * options.docs <= i * requestCount) copyRequest(end - span + Math.floor(((requestsDone++ + r.next()) / requestCount) * span));
        }
        // FTS5 flushes its pending terms to disk at every statement savepoint (a documents
        // INSERT with its triggers opens one), so interleaved, each document became its own
        // tiny segment; written together here, a chunk becomes a few large segments.
        for (const row of staffRows.splice(0)) loader.insert('search_staff', row);
        for (const row of publicRows.splice(0)) loader.insert('search_public', row);
      });
      options.onProgress?.(to);
    }
    loader.transaction(() => {
      while (requestsDone < requestCount) copyRequest(end - Math.floor(r.next() * DAY));
      copyRequest.saveSequences();
      // What the documents triggers (dropped during the load) would have counted.
      for (const [categoryId, n] of publicCounts) loader.run('INSERT INTO catalog_counts (category_id, count) VALUES (?, ?) ON CONFLICT (category_id) DO UPDATE SET count = count + excluded.count', categoryId, n);
      for (const [prefix, last] of sequences) loader.run('INSERT INTO index_sequences (prefix, last) VALUES (?, ?) ON CONFLICT (prefix) DO UPDATE SET last = excluded.last', prefix, last);
    });
    loadMs = Date.now() - loadStarted;
  } finally {
    loader.finish();
  }
  const ms = Date.now() - started;
  return { documents: options.docs, requests: requestCount, auditRows, ms, phases: { templatesMs: loadStarted - started, loadMs, indexesMs: ms - (loadStarted - started) - loadMs } };

  function copyDocument(template: Template, base: number, i: number) {
    const t0 = Number(template.document.created_at);
    const by = base - t0;
    const partial = template.spec.attribute === 'partial';
    const text = generateDocumentText(r, cstYear(base), i + 1, partial);
    const id = crypto.randomUUID();
    const category = r.pick(categoryRows);
    const doc: Row = { ...template.document, id, title: text.title, doc_number: text.docNumber, body: text.body, written_at: cstDate(base), category_id: category.id, created_at: shift(template.document.created_at, by), updated_at: shift(template.document.updated_at, by), published_at: shift(template.document.published_at, by) };
    if (template.document.index_number) {
      const prefix = `${agency}/${cstYear(Number(doc.published_at))}-`;
      const next = (sequences.get(prefix) ?? 0) + 1;
      sequences.set(prefix, next);
      doc.index_number = `${prefix}${String(next).padStart(5, '0')}`;
    }
    loader.insert('documents', doc);
    if (doc.status === 'published' && (PUBLISHABLE_ATTRIBUTES as readonly Value[]).includes(doc.attribute ?? null)) publicCounts.set(category.id, (publicCounts.get(category.id) ?? 0) + 1);
    const taskIds = new Map<string, string>();
    for (const task of template.tasks) {
      const newId = crypto.randomUUID();
      taskIds.set(String(task.id), newId);
      const created = shift(task.created_at, by)!;
      loader.insert('tasks', { ...task, id: newId, document_id: id, created_at: created, completed_at: shift(task.completed_at, by), due_date: task.due_date ? cstDate(created + 7 * DAY) : null });
    }
    for (const record of template.records) loader.insert('review_records', { ...record, id: crypto.randomUUID(), document_id: id, task_id: record.task_id ? (taskIds.get(String(record.task_id)) ?? null) : null, created_at: shift(record.created_at, by) });
    for (const red of template.redactions) loader.insert('redactions', { ...red, id: crypto.randomUUID(), document_id: id, start: text.privateAt, end: text.privateAt + text.privatePassage.length, confirmed_at: shift(red.confirmed_at, by) });
    // The statutory clock of the copy's own category, computed as the deadline service does.
    const clock = documentClockRow(calendar, { id, writtenAt: String(doc.written_at) }, category.clockRule);
    if (clock) loader.insert('document_clocks', { document_id: id, rule: clock.rule, started_on: clock.startedOn, due_date: clock.dueDate, provisional: clock.provisional ? 1 : 0 });
    for (const a of template.audit) {
      audit({ at: shift(a.at, by)!, actorId: (a.actor_id as string | null) ?? null, documentId: id, action: String(a.action), fromState: (a.from_state as string | null) ?? null, toState: (a.to_state as string | null) ?? null, detail: (a.detail as string | null) ?? null });
    }
    const titleTokens = indexText(`${text.title} ${text.docNumber}`);
    loader.insert('search_documents', { id: ++searchId, document_id: id });
    staffRows.push({ rowid: searchId, title: titleTokens, body: indexText(text.body) });
    if (template.spec.stage === 'published') {
      const publicBody = partial ? text.body.slice(0, text.privateAt) + '\n' + text.body.slice(text.privateAt + text.privatePassage.length) : text.body;
      publicRows.push({ rowid: searchId, title: titleTokens, body: indexText(publicBody) });
    }
  }
}
