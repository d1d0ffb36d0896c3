import { createHash } from 'node:crypto';
import { auditHashInput, type AuditContent } from '../services/audit-chain';
import { indexText } from '../services/search-text';
import { cstDate, cstYear } from '../time';
import { PUBLISHABLE_ATTRIBUTES } from '../../forms/disclosure';
import { generateDocumentText, randomSource } from './scale-text';
import type { Template } from './scale-templates';
import { requestCopier, type RequestTemplate } from './scale-requests';
import { orderedId } from '../db/ordered-id';
import { threadCpuSeconds } from './thread-cpu';
import { CLOCK_RUNNING_STATUSES } from '../services/deadline-service';
import { RowBatch, type TableRows } from './row-batch';
import { timelineKnots, warpTimeline } from './timeline-warp';
import type { Row, Value } from './bulk-loader';

/**
 * The row generator of seed-scale: from the templates (real rows the services made) it writes
 * N documents and their requests as rows, in time order, into a RowBatch a chunk at a time.
 * It reads nothing and writes nothing itself, so it runs in a worker thread while the main
 * thread writes the previous chunk (text, tokens, hashes and dates were ~40% of the CPU).
 * Everything it needs arrives in a GeneratorSetup of plain data.
 */

const DAY = 24 * 60 * 60 * 1000;

export interface ClockRowData { rule: string; startedOn: string; dueDate: string; provisional: boolean }

export interface GeneratorSetup {
  docs: number;
  requests: number;
  seed: number;
  /** The last generated document is dated the day before this. */
  end: number;
  span: number;
  templates: Template[];
  requestTemplates: RequestTemplate[];
  categories: { id: string; code: string; clockRule: string | null }[];
  /** The bureau's drafters with their 科室: each copy is drafted by one of them, so the 科室 share the documents. */
  drafters: { id: string; departmentId: string }[];
  /** `${writtenAt}|${clockRule}` → the statutory clock row (null: none), for every day of the span. */
  clocks: Record<string, ClockRowData | null>;
  agency: string;
  /** index_sequences and request_number_sequences as they stand before the load. */
  indexSequences: [string, number][];
  requestSequences: [number, number][];
  auditTip: string;
  lastSearchId: number;
}

