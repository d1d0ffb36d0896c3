import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';

import type { WebhookEvent } from '../webhooks/webhook-events';

/**
 * The outbox rows announcing a change, to be put in the SAME batch as the change itself and
 * after the statement that updates the document: the payload is read from the row as it
 * stands inside that transaction (the 索引号 assigned by it included), one row per active
 * receiver subscribed to the event whose channel the document lists (the portal's receivers
 * only for documents going to the portal; a webhook channel's for those listing it, even if
 * the channel was disabled since). Only public facts go in: the catalog fields of a
 * published open or partial document, never its body (receivers fetch the public text
 * from the JSON API, which applies redactions).
 */
export function webhookOutboxStatements(db: Db, change: { event: WebhookEvent; documentId: string; at: number }) {
  return [
    db.run(sql`
      INSERT INTO webhook_outbox (id, endpoint_id, event, document_id, payload, occurred_at, status, attempts, next_attempt_at)
      SELECT lower(hex(randomblob(16))), e.id, ${change.event}, d.id,
        json_object(
          'indexNumber', d.index_number, 'title', d.title, 'docNumber', d.doc_number,
          'category', c.code, 'attribute', d.attribute, 'status', d.status, 'validity', d.validity,
          'publishedAt', d.published_at, 'withdrawnAt', d.withdrawn_at),
        ${change.at}, 'pending', 0, ${change.at}
      FROM webhook_endpoints e
      JOIN documents d ON d.id = ${change.documentId}
      JOIN categories c ON c.id = d.category_id
      WHERE e.active = 1
        AND d.attribute IN ('open', 'partial')
        AND EXISTS (SELECT 1 FROM json_each(e.events) ev WHERE ev.value = ${change.event})
        AND EXISTS (SELECT 1 FROM json_each(d.channels) ch WHERE ch.value = e.channel)`),
  ];
}
