import { users, categories } from '../db/schema/index';
import { loadSessionUser, type SessionUser } from '../services/users';
import { lastAuditHash } from '../services/audit';
import { refreshSearchIndex } from '../services/search-service';
import { readSetting, SETTING_KEYS } from '../services/settings';
import { loadWorkCalendar } from '../services/calendar-service';
import { documentClockRow } from '../services/deadline-service';
import { cstDate } from '../time';
import { buildTemplate, rows, TEMPLATES, type Template } from './scale-templates';
import { buildRequestTemplates } from './scale-requests';
import { databaseFile, openBulkLoader } from './bulk-loader';
import type { ClockRowData, GeneratorSetup } from './scale-generator';
import { adoptSideSearchIndex, openSideSearchWriter, prepareSideSearchIndex, removeSideSearchIndex, SEARCH_TABLES, sideSearchFile, type SearchTable, type SideSearchWriter } from './side-search-index';
import { inProcessSource, workerSource } from './scale-source';
import type { TableRows } from './row-batch';
import { threadCpuSeconds } from './thread-cpu';
import type { ServiceContext } from '../services/service-context';

/**
 * seed-scale: fills a database with N generated documents (and, by default, one information
 * request per ten documents) for measurements at scale. One real document per stage, and one
 * real request per outcome, is driven through the real services; every generated row is a
 * copy of one of these with its own text, ids and times: the document, its tasks, review
 * records, redactions, statutory clock (of its own category), audit rows (re-chained, so `audit verify` passes) and
 * search-index rows. The copies are made by the generator (scale-generator.ts) in a worker
 * thread, a chunk ahead, and written here by the bulk loader (one connection of its own,
 * prepared statements, 10,000 documents per transaction). The search indexes are built beside
 * the database, the staff index by the generator thread and the public one by the writer, and
 * moved in at the end (side-search-index.ts). Run it while no server writes to the same
 * database: it appends to the audit chain's tip, and replaces the search indexes' contents.
 */

const DAY = 24 * 60 * 60 * 1000;
/** Documents per transaction, and per chunk the generator hands over. */
const TRANSACTION = 10_000;
const CHUNK = 2_000;
const AHEAD = 2;
/** Tables the bulk load writes; their secondary indexes and triggers are set aside until the end. */
const LOADED_TABLES = ['documents', 'tasks', 'review_records', 'redactions', 'document_clocks', 'audit_log', 'info_requests', 'request_events', 'request_appeals', 'reply_letters'];
/**
 * Which thread writes which search index (each into a scratch file, see side-search-index.ts):
 * the staff index (every document, full text) is about 60% of the indexing work, the public
 * one 40%; with the staff index the generator thread does about as much as the writer.
 */
const GENERATOR_SEARCH: SearchTable = 'search_staff';
const WRITER_SEARCH: SearchTable = 'search_public';


export interface SeedScaleResult {
  documents: number;
  requests: number;
  auditRows: number;
  ms: number;
  /** Where the time went: templates through the services, the bulk load, then the indexes (rebuilt; search merged and moved in). */
  phases: { templatesMs: number; loadMs: number; indexesMs: number };
  /**
   * Milliseconds of the writer's INSERTs per table (and '(indexes)', '(search adopt)'); the rest
   * of loadMs is waiting for rows. search_staff and its '(optimize)' are the generator
   * thread's, which writes that index.
   */
  tableMs: Record<string, number>;
  /** CPU seconds of the writing thread (load and index rebuild) and of the generator's (null where unknown, or in-process). */
  threadCpuSeconds: { writer: number | null; generator: number | null };
}