export interface GeneratorTotals {
  auditRows: number;
  /** CPU seconds of the thread the generator ran on (null where unknown). */
  cpuSeconds: number | null;
  publicCounts: [string, number][];
  indexSequences: [string, number][];
  requestSequences: [number, number][];
}

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * A template as another of the bureau's drafters would have drafted it: that drafter's id
 * wherever the template's drafter's is (a document's drafter, a task's assignee or closer, a
 * record's or an audit row's actor, the workflow snapshot's context, an audit detail), and that
 * drafter's 科室 on the document. Ids are UUIDs, so no other text holds them.
 */
function draftedBy(template: Template, drafter: { id: string; departmentId: string }): Template {
  const from = String(template.document.drafter_id);
  if (from === drafter.id) return template;
  const swap = (row: Row): Row => {
    const out: Row = {};
    for (const [column, value] of Object.entries(row)) out[column] = typeof value === 'string' && value.includes(from) ? value.replaceAll(from, drafter.id) : value;
    return out;
  };
  return {
    ...template,
    document: { ...swap(template.document), department_id: drafter.departmentId },
    tasks: template.tasks.map(swap),
    records: template.records.map(swap),
    redactions: template.redactions.map(swap),
    audit: template.audit.map(swap),
  };
}

/**
 * A workflow's saved state names the document's category (`context.categoryCode`, which guards
 * such as "is a budget" read at the next step); a copy filed under another category than its
 * template's must name that one.
 */
function inCategory(snapshot: Value | undefined, code: string): Value {
  if (typeof snapshot !== 'string') return snapshot ?? null;
  const state = JSON.parse(snapshot) as { context?: { categoryCode?: string } };
  if (!state.context || state.context.categoryCode === code) return snapshot;
  state.context.categoryCode = code;
  return JSON.stringify(state);
}

/** Every time a template's rows hold, for its copies' warp (timeline-warp.ts). */
function templateKnots(template: Template): number[] {
  const times = (rows: Row[], ...columns: string[]) => rows.flatMap((row) => columns.map((column) => (row[column] === null || row[column] === undefined ? null : Number(row[column]))));
  return timelineKnots([
    ...times([template.document], 'created_at', 'updated_at', 'published_at'),
    ...times(template.tasks, 'created_at', 'completed_at'),
    ...times(template.records, 'created_at'),
    ...times(template.redactions, 'confirmed_at'),
    ...times(template.audit, 'at'),
  ]);
}

export function scaleGenerator(setup: GeneratorSetup) {
  const { docs, requests: requestCount, templates, categories: categoryRows, drafters, clocks, agency, end, span } = setup;
  const r = randomSource(setup.seed);
  const batch = new RowBatch();
  const sequences = new Map(setup.indexSequences);
  const requestSequences = new Map(setup.requestSequences);
  const publicCounts = new Map<string, number>();
  let tip = setup.auditTip;
  let searchId = setup.lastSearchId;
  let auditRows = 0;
  let requestsDone = 0;
  const staffRows: Row[] = [];
  const publicRows: Row[] = [];
  const audit = (a: AuditContent) => {
    const hash = sha256Hex(auditHashInput(tip, a));
    batch.insert('audit_log', { at: a.at, actor_id: a.actorId, document_id: a.documentId, action: a.action, from_state: a.fromState, to_state: a.toState, detail: a.detail, prev_hash: tip, hash });
    tip = hash;
    auditRows++;
  };
  const copyRequest = requestCopier(setup.requestTemplates, batch, audit, r, requestSequences);

  const knotsOf = new Map<Template, number[]>();
  // Each template variant's saved state as a copy in each category would hold it, made once.
  const statesIn = new Map<Template, Map<string, Value>>();
  const savedStateIn = (template: Template, category: { code: string }): Value => {
    let byCategory = statesIn.get(template);
    if (!byCategory) statesIn.set(template, (byCategory = new Map()));
    if (!byCategory.has(category.code)) byCategory.set(category.code, inCategory(template.document.snapshot, category.code));
    return byCategory.get(category.code)!;
  };
  // Each template as each drafter would have drafted it, made once.
  const variants = new Map<Template, Map<string, Template>>();
  function copyDocument(original: Template, base: number, i: number) {
    // The template was drafted by one drafter; the copy by any of the bureau's, in that one's 科室.
    const drafter = r.pick(drafters);
    let byDrafter = variants.get(original);
    if (!byDrafter) variants.set(original, (byDrafter = new Map()));
    let template = byDrafter.get(drafter.id);
    if (!template) byDrafter.set(drafter.id, (template = draftedBy(original, drafter)));
    // A drafter's variant keeps the original's times, so their knots are the original's.
    let knots = knotsOf.get(original);
    if (!knots) knotsOf.set(original, (knots = templateKnots(original)));
    const at = warpTimeline(knots, Number(template.document.created_at), base, r);
    const shift = (value: Value | undefined) => at(value === null || value === undefined ? null : Number(value));
    const partial = template.spec.attribute === 'partial';
    const text = generateDocumentText(r, cstYear(base), i + 1, partial);
    const id = orderedId(base);
    const category = r.pick(categoryRows);
    const writtenAt = cstDate(base);
    const doc: Row = { ...template.document, snapshot: savedStateIn(template, category), id, title: text.title, doc_number: text.docNumber, body: text.body, written_at: writtenAt, category_id: category.id, created_at: shift(template.document.created_at), updated_at: shift(template.document.updated_at), published_at: shift(template.document.published_at) };
    if (template.document.index_number) {
      const prefix = `${agency}/${cstYear(Number(doc.published_at))}-`;
      const next = (sequences.get(prefix) ?? 0) + 1;
      sequences.set(prefix, next);
      doc.index_number = `${prefix}${String(next).padStart(5, '0')}`;
    }
    batch.insert('documents', doc);
    if (doc.status === 'published' && (PUBLISHABLE_ATTRIBUTES as readonly Value[]).includes(doc.attribute ?? null)) publicCounts.set(category.id, (publicCounts.get(category.id) ?? 0) + 1);
    const taskIds = new Map<string, string>();
    for (const task of template.tasks) {
      const newId = orderedId(base);
      taskIds.set(String(task.id), newId);
      const created = shift(task.created_at)!;
      batch.insert('tasks', { ...task, id: newId, document_id: id, created_at: created, completed_at: shift(task.completed_at), due_date: task.due_date ? cstDate(created + 7 * DAY) : null, department_id: doc.department_id ?? null });
    }
    for (const record of template.records) batch.insert('review_records', { ...record, id: orderedId(base), document_id: id, task_id: record.task_id ? (taskIds.get(String(record.task_id)) ?? null) : null, created_at: shift(record.created_at) });
    for (const red of template.redactions) batch.insert('redactions', { ...red, id: orderedId(base), document_id: id, start: text.privateAt, end: text.privateAt + text.privatePassage.length, confirmed_at: shift(red.confirmed_at) });
    // The statutory clock of the copy's own category, computed beforehand by the deadline service per day.
    const clock = clocks[`${writtenAt}|${category.clockRule}`];
    // `running` and `department_id` as the (dropped) triggers would set them from the document.
    if (clock) batch.insert('document_clocks', { document_id: id, rule: clock.rule, started_on: clock.startedOn, due_date: clock.dueDate, provisional: clock.provisional ? 1 : 0, running: CLOCK_RUNNING_STATUSES.includes(String(doc.status)) ? 1 : 0, department_id: doc.department_id ?? null });
    for (const a of template.audit) {
      audit({ at: shift(a.at)!, actorId: (a.actor_id as string | null) ?? null, documentId: id, action: String(a.action), fromState: (a.from_state as string | null) ?? null, toState: (a.to_state as string | null) ?? null, detail: (a.detail as string | null) ?? null });
    }
    const titleTokens = indexText(`${text.title} ${text.docNumber}`);
    batch.insert('search_documents', { id: ++searchId, document_id: id });
    const bodyTokens = indexText(text.body);
    staffRows.push({ rowid: searchId, title: titleTokens, body: bodyTokens });
    if (template.spec.stage === 'published') {
      // An open document's public text is its full text: its tokens are the staff index's.
      const publicBody = partial ? text.body.slice(0, text.privateAt) + '\n' + text.body.slice(text.privateAt + text.privatePassage.length) : null;
      publicRows.push({ rowid: searchId, title: titleTokens, body: publicBody === null ? bodyTokens : indexText(publicBody) });
    }
  }

  return {
    /** Documents [from, to) and the requests that fall among them (the last chunk also the rest), as table rows. */
    chunk(from: number, to: number): TableRows[] {
      for (let i = from; i < to; i++) {
        const template = r.weighted(templates, (t) => t.spec.weight);
        const base = end - span + Math.floor(((i + r.next()) / docs) * span);
        copyDocument(template, base, i);
        // Requests arrive spread over the same two years, in step with the documents.
        while (requestsDone < requestCount && requestsDone * docs <= i * requestCount) copyRequest(end - span + Math.floor(((requestsDone++ + r.next()) / requestCount) * span));
      }
      if (to >= docs) {
        for (; requestsDone < requestCount; requestsDone++) copyRequest(end - Math.floor(r.next() * DAY));
      }
      // The search rows come as two tables of their own: the producer writes them into the side
      // search index (side-search-index.ts), the rest goes to the writer.
      for (const row of staffRows.splice(0)) batch.insert('search_staff', row);
      for (const row of publicRows.splice(0)) batch.insert('search_public', row);
      return batch.take();
    },
    totals(): GeneratorTotals {
      return { auditRows, cpuSeconds: threadCpuSeconds(), publicCounts: [...publicCounts], indexSequences: [...sequences], requestSequences: [...requestSequences] };
    },
  };
}
