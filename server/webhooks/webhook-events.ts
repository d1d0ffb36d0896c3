/** What webhook receivers may subscribe to; each announces a change in the public catalog. Pure: the client lists them too. */
export const WEBHOOK_EVENTS = ['document.published', 'document.withdrawn', 'document.validity_changed'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
