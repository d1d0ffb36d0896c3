import type { BatchItem } from 'drizzle-orm/batch';
import { chainedAuditInserts, lastAuditHash, type AuditEntry } from './audit';
import { conflict, isStaleWrite, isStorageFailure, storageUnavailable } from './errors';
import { log } from '../log';
import { canGroupCommit, commitInGroup } from './group-commit';
import type { ServiceContext } from './service-context';

type Statement = BatchItem<'sqlite'>;

const MAX_CHAIN_RETRIES = 5;
/** Another process held the write lock past busy_timeout, or our read snapshot went stale under it. */
const MAX_BUSY_RETRIES = 3;

/** Writers in this process queue here, so each chains onto the tip the one before it wrote. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * The audit chain's tip as this process last wrote it, per database. It saves reading the tip
 * before every write; when it is stale (another process, or the catalog import, appended since)
 * the audit log's chain trigger refuses the batch and the retry reads the tip afresh.
 */
const knownTips = new WeakMap<object, string>();

/**
 * SQLITE_BUSY on a batch: with several processes on one file, a connection whose read
 * snapshot is older than another process's commit cannot upgrade to a writer, and SQLite
 * answers BUSY at once instead of waiting (busy_timeout does not apply). The batch was
 * rolled back whole, so running it again is safe.
 */
export function isBusy(error: unknown): boolean {
  const text = `${error instanceof Error ? error.message : ''} ${String((error as { cause?: unknown })?.cause ?? '')} ${String((error as { code?: unknown })?.code ?? '')}`;
  return /SQLITE_BUSY|database is locked/.test(text);
}

function isChainRace(error: unknown): boolean {
  const text = `${error instanceof Error ? error.message : ''} ${String((error as { cause?: unknown })?.cause ?? '')}`;
  return /SHENFA_AUDIT_CHAIN_FORK/.test(text);
}

/**
 * What the user hears when the database refused a whole change: a stale version is someone
 * else's change (CONFLICT); a storage failure wrote nothing and is logged (try later). Null
 * for any other error.
 */
function refusal(error: unknown, staleMessage: string): Error | null {
  if (isStaleWrite(error)) return conflict(staleMessage);
  if (isStorageFailure(error)) {
    log.error({ err: error }, 'database refused a write');
    return storageUnavailable();
  }
  return null;
}

/**
 * The one way a change is written: its statements and its audit rows in one transaction,
 * whole or not at all. On the embedded database, changes issued in the same turn of the event
 * loop share one transaction, each in its own savepoint (group-commit.ts). Elsewhere each is
 * one batch, its audit rows chained onto the tip; if another process appended first, the
 * chain trigger refuses the whole batch (a row must name the last row's hash) and it is rebuilt
 * on the new tip. A stale document version becomes a CONFLICT with `staleMessage`.
 */
export function commitChange(ctx: ServiceContext, statements: readonly Statement[], audit: readonly AuditEntry[], staleMessage = '已被他人处理，请刷新后重试'): Promise<void> {
  if (canGroupCommit(ctx.database)) {
    // The embedded database: changes arriving together share one transaction (group-commit.ts).
    return commitInGroup(ctx.database, statements, audit, inWriteQueue, isBusy).catch((error: unknown) => {
      throw refusal(error, staleMessage) ?? error;
    });
  }
  const run = async () => {
    const { db } = ctx.database;
    for (let attempt = 0, busy = 0; ; attempt++) {
      const known = attempt === 0 ? knownTips.get(db) : undefined;
      const { inserts, tip } = chainedAuditInserts(db, known ?? (await lastAuditHash(db)), audit);
      try {
        await db.batch([...statements, ...inserts] as [Statement, ...Statement[]]);
        if (inserts.length) knownTips.set(db, tip);
        return;
      } catch (error) {
        knownTips.delete(db);
        const refused = refusal(error, staleMessage);
        if (refused) throw refused;
        if (isChainRace(error) && attempt < MAX_CHAIN_RETRIES) continue;
        if (isBusy(error) && busy++ < MAX_BUSY_RETRIES) {
          await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** Math.min(busy, 5) * (0.5 + Math.random())));
          continue;
        }
        throw error;
      }
    }
  };
  return inWriteQueue(run);
}

/**
 * Runs `write` after this process's earlier writers and before its later ones. For a writer
 * that holds the write lock for long (the catalog import's one transaction), so this
 * process's other changes wait for it instead of running out of busy retries.
 */
export function inWriteQueue<T>(write: () => Promise<T>): Promise<T> {
  const result = queue.then(write, write);
  queue = result.catch(() => undefined);
  return result;
}
