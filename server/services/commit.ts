import type { BatchItem } from 'drizzle-orm/batch';
import { chainedAuditInserts, lastAuditHash, type AuditEntry } from './audit';
import { conflict, isStaleWrite } from './errors';
import type { ServiceContext } from './service-context';

type Statement = BatchItem<'sqlite'>;

const MAX_CHAIN_RETRIES = 5;

/** Writers in this process queue here, so each reads the chain's tip just before it writes. */
let queue: Promise<unknown> = Promise.resolve();

function isChainRace(error: unknown): boolean {
  const text = `${error instanceof Error ? error.message : ''} ${String((error as { cause?: unknown })?.cause ?? '')}`;
  return /UNIQUE constraint failed: audit_log\.prev_hash/.test(text);
}

/**
 * The one way a change is written: its statements and its audit rows in one batch (one
 * transaction). The audit rows are chained onto the current tip; if another process
 * appended first, the unique prev_hash refuses the whole batch and it is rebuilt on the new
 * tip. A stale document version becomes a CONFLICT with `staleMessage`.
 */
export function commitChange(ctx: ServiceContext, statements: readonly Statement[], audit: readonly AuditEntry[], staleMessage = '已被他人处理，请刷新后重试'): Promise<void> {
  const run = async () => {
    const { db } = ctx.database;
    for (let attempt = 0; ; attempt++) {
      const inserts = chainedAuditInserts(db, await lastAuditHash(db), audit);
      try {
        await db.batch([...statements, ...inserts] as [Statement, ...Statement[]]);
        return;
      } catch (error) {
        if (isStaleWrite(error)) throw conflict(staleMessage);
        if (isChainRace(error) && attempt < MAX_CHAIN_RETRIES) continue;
        throw error;
      }
    }
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}
