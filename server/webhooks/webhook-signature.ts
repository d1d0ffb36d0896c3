import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How a receiver knows a webhook came from Shenfa and was not replayed: the body is signed
 * with HMAC-SHA256 over `${timestamp}.${body}` using the receiver's shared secret.
 *
 *   X-Shenfa-Timestamp: 1795473600          (Unix seconds)
 *   X-Shenfa-Signature: v1=<hex digest>
 *
 * A receiver recomputes the digest over the raw body, compares in constant time, and drops
 * requests whose timestamp is more than five minutes away from its clock.
 */
export const SIGNATURE_HEADER = 'X-Shenfa-Signature';
export const TIMESTAMP_HEADER = 'X-Shenfa-Timestamp';
export const EVENT_HEADER = 'X-Shenfa-Event';
export const DELIVERY_HEADER = 'X-Shenfa-Delivery';
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function webhookSignature(secret: string, timestampSeconds: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex')}`;
}

/**
 * The check a receiver runs; exported so the docs' example and our tests use the same code.
 * @example verifyWebhookSignature(secret, req.headers['x-shenfa-timestamp'], req.headers['x-shenfa-signature'], rawBody, Date.now() / 1000)
 */
export function verifyWebhookSignature(secret: string, timestamp: string | null | undefined, signature: string | null | undefined, body: string, nowSeconds: number): boolean {
  const t = Number(timestamp);
  if (!timestamp || !Number.isInteger(t) || !signature) return false;
  if (Math.abs(nowSeconds - t) > SIGNATURE_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(webhookSignature(secret, t, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Exponential backoff with a cap: 30 s, 1 min, 2 min … 6 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 60 * 60 * 1000);
}

/** After this many failed attempts (about two days) a delivery is marked failed for an admin to retry. */
export const MAX_WEBHOOK_ATTEMPTS = 15;
