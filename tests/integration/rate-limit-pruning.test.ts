/**
 * The scheduler prunes throttling counters whose window has passed (login failures, public
 * form hits), on a real libsql file; counters still inside their window stay and still refuse.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loginAttempts, publicRateLimits } from '../../server/db/schema/index';
import { startScheduler } from '../../server/scheduler';
import { LOGIN_WINDOW_MS } from '../../server/services/login-throttle';
import { PUBLIC_LIMITS } from '../../server/services/public-form-guard';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../support/test-server';
import { apiClient, failure } from '../support/api-client';

let server: TestServer;
let stopScheduler: (() => void) | undefined;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  stopScheduler?.();
  await server?.close();
});

describe('rate-limit counter pruning', () => {
  it('deletes expired login and public-form counters, keeps live ones, which still refuse', async () => {
    const { db } = server.services.database;
    const now = server.services.now();
    await db.insert(loginAttempts).values([
      { key: 'user:old-account', windowStart: now - LOGIN_WINDOW_MS - 1, failures: 5 },
      { key: 'ip:203.0.113.9', windowStart: now - 3 * LOGIN_WINDOW_MS, failures: 2 },
      // Locked out right now: must survive, and still lock.
      { key: 'user:stats', windowStart: now - 60_000, failures: 5 },
    ]);
    await db.insert(publicRateLimits).values([
      { key: 'apply:203.0.113.9', windowStart: now - PUBLIC_LIMITS.apply.windowMs - 1, hits: 10 },
      // The status window (15 min) is shorter than the apply window (1 h): 20 minutes old is
      // expired for status but would not be for apply.
      { key: 'status:203.0.113.9', windowStart: now - 20 * 60_000, hits: 20 },
      { key: 'apply:198.51.100.7', windowStart: now - 20 * 60_000, hits: 3 },
    ]);

    stopScheduler = startScheduler(server.services, { remindersMs: 3_600_000, webhooksMs: 3_600_000, mailMs: 3_600_000, pruneMs: 3_600_000 });
    await vi.waitFor(async () => expect((await db.select().from(publicRateLimits)).map((r) => r.key)).toEqual(['apply:198.51.100.7']), { timeout: 5_000, interval: 50 });
    expect((await db.select().from(loginAttempts)).map((r) => r.key)).toEqual(['user:stats']);

    const locked = await failure(apiClient(server.url).trpc.auth.login.mutate({ username: 'stats', password: TEST_PASSWORD }));
    expect(locked.code).toBe('TOO_MANY_REQUESTS');
  });
});
