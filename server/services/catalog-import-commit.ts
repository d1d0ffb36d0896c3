import type { InStatement, InValue, Transaction } from '@libsql/client';
import { openDatabase } from '../db/client';
import type { CatalogRow } from '../../forms/catalog-row';
import { auditHash, GENESIS_HASH, type AuditContent } from './audit-chain';
import { inWriteQueue } from './commit';
import { conflict } from './errors';
import { indexText } from './search-text';
import { readSetting, SETTING_KEYS } from './settings';
import { currentDefinition } from './workflow-definitions';
import type { ServiceContext } from './service-context';
import type { SessionUser } from './users';

/** Rows per multi-row INSERT (fewer statements to prepare), and rows per progress step. */
const ROWS_PER_INSERT = 100;
const CHUNK = 2000;
/** Page cache of the import's own connection (KiB). */
const IMPORT_CACHE_KIB = 512 * 1024;

export interface ImportedRow extends CatalogRow {
  rowNumber: number;
}

export interface CatalogImportMeta {
  importId: string;
  fileName: string;
  sha256: string;
}

export interface CatalogImportResult {
  imported: number;
  firstIndexNumber: string | null;
  lastIndexNumber: string | null;
}

type Row = Record<string, InValue>;

function inserts(table: string, list: readonly Row[], out: InStatement[]) {
  if (!list.length) return;
  const columns = Object.keys(list[0]!);
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < list.length; i += ROWS_PER_INSERT) {
    const part = list.slice(i, i + ROWS_PER_INSERT);
    out.push({ sql: `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${part.map(() => tuple).join(', ')}`, args: part.flatMap((r) => columns.map((c) => r[c] ?? null)) });
  }
}

/** Midnight CST of a YYYY-MM-DD date, so the catalog shows the same day the spreadsheet did. */
const cstMidnight = (date: string) => Date.parse(`${date}T00:00:00+08:00`);

/**
 * 索引号: the row's own, or the next of `<agency code>/<year published>-NNNNN` as publication
 * assigns it. Numbers the file brings under the same prefix move the sequence past them, so a
 * later publication never draws a number an imported item holds.
 */
function indexNumbers(rows: readonly ImportedRow[], agency: string, sequences: Map<string, number>): string[] {
  const own = new RegExp(`^${agency.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/(\\d{4})-(\\d+)$`);
  for (const row of rows) {
    const m = row.indexNumber ? own.exec(row.indexNumber) : null;
    if (m) sequences.set(`${agency}/${m[1]}-`, Math.max(sequences.get(`${agency}/${m[1]}-`) ?? 0, Number(m[2])));
  }
  return rows.map((row) => {
    if (row.indexNumber) return row.indexNumber;
    const prefix = `${agency}/${row.publishedOn.slice(0, 4)}-`;
    const next = (sequences.get(prefix) ?? 0) + 1;
    sequences.set(prefix, next);
    return `${prefix}${String(next).padStart(5, '0')}`;
  });
}

async function selectRows(tx: Transaction, sql: string): Promise<Row[]> {
  const result = await tx.execute(sql);
  return result.rows.map((r) => Object.fromEntries(result.columns.map((c) => [c, r[c] as InValue])));
}

/**
 * Writes the validated rows as published documents in ONE transaction (all or nothing), in
 * batches so progress can be reported: the documents (status published, a workflow snapshot
 * at its 'published' end marked as imported), their search-index rows (public and staff),
 * one audit row per document and one for the import as a whole, chained onto the tip read
 * inside the transaction. The transaction runs on a connection of its own so the shared
 * client keeps its connection (and PRAGMAs); this process's other writers queue behind it.
 */
