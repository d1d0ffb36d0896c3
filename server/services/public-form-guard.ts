/**
 * A self-contained anti-abuse measure for the public request pages, with no outside service:
 * a signed, time-stamped form token that must be a few seconds old (people take longer than
 * that to fill a form, scripts do not), a honeypot field people never see, and a per-address
 * limit counted in the database so it holds across server processes.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { publicRateLimits, settings } from '../db/schema/index';
import { ShenfaError } from './errors';

export const MIN_FORM_AGE_MS = 3_000;
export const MAX_FORM_AGE_MS = 2 * 60 * 60 * 1000;
const SECRET_KEY = 'public_form_secret';

/** The installation's signing key, made on first use and kept in settings. */
async function formSecret(db: Db): Promise<string> {
  await db.insert(settings).values({ key: SECRET_KEY, value: randomBytes(32).toString('hex') }).onConflictDoNothing();
  const [row] = await db.select().from(settings).where(eq(settings.key, SECRET_KEY));
  return row!.value;
}

const sign = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');

/** A token '<issuedAt>.<nonce>.<signature>' for a freshly rendered form. */
export async function issueFormToken(db: Db, now: number): Promise<string> {
  const payload = `${now}.${randomBytes(12).toString('base64url')}`;
  return `${payload}.${sign(await formSecret(db), payload)}`;
}

export type TokenCheck = { ok: true; nonce: string } | { ok: false; reason: 'invalid' | 'too_fast' | 'expired' };

export async function checkFormToken(db: Db, token: string, now: number): Promise<TokenCheck> {
  const [issued, nonce, signature] = token.split('.');
  if (!issued || !nonce || !signature || !/^\d{1,15}$/.test(issued)) return { ok: false, reason: 'invalid' };
  const expected = Buffer.from(sign(await formSecret(db), `${issued}.${nonce}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'invalid' };
  const age = now - Number(issued);
  if (age < MIN_FORM_AGE_MS) return { ok: false, reason: 'too_fast' };
  if (age > MAX_FORM_AGE_MS) return { ok: false, reason: 'expired' };
  return { ok: true, nonce };
}

export const PUBLIC_LIMITS = {
  /** Applications per address per hour. */
  apply: { max: 10, windowMs: 60 * 60 * 1000 },
  /** Status look-ups per address per 15 minutes: enough for a person, too few to guess codes. */
  status: { max: 20, windowMs: 15 * 60 * 1000 },
} as const;

/**
 * Counts one hit for `kind` from `ip` and refuses once the window's limit is reached. The
 * count and the check are one statement, so simultaneous requests cannot both slip through.
 */
export async function takeRateLimit(db: Db, kind: keyof typeof PUBLIC_LIMITS, ip: string | null, now: number): Promise<void> {
  const { max, windowMs } = PUBLIC_LIMITS[kind];
  const key = `${kind}:${ip ?? 'unknown'}`;
  const [row] = await db
    .insert(publicRateLimits)
    .values({ key, windowStart: now, hits: 1 })
    .onConflictDoUpdate({
      target: publicRateLimits.key,
      set: {
        hits: sql`CASE WHEN ${now} - ${publicRateLimits.windowStart} >= ${windowMs} THEN 1 ELSE ${publicRateLimits.hits} + 1 END`,
        windowStart: sql`CASE WHEN ${now} - ${publicRateLimits.windowStart} >= ${windowMs} THEN ${now} ELSE ${publicRateLimits.windowStart} END`,
      },
    })
    .returning({ hits: publicRateLimits.hits, windowStart: publicRateLimits.windowStart });
  if (row && row.hits > max) {
    const minutes = Math.max(1, Math.ceil((row.windowStart + windowMs - now) / 60_000));
    throw new ShenfaError('TOO_MANY_REQUESTS', `操作过于频繁，请 ${minutes} 分钟后再试`);
  }
}
