import type { Writable } from 'node:stream';
import { writeSheet, type SheetFileFormat } from './sheet-writer';
import type { ServiceContext } from './service-context';
import { prefetched, reportReads } from '../db/report-reader';
import { auditActionLabel } from '../../workflows/audit-actions';

const PAGE = 5000;

/** China Standard Time has no daylight saving: UTC+8 all year, to the second, sortable. */
const cstTimestamp = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

/** 操作 is the code as stored (what `audit verify` hashes), 操作说明 the same in words. */
export const AUDIT_HEADERS = ['序号', '时间（北京时间）', '操作人', '操作', '操作说明', '文件', '原状态', '新状态', '详情', '哈希'];

/** Every audit row in chain order, with who and which document by name; the hash lets a reader check the copy against `audit verify`. */
async function* auditRows(ctx: ServiceContext): AsyncGenerator<string[]> {
  // Each page joins thousands of rows: read off the event loop (report-reader.ts), the next
  // one while this one is written out.
  const reader = reportReads(ctx.database).client;
  const pageAfter = (after: number) =>
    prefetched(
      reader.execute({
        sql: `SELECT a.seq, a.at, a.action, a.from_state, a.to_state, a.detail, a.hash, a.document_id, u.display_name, u.username, d.title, d.index_number
              FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id LEFT JOIN documents d ON d.id = a.document_id
              WHERE a.seq > ? ORDER BY a.seq LIMIT ?`,
        args: [after, PAGE],
      }),
    );
  let next = pageAfter(0);
  for (;;) {
    const page = (await next).rows;
    if (!page.length) return;
    next = pageAfter(Number(page.at(-1)!.seq));
    for (const r of page) {
      const actor = r.display_name ? `${String(r.display_name)}（${String(r.username)}）` : '系统';
      const document = r.document_id ? (r.title ? `${String(r.title)}${r.index_number ? `（${String(r.index_number)}）` : ''}` : String(r.document_id)) : '';
      yield [String(r.seq), cstTimestamp(Number(r.at)), actor, String(r.action), auditActionLabel(String(r.action))?.zh ?? '', document, String(r.from_state ?? ''), String(r.to_state ?? ''), String(r.detail ?? ''), String(r.hash)];
    }
  }
}

export function exportAuditLog(ctx: ServiceContext, format: SheetFileFormat, out: Writable): Promise<void> {
  return writeSheet(format, '审计日志', AUDIT_HEADERS, auditRows(ctx), out);
}
