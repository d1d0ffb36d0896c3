import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** The demo password: from SHENFA_DEMO_PASSWORD, or a fresh random one printed once at seeding. */
export function demoPassword(configured: string | undefined): { password: string; generated: boolean } {
  if (configured) return { password: configured, generated: false };
  const bytes = new Uint8Array(10);
  crypto.getRandomValues(bytes);
  return { password: encodeBase32LowerCaseNoPadding(bytes), generated: true };
}
