import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { attachments, catalogCounts, categories, documents } from '../db/schema/index';
import { LEGAL_GROUND_LABELS, PUBLISHABLE_ATTRIBUTES } from '../../forms/disclosure';
import { redactedSegments } from '../../forms/index';
import { loadRedactions } from './document-store';
import { loadReportTables } from './report-table-snapshot';
import { readSetting, SETTING_KEYS } from './settings';
import { cstDate } from '../time';
import { preparedQuery } from '../db/prepared';
import type { Db } from '../db/client';
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

// The public catalog's list and document pages are what the public reads most: their queries
// are built once per database (db/prepared.ts). Built per view, drizzle's query building was
// a third of a list page's CPU (678 µs per page over HTTP).

/** The categories in the catalog's order, with their public counts (catalog_counts, kept by triggers, not counted per view). */
const categoriesWithCounts = (db: Db) =>
  preparedQuery(db, 'catalog.categoriesWithCounts', (d) =>
    d
      .select({ id: categories.id, code: categories.code, name: categories.nameZh, count: sql<number>`coalesce(${catalogCounts.count}, 0)` })
      .from(categories)
      .leftJoin(catalogCounts, eq(catalogCounts.categoryId, categories.id))
      .orderBy(asc(categories.sort))
      .prepare(),
  );

/**
 * One page of public documents, newest or oldest first, in one category (`categoryId`) or in
 * all: four texts, each prepared once. The page's rows are found on the index alone
 * (documents_catalog[_category] hold status, category, published_at and attribute), so the rows
 * an OFFSET skips are index entries, not table rows; only the page's own rows are read.
 */
const catalogPage = (db: Db, sort: 'newest' | 'oldest', inCategory: boolean) =>
  preparedQuery(db, `catalog.page.${sort}.${inCategory ? 'category' : 'all'}`, (d) => {
    // Either direction walks the same index.
    const byPublished = sort === 'oldest' ? asc(documents.publishedAt) : desc(documents.publishedAt);
    const onPage = d
      .select({ rowid: sql`rowid` })
      .from(documents)
      .where(inCategory ? and(isPublic, eq(documents.categoryId, sql.placeholder('categoryId'))) : isPublic)
      .orderBy(byPublished)
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'));
    return d
      .select({ id: documents.id, indexNumber: documents.indexNumber, title: documents.title, docNumber: documents.docNumber, publishedAt: documents.publishedAt, categoryName: categories.nameZh })
      .from(documents)
      .innerJoin(categories, eq(categories.id, documents.categoryId))
      .where(inArray(sql`${documents}.rowid`, onPage))
      .orderBy(byPublished)
      .prepare();
  });

/** One page of the public catalog, newest (or oldest) first, optionally within a category. */
export async function listPublished(ctx: ServiceContext, options: { categoryCode: string | null; page: number; sort?: 'newest' | 'oldest' }) {
  const sort: 'newest' | 'oldest' = options.sort === 'oldest' ? 'oldest' : 'newest';
  const { db } = ctx.database;
  const cats = await categoriesWithCounts(db).all();
  const active = cats.find((c) => c.code === options.categoryCode) ?? null;
  const total = active ? active.count : cats.reduce((sum, c) => sum + c.count, 0);
  const pageCount = Math.max(1, Math.ceil(total / CATALOG_PAGE_SIZE));
  const page = Math.min(Math.max(1, options.page), pageCount);
  const rows = await catalogPage(db, sort, active !== null).all({ categoryId: active?.id, limit: CATALOG_PAGE_SIZE, offset: (page - 1) * CATALOG_PAGE_SIZE });
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
  const row = await preparedQuery(db, 'catalog.documentByIndexNumber', (d) =>
    d
      .select({ doc: documents, categoryName: categories.nameZh, column: categories.column })
      .from(documents)
      .innerJoin(categories, eq(categories.id, documents.categoryId))
      .where(and(isPublic, eq(documents.indexNumber, sql.placeholder('indexNumber'))))
      .prepare(),
  ).get({ indexNumber });
  if (!row) return null;
  const { doc } = row;
  const redactionList = doc.attribute === 'partial' ? await loadRedactions(db, doc.id) : [];
  // Attachments of a redacted document may hold the removed passages; only full-open documents publish theirs.
  const files =
    doc.attribute === 'open'
      ? await preparedQuery(db, 'catalog.attachmentsOfDocument', (d) =>
          d.select({ id: attachments.id, name: attachments.originalName, size: attachments.size }).from(attachments).where(eq(attachments.documentId, sql.placeholder('documentId'))).prepare(),
        ).all({ documentId: doc.id })
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
