import { and, eq, lt } from 'drizzle-orm';
import { sessions, users } from '../db/schema/index';
import { dummyPasswordHash, verifyPassword } from '../auth/password';
import { generateSessionToken, sessionIdFromToken } from '../auth/session-token';
import { loadSessionUser, loadSessionWithUser, type SessionUser } from './users';
import { isStorageFailure, unauthorized } from './errors';
import { commitChange } from './commit';
import { assertNotThrottled, clearAccountFailures, recordFailureStatements } from './login-throttle';
import { readSetting, SETTING_KEYS } from './settings';
import type { ServiceContext } from './service-context';

/** A session ends after this long without use… */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/** …and never lives longer than this from sign-in, however busy. */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** …and is extended only once less than half of that is left, to spare writes. */
const SESSION_REFRESH_MS = SESSION_IDLE_MS / 2;

export interface SignedIn {
  token: string;
  expiresAt: number;
  user: SessionUser;
}

/** Checks the password and opens a new session (a fresh token on every sign-in). */
export async function signIn(ctx: ServiceContext, username: string, password: string, ip: string | null = null): Promise<SignedIn> {
  const { db } = ctx.database;
  await assertNotThrottled(db, username, ip, ctx.now());
  const [row] = await db.select().from(users).where(eq(users.username, username));
  const valid = row ? await verifyPassword(row.passwordHash, password) : await verifyPassword(await dummyPasswordHash(), password).then(() => false);
  if (!row || !valid || row.disabled) {
    const now = ctx.now();
    await commitChange(ctx, recordFailureStatements(db, username, ip, now), [{ at: now, actorId: row?.id ?? null, action: 'session.sign_in_failed', detail: { username, ip } }]);
    throw unauthorized('用户名或密码错误');
  }
  const user = await loadSessionUser(db, row.id);
  if (!user) throw unauthorized('用户名或密码错误');
  const token = generateSessionToken();
  const now = ctx.now();
  const expiresAt = now + SESSION_IDLE_MS;
  await commitChange(
    ctx,
    [
      db.insert(sessions).values({ id: sessionIdFromToken(token), userId: row.id, expiresAt, createdAt: now }),
      db.delete(sessions).where(and(eq(sessions.userId, row.id), lt(sessions.expiresAt, now))),
      clearAccountFailures(db, username),
    ],
    [{ at: now, actorId: row.id, action: 'session.signed_in' }],
  );
  return { token, expiresAt, user };
}

export interface ValidSession {
  sessionId: string;
  expiresAt: number;
  user: SessionUser;
  /** True when the expiry moved and the cookie should be re-sent. */
  refreshed: boolean;
}

/** Resolves a cookie token to its user, sliding the expiry forward when it is used. */
export async function validateSessionToken(ctx: ServiceContext, token: string): Promise<ValidSession | null> {
  const { db } = ctx.database;
  const sessionId = sessionIdFromToken(token);
  const found = await loadSessionWithUser(db, sessionId);
  if (!found) return null;
  const { session, user } = found;
  const now = ctx.now();
  if (now >= session.expiresAt || now >= session.createdAt + SESSION_ABSOLUTE_MS) {
    await db.delete(sessions).where(eq(sessions.id, sessionId));
    return null;
  }
  if (!user) return null;
  let expiresAt = session.expiresAt;
  const refreshed = expiresAt - now < SESSION_REFRESH_MS;
  if (refreshed) {
    expiresAt = Math.min(now + SESSION_IDLE_MS, session.createdAt + SESSION_ABSOLUTE_MS);
    try {
      await db.update(sessions).set({ expiresAt }).where(eq(sessions.id, sessionId));
    } catch (error) {
      // A database that refuses writes must not sign everyone out: reads still work, the slide waits.
      if (!isStorageFailure(error)) throw error;
      expiresAt = session.expiresAt;
    }
  }
  return { sessionId, expiresAt, user, refreshed };
}

/** Ends one session for good: the token stops working on every later request. */
export async function signOut(ctx: ServiceContext, sessionId: string, userId: string): Promise<void> {
  const { db } = ctx.database;
  await commitChange(ctx, [db.delete(sessions).where(eq(sessions.id, sessionId))], [{ at: ctx.now(), actorId: userId, action: 'session.signed_out' }]);
}

/** The signed-in user as the app header shows them, with the bureau they work for; null when signed out. */
export async function describeSignedInUser(ctx: ServiceContext, user: SessionUser | null) {
  return user ? { ...user, bureauName: await readSetting(ctx.database.db, SETTING_KEYS.bureauName) } : null;
}
