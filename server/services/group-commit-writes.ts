import type { InArgs, InStatement } from '@libsql/client';
import type { GroupWriter } from '../db/local-client';
import { auditHash, GENESIS_HASH } from './audit-chain';
import type { UnchainedAuditRow } from './audit';
import { isStorageFailure } from './errors';

/**
 * One change of a group as plain SQL and values: what the event loop's connection and the
 * group-commit thread (group-commit-worker.ts) both write, so it must survive the structured
 * clone to another thread (no drizzle objects, no functions).
 */
export interface GroupChange {
  statements: InStatement[];
  /** Chained onto the audit log's tip inside the transaction, in this order. */
  audit: UnchainedAuditRow[];
}

/**
 * Writes each change in a savepoint of its own; returns per change null (written) or its error.
 * Throws when the whole group must fail. The audit chain is built from the tip read inside
 * this write transaction, so two processes on one file can never fork it.
 */
export function writeChanges(tx: GroupWriter, changes: readonly GroupChange[]): unknown[] {
  let tip = String(tx.execute('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').rows[0]?.hash ?? GENESIS_HASH);
  const write = (change: GroupChange) => {
    for (const statement of change.statements) tx.execute(statement);
    let next = tip;
    for (const row of change.audit) {
      const hash = auditHash(next, row.content);
      const args = row.args.slice();
      args[row.prevIndex] = next;
      args[row.hashIndex] = hash;
      tx.execute({ sql: row.sql, args: args as InArgs });
      next = hash;
    }
    tip = next;
  };
  // Alone in its group, a change is the whole transaction: its failure rolls back everything, no savepoint needed.
  if (changes.length === 1) {
    write(changes[0]!);
    return [null];
  }
  return changes.map((change) => {
    try {
      tx.savepoint(() => write(change));
      return null;
    } catch (error) {
      // SQLite ended the transaction itself, or the disk refused: nothing of the group stands.
      if (!tx.open || isStorageFailure(error)) throw error;
      return error;
    }
  });
}
