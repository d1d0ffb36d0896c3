import type { InStatement, Row } from '@libsql/client';
import { LEGAL_GROUND_LABELS, PUBLISHABLE_ATTRIBUTES, type LegalGround } from '../../forms/disclosure';
import { redactedSegments } from '../../forms/index';
import { canViewDocument, isTaskFor } from './access';
import { indexText, matchExpression } from './search-text';
import { cstDate } from '../time';
import type { ServiceContext } from './service-context';
import type { SessionUser } from './users';

const BATCH = 500;
export const SEARCH_PAGE_SIZE = 20;

interface SearchSource {
  id: string;
  title: string;
  doc_number: string;
  body: string;
  status: string;
  attribute: string;
  version: number;
}

interface RedactionRow { document_id: string; start: number; end: number; ground: string }

const isPublicRow = (d: { status: string; attribute: string }) => d.status === 'published' && (PUBLISHABLE_ATTRIBUTES as readonly string[]).includes(d.attribute);

/** What the public may read of a document: its body without the redacted passages. */
function publicBody(body: string, redactions: readonly RedactionRow[]): string {
  const ranges = redactions.map((r) => ({ start: r.start, end: r.end, reason: LEGAL_GROUND_LABELS[r.ground as LegalGround]?.zh ?? '' }));
  return redactedSegments(body, ranges).map((s) => (s.kind === 'text' ? s.text : '\n')).join('');
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');
const REDACTION_PRINT = "(SELECT coalesce(group_concat(start || '-' || \"end\" || '-' || ground, ';'), '') FROM (SELECT start, \"end\", ground FROM redactions WHERE document_id = ? ORDER BY start, \"end\"))";

/**
 * Indexes the documents the triggers queued (new, edited, published, withdrawn, redacted,
 * deleted), a batch at a time, each batch in one transaction. A queue entry is removed only if
 * the document still has the version and redactions that were indexed, so a change made
 * meanwhile keeps its entry and is indexed next time. The index is derived data, so this
 * writes no audit rows.
 */
export async function refreshSearchIndex(ctx: ServiceContext): Promise<number> {
  const { client } = ctx.database;
  let indexed = 0;
  for (;;) {
    const queued = (await client.execute({ sql: 'SELECT document_id FROM search_queue LIMIT ?', args: [BATCH] })).rows.map((r) => String(r.document_id));
    if (!queued.length) return indexed;
    const docs = (await client.execute({ sql: `SELECT id, title, doc_number, body, status, attribute, version FROM documents WHERE id IN (${placeholders(queued.length)})`, args: queued })).rows as unknown as SearchSource[];
    const reds = (await client.execute({ sql: `SELECT document_id, start, "end", ground FROM redactions WHERE document_id IN (${placeholders(queued.length)}) ORDER BY start, "end"`, args: queued })).rows as unknown as RedactionRow[];
    const redsByDoc = new Map<string, RedactionRow[]>();
    for (const r of reds) redsByDoc.set(r.document_id, [...(redsByDoc.get(r.document_id) ?? []), r]);
    const statements: InStatement[] = [
      { sql: `INSERT OR IGNORE INTO search_documents (document_id) VALUES ${queued.map(() => '(?)').join(', ')}`, args: queued },
      { sql: `DELETE FROM search_public WHERE rowid IN (SELECT id FROM search_documents WHERE document_id IN (${placeholders(queued.length)}))`, args: queued },
      { sql: `DELETE FROM search_staff WHERE rowid IN (SELECT id FROM search_documents WHERE document_id IN (${placeholders(queued.length)}))`, args: queued },
    ];
    const found = new Set<string>();
    const rowid = '(SELECT id FROM search_documents WHERE document_id = ?)';
    for (const d of docs) {
      found.add(d.id);
      const own = redsByDoc.get(d.id) ?? [];
      const title = indexText(`${d.title} ${d.doc_number}`);
      statements.push({ sql: `INSERT INTO search_staff (rowid, title, body) VALUES (${rowid}, ?, ?)`, args: [d.id, title, indexText(d.body)] });
      if (isPublicRow(d)) statements.push({ sql: `INSERT INTO search_public (rowid, title, body) VALUES (${rowid}, ?, ?)`, args: [d.id, title, indexText(publicBody(d.body, own))] });
      const print = own.map((r) => `${r.start}-${r.end}-${r.ground}`).join(';');
      statements.push({ sql: `DELETE FROM search_queue WHERE document_id = ? AND (SELECT version FROM documents WHERE id = ?) = ? AND ${REDACTION_PRINT} = ?`, args: [d.id, d.id, d.version, d.id, print] });
    }
    const gone = queued.filter((q) => !found.has(q));
    if (gone.length) statements.push({ sql: `DELETE FROM search_documents WHERE document_id IN (${placeholders(gone.length)}) AND document_id NOT IN (SELECT id FROM documents)`, args: gone });
    for (const id of gone) {
      statements.push({ sql: 'DELETE FROM search_queue WHERE document_id = ? AND NOT EXISTS (SELECT 1 FROM documents WHERE id = ?)', args: [id, id] });
    }
    await client.batch(statements, 'write');
    indexed += queued.length;
  }
}

/**
 * Above this many hits, results come newest first instead of by relevance: ranking has to score
 * every hit before the first page (a common word such as 救助 is in most documents), while
 * newest-first lets FTS5 walk its index backwards and stop at the page. Counting up to the cap
 * is itself cheap, for the same reason.
 */
export const RANKED_SEARCH_CAP = 1000;

async function rankedOrder(ctx: ServiceContext, table: 'search_public' | 'search_staff', match: string): Promise<'s.rank' | 's.rowid DESC'> {
  const result = await ctx.database.client.execute({ sql: `SELECT count(*) AS n FROM (SELECT rowid FROM ${table} WHERE ${table} MATCH ? LIMIT ?)`, args: [match, RANKED_SEARCH_CAP + 1] });
  return Number(result.rows[0]?.n ?? 0) > RANKED_SEARCH_CAP ? 's.rowid DESC' : 's.rank';
}

export interface PublicSearchHit { indexNumber: string; title: string; docNumber: string; publishedAt: string; categoryName: string }

/**
 * The public catalog's search: only published open or partial documents, their redacted
 * passages never indexed in this table; the document's state is checked again at query time.
 */
export async function searchPublic(ctx: ServiceContext, query: string, page = 1): Promise<{ query: string; items: PublicSearchHit[]; hasMore: boolean }> {
  const match = matchExpression(query);
  if (!match) return { query, items: [], hasMore: false };
  await refreshSearchIndex(ctx);
  const offset = (Math.max(1, page) - 1) * SEARCH_PAGE_SIZE;
  const order = await rankedOrder(ctx, 'search_public', match);
  const rows = (
    await ctx.database.client.execute({
      sql: `SELECT d.index_number AS indexNumber, d.title, d.doc_number AS docNumber, d.published_at AS publishedAt, c.name_zh AS categoryName
            FROM search_public s JOIN search_documents m ON m.id = s.rowid JOIN documents d ON d.id = m.document_id JOIN categories c ON c.id = d.category_id
            WHERE search_public MATCH ? AND d.status = 'published' AND d.attribute IN (${placeholders(PUBLISHABLE_ATTRIBUTES.length)})
            ORDER BY ${order} LIMIT ? OFFSET ?`,
      args: [match, ...PUBLISHABLE_ATTRIBUTES, SEARCH_PAGE_SIZE + 1, offset],
    })
  ).rows;
  const items = rows.slice(0, SEARCH_PAGE_SIZE).map((r) => ({
    indexNumber: String(r.indexNumber ?? ''), title: String(r.title), docNumber: String(r.docNumber ?? ''), publishedAt: cstDate(Number(r.publishedAt ?? 0)), categoryName: String(r.categoryName),
  }));
  return { query, items, hasMore: rows.length > SEARCH_PAGE_SIZE };
}

/** [offset, limit] of the staff search's reads: 40 hits, then the next 160 if needed. */
const STAFF_SEARCH_READS = [[0, 2 * SEARCH_PAGE_SIZE], [2 * SEARCH_PAGE_SIZE, 200 - 2 * SEARCH_PAGE_SIZE]] as const;

export interface StaffSearchHit { id: string; title: string; docNumber: string; status: string; currentStep: string; updatedAt: number }

/**
 * Staff search over full text, limited to documents the user may open (the same rule as the
 * document page: drafter, anyone who acted, whoever holds an open task, publishers after
 * review). The SQL narrows; canViewDocument decides.
 */
export async function searchStaff(ctx: ServiceContext, user: SessionUser, query: string): Promise<StaffSearchHit[]> {
  const match = matchExpression(query);
  if (!match) return [];
  await refreshSearchIndex(ctx);
  const order = await rankedOrder(ctx, 'search_staff', match);
  // The first page usually fills from the first 40 hits; only when the user may open few of
  // them are more read (up to 200 in all, as before). Each hit costs two index lookups for the
  // access check, so reading 200 every time was most of a search at a million documents.
  const visible: Row[] = [];
  for (const [offset, limit] of STAFF_SEARCH_READS) {
    const rows = (
      await ctx.database.client.execute({
        sql: `SELECT d.id, d.title, d.doc_number AS docNumber, d.status, d.current_step AS currentStep, d.updated_at AS updatedAt, d.drafter_id AS drafterId,
                EXISTS (SELECT 1 FROM review_records r WHERE r.document_id = d.id AND r.user_id = ?) AS acted,
                (SELECT json_group_array(json_object('role', t.role, 'assigneeId', t.assignee_id)) FROM tasks t WHERE t.document_id = d.id AND t.status = 'open') AS openTasks
              FROM search_staff s JOIN search_documents m ON m.id = s.rowid JOIN documents d ON d.id = m.document_id
              WHERE search_staff MATCH ? ORDER BY ${order} LIMIT ? OFFSET ?`,
        args: [user.id, match, limit, offset],
      })
    ).rows;
    visible.push(...rows.filter((r) => {
      const open = JSON.parse(String(r.openTasks ?? '[]')) as { role: string; assigneeId: string | null }[];
      return canViewDocument(user.roles, String(r.status), { isDrafter: r.drafterId === user.id, hasActed: Number(r.acted) === 1, holdsOpenTask: open.some((t) => isTaskFor(user, t)) });
    }));
    if (visible.length >= SEARCH_PAGE_SIZE || rows.length < limit) break;
  }
  return visible
    .slice(0, SEARCH_PAGE_SIZE)
    .map((r) => ({ id: String(r.id), title: String(r.title), docNumber: String(r.docNumber ?? ''), status: String(r.status), currentStep: String(r.currentStep), updatedAt: Number(r.updatedAt) }));
}
