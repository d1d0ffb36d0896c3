/** The request register (依申请公开登记) as the disclosure office reads it: list and one request. */
import { and, asc, desc, eq, inArray, isNull, like, ne, or } from 'drizzle-orm';
import { documents, infoRequests, replyLetters, requestAppeals, requestDocuments, requestEvents, tableChanges, users } from '../db/schema/index';
import type { Db } from '../db/client';
import { preparedQuery } from '../db/prepared';
import { deadlineStatus, type DeadlineStatus } from '../../workflows/clocks/index';
import { nextDeadline, requestDeadlines } from '../../workflows/requests/request-clocks';
import { acceptedEvents } from '../../workflows/requests/request-engine';
import type { RequestEvent } from '../../workflows/requests/request.machine';
import type { RequestFlowDefinition } from '../../workflows/requests/request-flow-definition';
import { similarRequests, suggestsProactive } from '../../workflows/requests/similar-requests';
import { loadWorkCalendar } from './calendar-service';
import type { WorkCalendar } from '../../workflows/calendar/index';
import { loadRequest, requestFlowLookup, requestFlowOf, requestState } from './request-store';
import { cstDate } from '../time';
import type { ServiceContext } from './service-context';
import { displayNames, type SessionUser } from './users';

export interface RequestListFilter {
  scope: 'open' | 'closed' | 'all';
  /** Only requests whose next deadline is due soon or overdue. */
  dueState?: 'due_soon' | 'overdue' | undefined;
  /** Matches the number, the applicant or the description. */
  q?: string | undefined;
}

export async function listRequests(ctx: ServiceContext, filter: RequestListFilter) {
  const { db } = ctx.database;
  const calendar = await loadWorkCalendar(ctx);
  const today = cstDate(ctx.now());
  const q = filter.q?.trim();
  const text = q ? or(like(infoRequests.requestNo, `%${q}%`), like(infoRequests.applicantName, `%${q}%`), like(infoRequests.organisationName, `%${q}%`), like(infoRequests.description, `%${q}%`)) : undefined;
  const scope = filter.scope === 'open' ? isNull(infoRequests.closedAt) : filter.scope === 'closed' ? eq(infoRequests.status, 'closed') : undefined;
  const rows = await db
    .select({ id: infoRequests.id, requestNo: infoRequests.requestNo, status: infoRequests.status, channel: infoRequests.channel, applicantType: infoRequests.applicantType, applicantName: infoRequests.applicantName, organisationName: infoRequests.organisationName, description: infoRequests.description, receivedAt: infoRequests.receivedAt, closedAt: infoRequests.closedAt, result: infoRequests.result, snapshot: infoRequests.snapshot, workflowKey: infoRequests.workflowKey, workflowVersion: infoRequests.workflowVersion })
    .from(infoRequests)
    .where(and(scope, text))
    .orderBy(desc(infoRequests.receivedAt), desc(infoRequests.createdAt))
    .limit(500);
  const flowOf = await requestFlowLookup(db, rows);
  const items = rows.map(({ snapshot, description, workflowKey, workflowVersion, ...r }) => {
    const flow = flowOf({ workflowKey, workflowVersion });
    const next = nextDeadline(r.status, requestState({ snapshot }).context.clock, calendar, today, flow.steps);
    const dueState: DeadlineStatus | null = next ? deadlineStatus(next.due, today, calendar) : null;
    return { ...r, stepLabel: stepLabelOf(flow, r.status), summary: description.length > 60 ? `${description.slice(0, 60)}…` : description, next, dueState };
  });
  return { today, items: filter.dueState ? items.filter((i) => i.dueState === filter.dueState) : items };
}

/** The name of a step in the flow a request is pinned to (a later version may add steps). */
function stepLabelOf(flow: RequestFlowDefinition, stepId: string) {
  return flow.steps.find((s) => s.id === stepId)?.label ?? { zh: stepId, en: stepId };
}

/** The steps a clerk, the office head or a reviewer could take today, to show as buttons. */
function availableActions(state: ReturnType<typeof requestState>, user: SessionUser, today: string, calendar: Awaited<ReturnType<typeof loadWorkCalendar>>, flow: RequestFlowDefinition): RequestEvent['type'][] {
  const base = { date: today, actor: { id: user.id, roles: user.roles } };
  const candidates: RequestEvent[] = [
    { type: 'ACCEPT', ...base }, { type: 'REQUEST_CORRECTION', ...base }, { type: 'RECEIVE_CORRECTION', ...base }, { type: 'CLOSE_UNCORRECTED', ...base },
    { type: 'START_CONSULTATION', ...base }, { type: 'END_CONSULTATION', ...base }, { type: 'REQUEST_EXTENSION', days: 1, ...base }, { type: 'APPROVE_EXTENSION', ...base },
    { type: 'NOTIFY_FEE', ...base }, { type: 'RECORD_FEE_PAID', ...base }, { type: 'CLOSE_FEE_UNPAID', ...base },
    { type: 'DRAFT_REPLY', result: 'disclose', subReason: null, ...base }, { type: 'REVIEW_REPLY', ...base }, { type: 'SEND_REPLY', ...base },
  ];
  return acceptedEvents(calendar, state, candidates, flow);
}