export interface SeedScaleOptions {
  docs: number;
  /** Information requests to generate; default one per ten documents. */
  requests?: number;
  seed?: number;
  /** Generate in this thread instead of a worker thread (slower; for debugging). */
  inProcess?: boolean;
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
  // Spread over the two years before now, in order, as a real history would be.
  const end = Date.now() - DAY;
  const span = 730 * DAY;
  // Every copy's statutory clock, computed as the deadline service does, once per day and rule.
  const clocks: Record<string, ClockRowData | null> = {};
  for (let day = end - span - DAY; day <= end + DAY; day += DAY) {
    const writtenAt = cstDate(day);
    for (const rule of new Set(categoryRows.map((c) => c.clockRule))) {
      const row = documentClockRow(calendar, { id: '', writtenAt }, rule);
      clocks[`${writtenAt}|${rule}`] = row && { rule: row.rule, startedOn: row.startedOn, dueDate: row.dueDate, provisional: row.provisional };
    }
  }
  const setup: GeneratorSetup = {
    docs: options.docs, requests: requestCount, seed: options.seed ?? 20261123, end, span, templates, requestTemplates,
    categories: categoryRows.map((c) => ({ id: c.id, code: c.code, clockRule: c.clockRule })), clocks,
    drafters: people.filter((p) => p.roles.includes('drafter')).map((p) => ({ id: p.id, departmentId: p.department.id })),
    agency: await readSetting(db, SETTING_KEYS.agencyCode),
    indexSequences: (await rows(ctx, 'SELECT prefix, last FROM index_sequences', [])).map((r) => [String(r.prefix), Number(r.last)]),
    requestSequences: (await rows(ctx, 'SELECT year, last FROM request_number_sequences', [])).map((r) => [Number(r.year), Number(r.last)]),
    auditTip: await lastAuditHash(db),
    lastSearchId: Number((await rows(ctx, 'SELECT coalesce(max(id), 0) AS n FROM search_documents', []))[0]?.n ?? 0),
  };
  const loadStarted = Date.now();
  const writerCpu0 = threadCpuSeconds();
  let generatorCpu: number | null = null;
  const file = databaseFile(ctx.config.databaseUrl);
  const searchFile = (table: SearchTable) => sideSearchFile(file, table);
  const loader = openBulkLoader(ctx.config.databaseUrl, LOADED_TABLES);
  let auditRows = 0;
  let loadMs = 0;
  let searchMs: Record<string, number> = {};
  let source: ReturnType<typeof workerSource> | null = null;
  let search: SideSearchWriter | null = null;
  try {
    for (const table of SEARCH_TABLES) prepareSideSearchIndex(loader, searchFile(table), table);
    const producing = (options.inProcess ? inProcessSource : workerSource)({ generator: setup, search: { table: GENERATOR_SEARCH, file: searchFile(GENERATOR_SEARCH) } });
    source = producing;
    search = openSideSearchWriter(searchFile(WRITER_SEARCH), WRITER_SEARCH);
    // The generator works up to AHEAD chunks ahead of this thread, so neither waits for the
    // other when one chunk happens to take one of them longer (their loads are about equal).
    const ahead: Promise<TableRows[]>[] = [];
    let asked = 0;
    const askNext = () => {
      if (asked >= options.docs) return;
      const to = Math.min(options.docs, asked + CHUNK);
      const chunk = producing.chunk(asked, to);
      chunk.catch(() => {}); // a failure is thrown where the chunk is awaited (the later ones then fail too)
      ahead.push(chunk);
      asked = to;
    };
    for (let i = 0; i < AHEAD; i++) askNext();
    for (let from = 0; from < options.docs; from += CHUNK) {
      const tables = await ahead.shift()!;
      const to = Math.min(options.docs, from + CHUNK);
      askNext();
      if (from % TRANSACTION === 0) loader.begin();
      loader.insertRows(tables.filter((t) => t[0] !== WRITER_SEARCH));
      search.insertRows(tables);
      if (to % TRANSACTION === 0 || to === options.docs) {
        loader.commit();
        options.onProgress?.(to);
      }
    }
    loadMs = Date.now() - loadStarted;
    // The generator's thread merges both search indexes while this one builds the others.
    search.close();
    const finishing = source.finish([{ table: WRITER_SEARCH, file: searchFile(WRITER_SEARCH) }]);
    loader.rebuildIndexes();
    const totals = await finishing;
    auditRows = totals.auditRows;
    generatorCpu = options.inProcess ? null : totals.cpuSeconds;
    searchMs = { ...search.timing(), ...totals.searchMs };
    loader.transaction(() => {
      // What the documents triggers (dropped during the load) would have counted.
      for (const [categoryId, n] of totals.publicCounts) loader.run('INSERT INTO catalog_counts (category_id, count) VALUES (?, ?) ON CONFLICT (category_id) DO UPDATE SET count = count + excluded.count', categoryId, n);
      for (const [prefix, last] of totals.indexSequences) loader.run('INSERT INTO index_sequences (prefix, last) VALUES (?, ?) ON CONFLICT (prefix) DO UPDATE SET last = excluded.last', prefix, last);
      if (requestCount > 0) for (const [year, last] of totals.requestSequences) loader.run('INSERT INTO request_number_sequences (year, last) VALUES (?, ?) ON CONFLICT (year) DO UPDATE SET last = excluded.last', year, last);
      // The info_requests triggers were dropped too: a server already running sees the new requests.
      if (requestCount > 0) loader.run("UPDATE table_changes SET changes = changes + 1 WHERE table_name = 'info_requests'");
    });
    const adoptStarted = performance.now();
    for (const table of SEARCH_TABLES) adoptSideSearchIndex(loader, searchFile(table), table);
    searchMs['(search adopt)'] = Math.round(performance.now() - adoptStarted);
  } finally {
    await source?.close();
    search?.close();
    loader.finish();
    for (const table of SEARCH_TABLES) removeSideSearchIndex(searchFile(table));
  }
  const ms = Date.now() - started;
  const writerCpu = threadCpuSeconds();
  return {
    documents: options.docs, requests: requestCount, auditRows, ms, phases: { templatesMs: loadStarted - started, loadMs, indexesMs: ms - (loadStarted - started) - loadMs }, tableMs: { ...loader.timing(), ...searchMs },
    threadCpuSeconds: { writer: writerCpu === null || writerCpu0 === null ? null : Math.round((writerCpu - writerCpu0) * 10) / 10, generator: generatorCpu },
  };
}
