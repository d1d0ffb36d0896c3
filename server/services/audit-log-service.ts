import { and, count, desc, eq, gte, inArray, like, lt, or, sql } from 'drizzle-orm';
import { auditLog, documents, infoRequests, users } from '../db/schema/index';
import { badRequest } from './errors';
import { reportReads } from '../db/report-reader';
import { pinnedDefinition } from './workflow-definitions';
import type { LocalizedText } from '../../workflows/definition';
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS } from '../../workflows/audit-actions';
import type { ServiceContext } from './service-context';

export const AUDIT_PAGE_SIZE = 50;
/** Matching rows are counted up to this many; narrower filters reach older rows. */
export const AUDIT_COUNT_CAP = 10_000;

/**
 * The distinct actions the log holds, in order, one index seek each (audit_action) instead of
 * reading every row: a loose index scan SQLite does not make by itself for DISTINCT.
 */
async function actionsPresent(ctx: ServiceContext): Promise<string[]> {
  const result = await ctx.database.client.execute(
    `WITH RECURSIVE present(action) AS (
       SELECT min(action) FROM audit_log
       UNION ALL
       SELECT (SELECT min(action) FROM audit_log WHERE action > present.action) FROM present WHERE present.action IS NOT NULL
     )
     SELECT action FROM present WHERE action IS NOT NULL`,
  );
  return result.rows.map((r) => String(r.action));
}

export interface AuditFilter {
  /** An action name or its prefix with a dot, e.g. 'review.' for every review action. */
  action?: string;
  actorId?: string;
  /** One document's trail: every row about it (the audit_document index serves it). */
  documentId?: string;
  /** Words in the document title, the row's details or the action's name (退回 finds review.return). */
  q?: string;
  /** CST dates, inclusive. */
  from?: string;
  to?: string;
  page: number;
}

/** Rows whose action's name (Chinese or English) contains the words, as a condition; none if no name does. */
function actionsNamed(q: string) {
  const words = q.toLowerCase();
  const codes = AUDIT_ACTIONS.filter((a) => AUDIT_ACTION_LABELS[a].zh.includes(q) || AUDIT_ACTION_LABELS[a].en.toLowerCase().includes(words));
  return codes.length ? [inArray(auditLog.action, codes)] : [];
}