export async function getRequest(ctx: ServiceContext, user: SessionUser, id: string) {
  const { db } = ctx.database;
  const row = await loadRequest(db, id);
  const calendar = await loadWorkCalendar(ctx);
  const today = cstDate(ctx.now());
  const state = requestState(row);
  const events = await db
    .select({ id: requestEvents.id, name: requestEvents.name, date: requestEvents.date, days: requestEvents.days, note: requestEvents.note, actorName: users.displayName, createdAt: requestEvents.createdAt })
    .from(requestEvents)
    .leftJoin(users, eq(users.id, requestEvents.actorId))
    .where(eq(requestEvents.requestId, id))
    .orderBy(asc(requestEvents.date), asc(requestEvents.createdAt));
  const [letter] = await db.select().from(replyLetters).where(eq(replyLetters.requestId, id));
  const appeals = await db.select().from(requestAppeals).where(eq(requestAppeals.requestId, id)).orderBy(asc(requestAppeals.filedOn));
  const released = await db
    .select({ documentId: documents.id, title: documents.title, indexNumber: documents.indexNumber, status: documents.status })
    .from(requestDocuments)
    .innerJoin(documents, eq(documents.id, requestDocuments.documentId))
    .where(eq(requestDocuments.requestId, id));
  const others = await db.select({ id: infoRequests.id, requestNo: infoRequests.requestNo, description: infoRequests.description, receivedAt: infoRequests.receivedAt }).from(infoRequests).where(ne(infoRequests.id, id)).orderBy(desc(infoRequests.receivedAt)).limit(1000);
  const similar = similarRequests(row.description, others).slice(0, 10);
  const names = letter ? await displayNames(db, [letter.draftedBy, letter.reviewedBy ?? letter.draftedBy]) : new Map<string, string>();
  const nameOf = (uid: string | null) => (uid === null ? null : (names.get(uid) ?? null));
  const flow = await requestFlowOf(db, row);
  const deadlines = requestDeadlines(state.context.clock, calendar, today);
  const next = nextDeadline(row.status, state.context.clock, calendar, today, flow.steps);
  const { snapshot: _s, secretCodeHash: _h, formNonce: _n, ...fields } = row;
  return {
    request: fields,
    flow: { key: flow.key, version: flow.version, stepLabel: stepLabelOf(flow, row.status) },
    today,
    events,
    deadlines: { reply: deadlines.reply, correctionNotice: deadlines.correctionNotice, correctionPeriod: deadlines.correctionPeriod, consultation: deadlines.consultation, feePayment: deadlines.feePayment },
    next: next ? { ...next, state: deadlineStatus(next.due, today, calendar) } : null,
    extension: state.context.extension,
    correctionAsked: state.context.correctionAsked,
    letter: letter ? { ...letter, draftedByName: nameOf(letter.draftedBy), reviewedByName: nameOf(letter.reviewedBy) } : null,
    appeals,
    released,
    similar,
    suggestProactive: suggestsProactive(similar.length),
    actions: availableActions(state, user, today, calendar, flow),
  };
}

type RequestNextDeadline = NonNullable<ReturnType<typeof nextDeadline>> & { state: DeadlineStatus };
type RequestDeadlineRow = { id: string; requestNo: string; status: string; stepLabel: { zh: string; en: string }; summary: string } & RequestNextDeadline;

/**
 * Every open request's deadline row, soonest first, remembered per calendar (the same object
 * while its content is unchanged), day and count of writes to info_requests (`table_changes`,
 * kept by triggers in every process's transactions): with those three fixed nothing moves a
 * deadline or changes what a row shows, so a view reads one counter row, not every open
 * request. When the counter moved, only the rows whose request version changed (every write
 * bumps it, trigger) are computed again. At 1M documents (7,859 open requests) reading every
 * open request on each view was most of the board's growth from 10k.
 */
interface RequestDeadlineMemo {
  db: Db;
  today: string;
  changes: number;
  byId: Map<string, { version: number; row: RequestDeadlineRow | null }>;
  sorted: RequestDeadlineRow[];
  /** The rows due soon or overdue (a prefix of `sorted` in practice), for the board. */
  flagged: RequestDeadlineRow[];
}
const deadlineMemo = new WeakMap<WorkCalendar, RequestDeadlineMemo>();

