/**
 * Housekeeping of the throttling counters: a login-failure row (login_attempts) or a public
 * form hit counter (public_rate_limits) whose window has passed counts for nothing (the next
 * hit starts a new window), so deleting it changes no decision. Without this, every address
 * that ever failed a login or opened the request form would keep a row for ever.
 * Counters are not records of anyone's action, so the pruning writes no audit row.
 */
import { and, like, lte } from 'drizzle-orm';
import { loginAttempts, publicRateLimits } from '../db/schema/index';
import { LOGIN_WINDOW_MS } from './login-throttle';
import { PUBLIC_LIMITS } from './public-form-guard';
import type { ServiceContext } from './service-context';

/** Deletes the counters whose window has ended; answers how many of each went. */
export async function pruneExpiredRateLimits(ctx: ServiceContext): Promise<{ loginAttempts: number; publicRateLimits: number }> {
  const { db } = ctx.database;
  const now = ctx.now();
  const login = await db.delete(loginAttempts).where(lte(loginAttempts.windowStart, now - LOGIN_WINDOW_MS)).returning({ key: loginAttempts.key });
  let publicRows = 0;
  for (const [kind, { windowMs }] of Object.entries(PUBLIC_LIMITS)) {
    const gone = await db
      .delete(publicRateLimits)
      .where(and(like(publicRateLimits.key, `${kind}:%`), lte(publicRateLimits.windowStart, now - windowMs)))
      .returning({ key: publicRateLimits.key });
    publicRows += gone.length;
  }
  return { loginAttempts: login.length, publicRateLimits: publicRows };
}