export async function commitCatalogImport(
  ctx: ServiceContext,
  actor: SessionUser,
  rows: readonly ImportedRow[],
  meta: CatalogImportMeta,
  onProgress: (done: number) => void = () => {},
): Promise<CatalogImportResult> {
  const { db } = ctx.database;
  const def = await currentDefinition(db, 'release-review');
  const agency = await readSetting(db, SETTING_KEYS.agencyCode);
  const categoryCodes = new Map((await ctx.database.client.execute('SELECT id, code FROM categories')).rows.map((r) => [String(r.id), String(r.code)]));
  return inWriteQueue(async () => {
    const connection = await openDatabase(ctx.config.databaseUrl, ctx.config.databaseAuthToken, ctx.config.databaseSync);
    // The whole import is one transaction: with SQLite's default 2 MB page cache its pages spill
    // into the WAL and the full-text indexes re-read them from there at every step (ten times slower).
    await connection.client.execute(`PRAGMA cache_size = -${IMPORT_CACHE_KIB}`).catch(() => undefined);
    const tx = await connection.client.transaction('write');
    try {
      const now = ctx.now();
      const sequences = new Map((await selectRows(tx, 'SELECT prefix, last FROM index_sequences')).map((r) => [String(r.prefix), Number(r.last)]));
      const numbers = indexNumbers(rows, agency, sequences);
      let tip = String((await selectRows(tx, 'SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1'))[0]?.hash ?? GENESIS_HASH);
      let searchId = Number((await selectRows(tx, 'SELECT coalesce(max(id), 0) AS n FROM search_documents'))[0]?.n ?? 0);
      const audit = (content: AuditContent): Row => {
        const hash = auditHash(tip, content);
        const row = { at: content.at, actor_id: content.actorId, document_id: content.documentId, action: content.action, from_state: content.fromState, to_state: content.toState, detail: content.detail, prev_hash: tip, hash };
        tip = hash;
        return row;
      };
      for (let from = 0; from < rows.length; from += CHUNK) {
        const docs: Row[] = [], auditRows: Row[] = [], searchDocs: Row[] = [], staff: Row[] = [], pub: Row[] = [], ids: string[] = [];
        rows.slice(from, from + CHUNK).forEach((row, k) => {
          const i = from + k;
          const id = crypto.randomUUID();
          ids.push(id);
          const snapshot = {
            value: 'published',
            context: { hasStatistics: false, isMajorMatter: false, attribute: row.attribute, categoryCode: categoryCodes.get(row.categoryId) ?? '', drafterId: actor.id, round: 0, acted: [], lastReturn: null },
            imported: { importId: meta.importId, at: now },
          };
          docs.push({
            id, title: row.title, doc_number: row.docNumber, category_id: row.categoryId, written_at: row.writtenOn, body: row.body,
            has_statistics: 0, is_major_matter: 0, attribute: row.attribute, attribute_reason: row.attribute === 'partial' ? '删减后公开（历史目录导入）' : '',
            legal_ground: null, channels: '["portal"]', drafter_id: actor.id, policy_document_id: null, department_id: row.departmentId ?? actor.department.id,
            workflow_key: def.key, workflow_version: def.version, snapshot: JSON.stringify(snapshot), status: 'published', current_step: 'published', version: 1,
            index_number: numbers[i]!, published_at: cstMidnight(row.publishedOn), withdrawn_at: null, withdraw_reason: null, validity: row.validity, created_at: now, updated_at: now,
          });
          auditRows.push(audit({ at: now, actorId: actor.id, documentId: id, action: 'document.imported', fromState: null, toState: 'published', detail: JSON.stringify({ importId: meta.importId, rowNumber: row.rowNumber, indexNumber: numbers[i] }) }));
          const title = indexText(`${row.title} ${row.docNumber}`);
          const body = indexText(row.body);
          searchDocs.push({ id: ++searchId, document_id: id });
          staff.push({ rowid: searchId, title, body });
          // The body of an imported partial item is the text as it was published (already without the removed passages).
          pub.push({ rowid: searchId, title, body });
        });
        const statements: InStatement[] = [];
        inserts('documents', docs, statements);
        inserts('audit_log', auditRows, statements);
        inserts('search_documents', searchDocs, statements);
        inserts('search_staff', staff, statements);
        inserts('search_public', pub, statements);
        // Indexed here already; the insert trigger queued them.
        statements.push({ sql: `DELETE FROM search_queue WHERE document_id IN (${ids.map(() => '?').join(', ')})`, args: ids });
        await tx.batch(statements);
        onProgress(Math.min(rows.length, from + CHUNK));
        // A local libsql call runs synchronously: give the event loop a turn so the server still
        // answers (progress polls, reads) between chunks.
        await new Promise((resolve) => setImmediate(resolve));
      }
      const result: CatalogImportResult = { imported: rows.length, firstIndexNumber: numbers[0] ?? null, lastIndexNumber: numbers.at(-1) ?? null };
      const summary = audit({
        at: now, actorId: actor.id, documentId: null, action: 'catalog.imported', fromState: null, toState: null,
        detail: JSON.stringify({ importId: meta.importId, fileName: meta.fileName, sha256: meta.sha256, count: rows.length, firstIndexNumber: result.firstIndexNumber, lastIndexNumber: result.lastIndexNumber }),
      });
      const closing: InStatement[] = [...sequences].map(([prefix, last]) => ({ sql: 'INSERT INTO index_sequences (prefix, last) VALUES (?, ?) ON CONFLICT (prefix) DO UPDATE SET last = max(last, excluded.last)', args: [prefix, last] }));
      inserts('audit_log', [summary], closing);
      await tx.batch(closing);
      await tx.commit();
      return result;
    } catch (error) {
      await tx.rollback().catch(() => undefined);
      if (/UNIQUE constraint failed: documents\.index_number/.test(`${error instanceof Error ? error.message : ''} ${String((error as { cause?: unknown })?.cause ?? '')}`)) {
        throw conflict('有索引号与已有文件重复（可能刚由他人发布），导入未写入任何内容，请重新校验');
      }
      throw error;
    } finally {
      tx.close();
      connection.close();
    }
  });
}
