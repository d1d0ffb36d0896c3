import type { Writable } from 'node:stream';
import { LEGAL_GROUND_LABELS, type LegalGround } from '../../forms/disclosure';
import { redactedSegments } from '../../forms/index';
import { CATALOG_COLUMNS } from '../../forms/catalog-columns';
import { VALIDITY_LABELS, type Validity } from '../../workflows/validity/validity-values';
import { cstDate } from '../time';
import { publicBodyText } from './public-feed-service';
import { readSetting, SETTING_KEYS } from './settings';
import { writeSheet, type SheetFileFormat } from './sheet-writer';
import type { ServiceContext } from './service-context';
import { prefetched, reportReads } from '../db/report-reader';

const PAGE = 2000;
const ATTRIBUTE_TEXT: Record<string, string> = { open: '主动公开', partial: '删减后公开' };

/**
 * The public catalog as rows of the import template's columns, oldest first, a page at a
 * time. Only what the public catalog shows: published, open or partial; a partial item's
 * body with each removed passage replaced by its public marker (the removed text is never
 * read into a row).
 */
async function* catalogRows(ctx: ServiceContext): AsyncGenerator<string[]> {
  const { db } = ctx.database;
  // Each page joins thousands of documents with their bodies: read off the event loop
  // (report-reader.ts), the next one while this one is written out.
  const client = reportReads(ctx.database).client;
  const bureauName = await readSetting(db, SETTING_KEYS.bureauName);
  const pageAfter = (publishedAt: number, id: string) =>
    prefetched(
      client.execute({
        sql: `SELECT d.id, d.title, d.doc_number, d.index_number, c.name_zh AS category, d.published_at, d.written_at, d.attribute, d.validity, d.body, dep.name AS department
              FROM documents d JOIN categories c ON c.id = d.category_id JOIN departments dep ON dep.id = d.department_id
              WHERE d.status = 'published' AND d.attribute IN ('open', 'partial') AND (d.published_at, d.id) > (?, ?)
              ORDER BY d.published_at, d.id LIMIT ?`,
        args: [publishedAt, id, PAGE],
      }),
    );
  let next = pageAfter(-1, '');
  for (;;) {
    const page = (await next).rows;
    if (!page.length) return;
    const partialIds = page.filter((r) => r.attribute === 'partial').map((r) => String(r.id));
    // This page's redactions first: the reader answers in the order it is asked.
    const redacted = partialIds.length ? client.execute({ sql: `SELECT document_id, start, "end", ground FROM redactions WHERE document_id IN (${partialIds.map(() => '?').join(', ')})`, args: partialIds }) : null;
    const last = page.at(-1)!;
    next = pageAfter(Number(last.published_at ?? 0), String(last.id));
    const redactions = new Map<string, { start: number; end: number; reason: string }[]>();
    if (redacted) {
      const found = await redacted;
      for (const r of found.rows) {
        const list = redactions.get(String(r.document_id)) ?? [];
        list.push({ start: Number(r.start), end: Number(r.end), reason: LEGAL_GROUND_LABELS[String(r.ground) as LegalGround]?.zh ?? '' });
        redactions.set(String(r.document_id), list);
      }
    }
    for (const r of page) {
      const body = String(r.body);
      const publicBody = r.attribute === 'partial' ? publicBodyText(redactedSegments(body, redactions.get(String(r.id)) ?? [])) : body;
      yield [
        String(r.title), String(r.doc_number ?? ''), String(r.index_number ?? ''), String(r.category), cstDate(Number(r.published_at ?? 0)), String(r.written_at),
        ATTRIBUTE_TEXT[String(r.attribute)] ?? '', VALIDITY_LABELS[String(r.validity) as Validity]?.zh ?? '', publicBody, bureauName,
      ];
    }
  }
}

/** Rows follow the template's columns, so an exported catalog imports back as it is. */
export const CATALOG_HEADERS = CATALOG_COLUMNS.map((c) => c.header);

export function exportCatalog(ctx: ServiceContext, format: SheetFileFormat, out: Writable): Promise<void> {
  return writeSheet(format, '政府信息公开目录', CATALOG_HEADERS, catalogRows(ctx), out);
}

/** The import template: the headers and one example row (索引号 left empty: assigned on import). */
export async function writeCatalogTemplate(ctx: ServiceContext, format: SheetFileFormat, out: Writable): Promise<void> {
  const bureauName = await readSetting(ctx.database.db, SETTING_KEYS.bureauName);
  const example = ['关于印发《城乡居民最低生活保障实施办法》的通知', '示民〔2024〕12号', '', '政策文件', '2024-03-15', '2024-03-10', '主动公开', '有效', '各乡镇人民政府、街道办事处：……', bureauName];
  async function* rows() {
    yield example;
  }
  await writeSheet(format, '政府信息公开目录', CATALOG_HEADERS, rows(), out);
}
