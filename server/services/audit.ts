import type { Db } from '../db/client';
import { auditLog } from '../db/schema/index';

export interface AuditEntry {
  at: number;
  actorId: string | null;
  documentId?: string | null;
  action: string;
  fromState?: string | null;
  toState?: string | null;
  detail?: Record<string, unknown>;
}

/** The insert for one audit row, to put in the same batch as the change it records. */
export function auditInsert(db: Db, entry: AuditEntry) {
  return db.insert(auditLog).values({
    at: entry.at,
    actorId: entry.actorId,
    documentId: entry.documentId ?? null,
    action: entry.action,
    fromState: entry.fromState ?? null,
    toState: entry.toState ?? null,
    detail: entry.detail ?? null,
  });
}
