import { eq, inArray, sql } from 'drizzle-orm';
import { loginAttempts } from '../db/schema/index';
import { ShenfaError } from './errors';
import type { Db } from '../db/client';

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Failures allowed per account, and per address (several clerks may share one NAT address), per window. */
export const MAX_FAILURES = { user: 5, ip: 30 } as const;

export function throttleKeys(username: string, ip: string | null): { key: string; limit: number }[] {
  return [{ key: `user:${username.toLowerCase()}`, limit: MAX_FAILURES.user }, ...(ip ? [{ key: `ip:${ip}`, limit: MAX_FAILURES.ip }] : [])];
}

/** Refuses before the password is even checked when an account or address has failed too often lately. */
export async function assertNotThrottled(db: Db, username: string, ip: string | null, now: number): Promise<void> {
  const keys = throttleKeys(username, ip);
  const rows = await db.select().from(loginAttempts).where(inArray(loginAttempts.key, keys.map((k) => k.key)));
  for (const { key, limit } of keys) {
    const row = rows.find((r) => r.key === key);
    if (row && now - row.windowStart < LOGIN_WINDOW_MS && row.failures >= limit) {
      const minutes = Math.ceil((row.windowStart + LOGIN_WINDOW_MS - now) / 60_000);
      throw new ShenfaError('TOO_MANY_REQUESTS', `登录失败次数过多，请 ${minutes} 分钟后再试`);
    }
  }
}

/** Counts one failure against each key, starting a new window when the old one has passed. */
export function recordFailureStatements(db: Db, username: string, ip: string | null, now: number) {
  return throttleKeys(username, ip).map(({ key }) =>
    db
      .insert(loginAttempts)
      .values({ key, windowStart: now, failures: 1 })
      .onConflictDoUpdate({
        target: loginAttempts.key,
        set: {
          failures: sql`CASE WHEN ${now} - ${loginAttempts.windowStart} >= ${LOGIN_WINDOW_MS} THEN 1 ELSE ${loginAttempts.failures} + 1 END`,
          windowStart: sql`CASE WHEN ${now} - ${loginAttempts.windowStart} >= ${LOGIN_WINDOW_MS} THEN ${now} ELSE ${loginAttempts.windowStart} END`,
        },
      }),
  );
}

export function clearAccountFailures(db: Db, username: string) {
  return db.delete(loginAttempts).where(eq(loginAttempts.key, `user:${username.toLowerCase()}`));
}
