import { desc } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditLog } from '../db/schema/index';
import { auditHash, GENESIS_HASH, type AuditContent } from './audit-chain';
import { placeholder, preparedWrite } from '../db/prepared';

export interface AuditEntry {
  at: number;
  actorId: string | null;
  documentId?: string | null;
  action: string;
  fromState?: string | null;
  toState?: string | null;
  detail?: Record<string, unknown>;
}

export async function lastAuditHash(db: Db): Promise<string> {
  const [row] = await db.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  return row?.hash ?? GENESIS_HASH;
}

/** The inserts for a run of audit rows, chained onto `prevHash`, to go in the same batch as their change; `tip` is the last row's hash. */
export function chainedAuditInserts(db: Db, prevHash: string, entries: readonly AuditEntry[]) {
  let previous = prevHash;
  const inserts = entries.map((entry) => {
    const content = auditContent(entry);
    const hash = auditHash(previous, content);
    const insert = auditInsert(db)({ ...content, prevHash: previous, hash });
    previous = hash;
    return insert;
  });
  return { inserts, tip: previous };
}

/** An audit row for group commit, which chains it onto the tip inside the write transaction (group-commit-writes.ts). */
export interface UnchainedAuditRow {
  sql: string;
  /** The insert's values, with `prevIndex` and `hashIndex` still to fill. */
  args: unknown[];
  prevIndex: number;
  hashIndex: number;
  content: AuditContent;
}

const PREV_SLOT = '\u0000prev_hash';
const HASH_SLOT = '\u0000hash';

export function unchainedAuditRow(db: Db, entry: AuditEntry): UnchainedAuditRow {
  const content = auditContent(entry);
  const built = (auditInsert(db)({ ...content, prevHash: PREV_SLOT, hash: HASH_SLOT }) as unknown as { _prepare(): { getQuery(): { sql: string; params: unknown[] } } })._prepare().getQuery();
  return { sql: built.sql, args: built.params, prevIndex: built.params.indexOf(PREV_SLOT), hashIndex: built.params.indexOf(HASH_SLOT), content };
}

function auditContent(entry: AuditEntry): AuditContent {
  return {
    at: entry.at,
    actorId: entry.actorId,
    documentId: entry.documentId ?? null,
    action: entry.action,
    fromState: entry.fromState ?? null,
    toState: entry.toState ?? null,
    detail: entry.detail ? JSON.stringify(entry.detail) : null,
  };
}

/** One audit row, prepared once per database: group commit writes one for every change. */
const auditInsert = (db: Db) =>
  preparedWrite<AuditContent & { prevHash: string; hash: string }>(db, 'auditLog.insert', (d) =>
    d.insert(auditLog).values({
      at: placeholder('at'),
      actorId: placeholder('actorId'),
      documentId: placeholder('documentId'),
      action: placeholder('action'),
      fromState: placeholder('fromState'),
      toState: placeholder('toState'),
      detail: placeholder('detail'),
      prevHash: placeholder('prevHash'),
      hash: placeholder('hash'),
    }),
  );