/**
 * Every open request's id and version (open = not closed, whatever steps its flow version
 * names), from the covering partial index info_requests_open_version and as one JSON text: at
 * 1M documents (7,859 open requests) reading them as rows through the closed_at index, then
 * each request's row, and building a driver row and a drizzle row per request took 35 ms of
 * CPU; this takes a few.
 */
async function openRequestVersions(ctx: ServiceContext): Promise<{ id: string; version: number }[]> {
  const { rows } = await ctx.database.client.execute(
    "SELECT coalesce(json_group_array(json_array(id, version)), '[]') AS pairs FROM info_requests INDEXED BY info_requests_open_version WHERE closed_at IS NULL",
  );
  return (JSON.parse(String(rows[0]?.pairs ?? '[]')) as [string, number][]).map(([id, version]) => ({ id, version }));
}

async function requestDeadlineMemo(ctx: ServiceContext): Promise<RequestDeadlineMemo> {
  const { db } = ctx.database;
  const calendar = await loadWorkCalendar(ctx);
  const today = cstDate(ctx.now());
  // Read before the requests: a write that lands after this read moves the counter past what is kept.
  const changes = (await preparedQuery(db, 'tableChanges.infoRequests', (d) => d.select({ changes: tableChanges.changes }).from(tableChanges).where(eq(tableChanges.tableName, 'info_requests')).prepare()).get())?.changes ?? -1;
  const memo = deadlineMemo.get(calendar);
  const sameDay = memo !== undefined && memo.db === db && memo.today === today;
  if (sameDay && changes >= 0 && memo.changes === changes) return memo;
  const known = sameDay ? memo.byId : new Map<string, { version: number; row: RequestDeadlineRow | null }>();
  const open = await openRequestVersions(ctx);
  const stale = open.filter((r) => known.get(r.id)?.version !== r.version).map((r) => r.id);
  // The counter moved but no open request did (one was closed elsewhere, or a closed one written): the same rows.
  if (sameDay && stale.length === 0 && open.length === known.size) {
    const same: RequestDeadlineMemo = { ...memo, changes };
    deadlineMemo.set(calendar, same);
    return same;
  }
  for (let at = 0; at < stale.length; at += 500) {
    const rows = await db
      .select({ id: infoRequests.id, version: infoRequests.version, requestNo: infoRequests.requestNo, status: infoRequests.status, description: infoRequests.description, snapshot: infoRequests.snapshot, workflowKey: infoRequests.workflowKey, workflowVersion: infoRequests.workflowVersion })
      .from(infoRequests)
      .where(inArray(infoRequests.id, stale.slice(at, at + 500)));
    const flowOf = await requestFlowLookup(db, rows);
    for (const r of rows) {
      const flow = flowOf(r);
      const next = nextDeadline(r.status, requestState(r).context.clock, calendar, today, flow.steps);
      known.set(r.id, { version: r.version, row: next ? { id: r.id, requestNo: r.requestNo, status: r.status, stepLabel: stepLabelOf(flow, r.status), summary: r.description.slice(0, 40), ...next, state: deadlineStatus(next.due, today, calendar) } : null });
    }
  }
  // Only open requests stay remembered (closed ones would pile up over the day).
  const byId = new Map<string, { version: number; row: RequestDeadlineRow | null }>();
  for (const r of open) {
    const entry = known.get(r.id);
    if (entry) byId.set(r.id, entry);
  }
  // ISO dates compare as plain strings; localeCompare was most of a re-sort of 7,859 rows.
  const sorted = [...byId.values()].flatMap((e) => (e.row ? [e.row] : [])).sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  const fresh: RequestDeadlineMemo = { db, today, changes, byId, sorted, flagged: sorted.filter((r) => r.state !== 'on_time') };
  deadlineMemo.set(calendar, fresh);
  return fresh;
}

/** Open requests with their next deadline, the `limit` soonest. */
export async function openRequestDeadlines(ctx: ServiceContext, limit = 1000): Promise<RequestDeadlineRow[]> {
  // Copies: the remembered rows are shared by every later view.
  return (await requestDeadlineMemo(ctx)).sorted.slice(0, limit).map((r) => ({ ...r }));
}

/** Open requests whose next deadline is due soon or overdue, the `limit` soonest, and how many there are. */
export async function flaggedRequestDeadlines(ctx: ServiceContext, limit: number): Promise<{ rows: RequestDeadlineRow[]; total: number }> {
  const { flagged } = await requestDeadlineMemo(ctx);
  return { rows: flagged.slice(0, limit).map((r) => ({ ...r })), total: flagged.length };
}
