import { describe, expect, it } from 'vitest';
import { MAX_WEBHOOK_ATTEMPTS, retryDelayMs, verifyWebhookSignature, webhookSignature } from './webhook-signature';

describe('webhook signatures', () => {
  const body = JSON.stringify({ id: 'x', event: 'document.published' });
  const t = 1_795_473_600;

  it('verifies its own signature and refuses a changed body, secret or timestamp', () => {
    const sig = webhookSignature('s3cret', t, body);
    expect(sig).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature('s3cret', String(t), sig, body, t + 10)).toBe(true);
    expect(verifyWebhookSignature('s3cret', String(t), sig, body.replace('published', 'withdrawn'), t)).toBe(false);
    expect(verifyWebhookSignature('other', String(t), sig, body, t)).toBe(false);
    expect(verifyWebhookSignature('s3cret', String(t + 1), sig, body, t)).toBe(false);
    expect(verifyWebhookSignature('s3cret', null, sig, body, t)).toBe(false);
    expect(verifyWebhookSignature('s3cret', String(t), undefined, body, t)).toBe(false);
  });

  it('refuses a replay older than five minutes', () => {
    const sig = webhookSignature('s3cret', t, body);
    expect(verifyWebhookSignature('s3cret', String(t), sig, body, t + 301)).toBe(false);
  });

  it('backs off exponentially up to six hours', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(MAX_WEBHOOK_ATTEMPTS)).toBe(6 * 60 * 60 * 1000);
  });
});