const startOfCstDay = (iso: string) => Date.parse(`${iso}T00:00:00+08:00`);
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** 审计日志 for admins: newest first, filtered, one page at a time, with the filter choices. */
export async function listAuditLog(ctx: ServiceContext, filter: AuditFilter) {
  if (filter.from && filter.to && filter.from > filter.to) throw badRequest('开始日期不能晚于结束日期');
  const { db } = ctx.database;
  const q = filter.q?.trim();
  const where = and(
    filter.action ? (filter.action.endsWith('.') ? like(auditLog.action, `${escapeLike(filter.action)}%`) : eq(auditLog.action, filter.action)) : undefined,
    filter.actorId ? eq(auditLog.actorId, filter.actorId) : undefined,
    filter.documentId ? eq(auditLog.documentId, filter.documentId) : undefined,
    filter.from ? gte(auditLog.at, startOfCstDay(filter.from)) : undefined,
    filter.to ? lt(auditLog.at, startOfCstDay(filter.to) + 86_400_000) : undefined,
    q ? or(sql`${documents.title} LIKE ${`%${escapeLike(q)}%`} ESCAPE '\\'`, sql`${auditLog.detail} LIKE ${`%${escapeLike(q)}%`} ESCAPE '\\'`, ...actionsNamed(q)) : undefined,
  );
  // Counted up to a cap, and joined to documents only when the words may match a title: an
  // exact count of a large log read every row of it on each page view (3 s over 6.1M rows).
  const counted = db.select({ one: sql`1` }).from(auditLog);
  const matching = (q ? counted.leftJoin(documents, eq(documents.id, auditLog.documentId)) : counted).where(where).limit(AUDIT_COUNT_CAP + 1);
  // Words in titles and details are matched row by row (up to the cap): off the event loop (report-reader.ts).
  const reads = reportReads(ctx.database).db;
  const [[total], rows, actions, actors, [trailOf]] = await Promise.all([
    reads.select({ n: count() }).from(matching.as('matching')),
    reads
      .select({
        seq: auditLog.seq,
        at: auditLog.at,
        action: auditLog.action,
        fromState: auditLog.fromState,
        toState: auditLog.toState,
        detail: auditLog.detail,
        actorName: users.displayName,
        documentId: auditLog.documentId,
        title: documents.title,
        indexNumber: documents.indexNumber,
        workflowKey: documents.workflowKey,
        workflowVersion: documents.workflowVersion,
        hash: auditLog.hash,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .leftJoin(documents, eq(documents.id, auditLog.documentId))
      .where(where)
      .orderBy(desc(auditLog.seq))
      .limit(AUDIT_PAGE_SIZE)
      .offset((filter.page - 1) * AUDIT_PAGE_SIZE),
    actionsPresent(ctx),
    db.select({ id: users.id, name: users.displayName }).from(users).orderBy(users.displayName),
    // The filtered document's title, for the page to say whose trail it shows (also when other filters leave no row).
    filter.documentId ? db.select({ id: documents.id, title: documents.title }).from(documents).where(eq(documents.id, filter.documentId)) : Promise.resolve([]),
  ]);
  const n = total?.n ?? 0;
  const details = rows.map((r) => (r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null));
  const requestNos = await requestNumbers(ctx, details);
  return {
    items: await Promise.all(
      rows.map(async ({ workflowKey, workflowVersion, ...r }, i) => {
        const detail = details[i] ?? null;
        const steps = workflowKey && workflowVersion != null ? await stepLabels(ctx, r.action, workflowKey, workflowVersion, detail) : null;
        const requestId = typeof detail?.requestId === 'string' ? detail.requestId : null;
        return {
          ...r,
          hash: r.hash.slice(0, 12),
          detail,
          fromLabel: r.fromState ? (steps?.from(r.fromState) ?? null) : null,
          toLabel: r.toState ? (steps?.to(r.toState) ?? null) : null,
          // Some rows name their request by id only (its registration): the page links it by number.
          request: requestId && requestNos.has(requestId) ? { id: requestId, requestNo: requestNos.get(requestId)! } : null,
        };
      }),
    ),
    total: Math.min(n, AUDIT_COUNT_CAP),
    /** More rows match than the cap; the page says "more than". */
    totalCapped: n > AUDIT_COUNT_CAP,
    page: filter.page,
    pageCount: Math.max(1, Math.ceil(Math.min(n, AUDIT_COUNT_CAP) / AUDIT_PAGE_SIZE)),
    actions,
    actors,
    /** The document whose trail this is (the documentId filter), or null. */
    document: trailOf ?? null,
  };
}

/**
 * A document row's states are step ids of its pinned workflow; the page shows the steps' names.
 * A migration row moved the document from `detail.fromVersion` to `detail.toVersion`. The
 * definitions are cached per version, so a page of fifty rows reads at most a few.
 */
async function stepLabels(ctx: ServiceContext, action: string, key: string, version: number, detail: Record<string, unknown> | null) {
  const versionOf = (v: unknown) => (action === 'workflow.migrate' && typeof v === 'number' ? v : version);
  const labelIn = async (v: number) => {
    const def = await pinnedDefinition(ctx.database.db, key, v).catch(() => null);
    return (stepId: string): LocalizedText | null => def?.steps.find((s) => s.id === stepId)?.label ?? null;
  };
  const [from, to] = await Promise.all([labelIn(versionOf(detail?.fromVersion)), labelIn(versionOf(detail?.toVersion))]);
  return { from, to };
}

/** The numbers of the requests a page of rows names (detail.requestId), in one query. */
async function requestNumbers(ctx: ServiceContext, details: (Record<string, unknown> | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(details.map((d) => d?.requestId).filter((id): id is string => typeof id === 'string'))];
  if (!ids.length) return new Map();
  const found = await ctx.database.db.select({ id: infoRequests.id, requestNo: infoRequests.requestNo }).from(infoRequests).where(inArray(infoRequests.id, ids));
  return new Map(found.map((r) => [r.id, r.requestNo]));
}
