import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { attachments, catalogCounts, categories, documents } from '../db/schema/index';
import { LEGAL_GROUND_LABELS, PUBLISHABLE_ATTRIBUTES } from '../../forms/disclosure';
import { redactedSegments } from '../../forms/index';
import { loadRedactions } from './document-store';
import { loadReportTables } from './report-table-snapshot';
import { readSetting, SETTING_KEYS } from './settings';
import { cstDate } from '../time';
import type { ServiceContext } from './service-context';

export const CATALOG_PAGE_SIZE = 20;

/**
 * Only these rows are ever public. Both conditions are checked, so a workflow mistake that
 * marked a non-public document as published would still not reach the catalog.
 */
const isPublic = and(eq(documents.status, 'published'), inArray(documents.attribute, [...PUBLISHABLE_ATTRIBUTES]));

export async function listCategories(ctx: ServiceContext) {
  return ctx.database.db
    .select({ id: categories.id, code: categories.code, nameZh: categories.nameZh, nameEn: categories.nameEn, column: categories.column })
    .from(categories)
    .orderBy(asc(categories.sort));
}

/** One page of the public catalog, newest (or oldest) first, optionally within a category. */
export async function listPublished(ctx: ServiceContext, options: { categoryCode: string | null; page: number; sort?: 'newest' | 'oldest' }) {
  const sort: 'newest' | 'oldest' = options.sort === 'oldest' ? 'oldest' : 'newest';
  // Either direction walks the same index (documents_catalog[_category]).
  const byPublished = sort === 'oldest' ? asc(documents.publishedAt) : desc(documents.publishedAt);
  const { db } = ctx.database;
  // Counts kept by triggers (catalog_counts), not counted over every public document per view.
  const cats = await db
    .select({ id: categories.id, code: categories.code, name: categories.nameZh, count: sql<number>`coalesce(${catalogCounts.count}, 0)` })
    .from(categories)
    .leftJoin(catalogCounts, eq(catalogCounts.categoryId, categories.id))
    .orderBy(asc(categories.sort));
  const active = cats.find((c) => c.code === options.categoryCode) ?? null;
  const where = active ? and(isPublic, eq(documents.categoryId, active.id)) : isPublic;
  const total = active ? active.count : cats.reduce((sum, c) => sum + c.count, 0);
  const pageCount = Math.max(1, Math.ceil(total / CATALOG_PAGE_SIZE));
  const page = Math.min(Math.max(1, options.page), pageCount);
  // The page's rows are found on the index alone (documents_catalog[_category] hold status,
  // category, published_at and attribute), so the rows an OFFSET skips are index entries, not
  // table rows; only the page's own rows are read.
  const onPage = db
    .select({ rowid: sql`rowid` })
    .from(documents)
    .where(where)
    .orderBy(byPublished)
    .limit(CATALOG_PAGE_SIZE)
    .offset((page - 1) * CATALOG_PAGE_SIZE);
  const rows = await db
    .select({ id: documents.id, indexNumber: documents.indexNumber, title: documents.title, docNumber: documents.docNumber, publishedAt: documents.publishedAt, categoryName: categories.nameZh })
    .from(documents)
    .innerJoin(categories, eq(categories.id, documents.categoryId))
    .where(inArray(sql`${documents}.rowid`, onPage))
    .orderBy(byPublished);
  return {
    bureauName: await readSetting(db, SETTING_KEYS.bureauName),
    categories: cats.map(({ code, name, count: n }) => ({ code, name, count: n })),
    activeCategory: active?.code ?? null,
    items: rows.map((r) => ({ ...r, indexNumber: r.indexNumber ?? '', publishedAt: cstDate(r.publishedAt ?? 0) })),
    page,
    pageCount,
    sort,
  };
}

/** A published document as the public may see it: redacted passages replaced by their reasons. */
export async function getPublishedDocument(ctx: ServiceContext, indexNumber: string) {
  const { db } = ctx.database;
  const [row] = await db
    .select({ doc: documents, categoryName: categories.nameZh, column: categories.column })
    .from(documents)
    .innerJoin(categories, eq(categories.id, documents.categoryId))
    .where(and(isPublic, eq(documents.indexNumber, indexNumber)));
  if (!row) return null;
  const { doc } = row;
  const redactionList = doc.attribute === 'partial' ? await loadRedactions(db, doc.id) : [];
  // Attachments of a redacted document may hold the removed passages; only full-open documents publish theirs.
  const files =
    doc.attribute === 'open'
      ? await db.select({ id: attachments.id, name: attachments.originalName, size: attachments.size }).from(attachments).where(eq(attachments.documentId, doc.id))
      : [];
  const bureauName = await readSetting(db, SETTING_KEYS.bureauName);
  return {
    bureauName,
    indexNumber: doc.indexNumber ?? '',
    title: doc.title,
    docNumber: doc.docNumber,
    issuingBody: bureauName,
    categoryName: row.categoryName,
    column: row.column,
    writtenAt: doc.writtenAt,
    publishedAt: cstDate(doc.publishedAt ?? 0),
    validity: doc.validity as 'in_force' | 'repealed' | 'expired',
    // The public sees the legal ground only; the drafter's own explanation may itself reveal what was removed.
    segments: redactedSegments(doc.body, redactionList.map((r) => ({ start: r.start, end: r.end, reason: LEGAL_GROUND_LABELS[r.ground].zh }))),
    attachments: files.map((f) => ({ name: f.name, size: f.size, url: `/public/attachments/${f.id}` })),
    tables: await loadReportTables(db, doc.id),
  };
}

/** The document id behind a public attachment, if that attachment is public. */
export async function publicAttachment(ctx: ServiceContext, attachmentId: string) {
  const { db } = ctx.database;
  const [row] = await db
    .select({ attachment: attachments })
    .from(attachments)
    .innerJoin(documents, eq(documents.id, attachments.documentId))
    .where(and(eq(attachments.id, attachmentId), isPublic, eq(documents.attribute, 'open')));
  return row?.attachment ?? null;
}
