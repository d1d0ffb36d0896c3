import { asc, eq } from 'drizzle-orm';
import { calendarKnownYears, calendarOverrides } from '../db/schema/index';
import { calendarOverrideSchema, createWorkCalendar, packageHolidays, type CalendarOverride, type WorkCalendar } from '../../workflows/calendar/index';
import { commitChange } from './commit';
import { recomputeOpenDeadlines } from './deadline-service';
import { badRequest, forbidden } from './errors';
import type { Db } from '../db/client';
import type { ServiceContext } from './service-context';
import type { SessionUser } from './users';

// The overrides table is tiny and changes a few times a year; re-read it at most this often
// so a change made by another server process is picked up without a query per transition.
const CALENDAR_TTL_MS = 30_000;
let cached: { calendar: WorkCalendar; at: number; db: Db; content: string } | null = null;

/** The working-day calendar: the holiday package plus the admin's overrides and known years. */
export async function loadWorkCalendar(ctx: ServiceContext): Promise<WorkCalendar> {
  const { db } = ctx.database;
  const now = Date.now();
  if (cached && cached.db === db && now - cached.at < CALENDAR_TTL_MS) return cached.calendar;
  const overrides = await db.select().from(calendarOverrides).orderBy(asc(calendarOverrides.date));
  const years = await db.select().from(calendarKnownYears);
  const options = {
    overrides: overrides.map((o) => ({ date: o.date, kind: o.kind as CalendarOverride['kind'], note: o.note })),
    knownYears: years.map((y) => y.year),
  };
  // The same content keeps the same calendar object: it remembers the days it has answered,
  // and callers key their own memos by it (the deadline board's request deadlines).
  const content = JSON.stringify(options);
  const calendar = cached && cached.db === db && cached.content === content ? cached.calendar : createWorkCalendar(options);
  cached = { calendar, at: now, db, content };
  return calendar;
}

export function forgetCachedCalendar(): void {
  cached = null;
}

export async function listCalendarSettings(ctx: ServiceContext) {
  const { db } = ctx.database;
  return {
    overrides: await db.select({ date: calendarOverrides.date, kind: calendarOverrides.kind, note: calendarOverrides.note }).from(calendarOverrides).orderBy(asc(calendarOverrides.date)),
    knownYears: (await db.select({ year: calendarKnownYears.year }).from(calendarKnownYears)).map((y) => y.year).sort(),
    packageYears: [...packageHolidays.knownYears].sort(),
  };
}

function requireAdmin(actor: SessionUser) {
  if (!actor.roles.includes('admin')) throw forbidden('只有管理员可以维护工作日历');
}

/** An admin enters a day from the State Council notice (or removes one); open deadlines are then recomputed. */
export async function setCalendarDay(ctx: ServiceContext, actor: SessionUser, input: { date: string; kind: 'workday' | 'holiday' | 'default'; note: string }) {
  requireAdmin(actor);
  const { db } = ctx.database;
  const now = ctx.now();
  if (input.kind === 'default') {
    await commitChange(ctx, [db.delete(calendarOverrides).where(eq(calendarOverrides.date, input.date))], [{ at: now, actorId: actor.id, action: 'calendar.day_cleared', detail: { date: input.date } }]);
  } else {
    const parsed = calendarOverrideSchema.safeParse({ date: input.date, kind: input.kind, note: input.note });
    if (!parsed.success) throw badRequest(parsed.error.issues[0]?.message ?? '日期设置有误');
    const row = { date: parsed.data.date, kind: parsed.data.kind, note: parsed.data.note ?? '', createdBy: actor.id, createdAt: now };
    await commitChange(
      ctx,
      [db.insert(calendarOverrides).values(row).onConflictDoUpdate({ target: calendarOverrides.date, set: { kind: row.kind, note: row.note, createdBy: actor.id, createdAt: now } })],
      [{ at: now, actorId: actor.id, action: 'calendar.day_set', detail: { date: row.date, kind: row.kind, note: row.note } }],
    );
  }
  forgetCachedCalendar();
  return recomputeOpenDeadlines(ctx);
}

/** Marks a year's holiday notice as fully entered (or not), so its deadlines stop (or start) being provisional. */
export async function setYearKnown(ctx: ServiceContext, actor: SessionUser, input: { year: number; known: boolean }) {
  requireAdmin(actor);
  const { db } = ctx.database;
  const now = ctx.now();
  const statement = input.known
    ? db.insert(calendarKnownYears).values({ year: input.year, createdBy: actor.id, createdAt: now }).onConflictDoNothing()
    : db.delete(calendarKnownYears).where(eq(calendarKnownYears.year, input.year));
  await commitChange(ctx, [statement], [{ at: now, actorId: actor.id, action: input.known ? 'calendar.year_known' : 'calendar.year_unknown', detail: { year: input.year } }]);
  forgetCachedCalendar();
  return recomputeOpenDeadlines(ctx);
}
