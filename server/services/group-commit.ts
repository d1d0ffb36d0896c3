import type { InArgs, InStatement } from '@libsql/client';
import type { BatchItem } from 'drizzle-orm/batch';
import { LocalClient, type GroupWriter } from '../db/local-client';
import type { Database, Db } from '../db/client';
import { chainedAuditInserts, type AuditEntry } from './audit';
import { GENESIS_HASH } from './audit-chain';
import { isStorageFailure } from './errors';

/**
 * Group commit for the embedded database: the changes that arrive while the event loop is
 * busy (fifty reviewers approving at once) are written in ONE transaction, each in a savepoint
 * of its own, with one COMMIT. A commit writes every page a change touched to the WAL (about
 * 25 pages for an approval: the document, its tasks, the review record, the audit row and
 * their indexes); changes committed together share the pages they have in common (the audit
 * log's last page, the indexes' newest pages) and the transaction's fixed cost.
 *
 * Each change still happens whole or not at all: a change that fails (a stale version, a
 * refused constraint) is rolled back to its savepoint and reported to its caller alone; the
 * others commit. Nobody hears "written" before the COMMIT has succeeded, and if SQLite gives up
 * the whole transaction (disk full, I/O error) every change of the group hears that error.
 *
 * The audit chain is built inside the write lock, from the tip read in the same transaction,
 * so two processes on one file can never fork it.
 */

type Statement = BatchItem<'sqlite'>;

interface PendingChange {
  statements: readonly Statement[];
  audit: readonly AuditEntry[];
  /** null: committed; otherwise the error this change failed with. */
  settle(outcome: unknown): void;
}

interface Group {
  pending: PendingChange[];
  scheduled: boolean;
}

/** A flush never holds the event loop for more than this many changes. */
export const MAX_GROUP_SIZE = 64;
/** Another process holds the write lock past busy_timeout: the whole group is tried again. */
const MAX_BUSY_RETRIES = 3;

/** Captured at load: a test's fake timers must not stop the writes. */
const nextTurn = globalThis.setImmediate;

const groups = new WeakMap<Database, Group>();

/**
 * True when the database is the embedded driver on a file of its own, which can hold one
 * transaction across several changes. Remote databases and embedded replicas write through
 * the primary, one batch per change (commit.ts).
 */
export function canGroupCommit(database: Database): boolean {
  return database.client instanceof LocalClient && !database.client.isReplica;
}

/**
 * Queues a change for the next group. Resolves once it is committed; rejects with the raw
 * error it failed with (commit.ts turns that into the user's message).
 * `runInOrder` keeps writes in this process in one line (commit.ts `inWriteQueue`).
 */
export function commitInGroup(database: Database, statements: readonly Statement[], audit: readonly AuditEntry[], runInOrder: (write: () => Promise<void>) => Promise<void>, isBusy: (error: unknown) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    let group = groups.get(database);
    if (!group) {
      group = { pending: [], scheduled: false };
      groups.set(database, group);
    }
    group.pending.push({ statements, audit, settle: (outcome) => (outcome === null ? resolve() : reject(outcome)) });
    schedule(database, group, runInOrder, isBusy);
  });
}

function schedule(database: Database, group: Group, runInOrder: (write: () => Promise<void>) => Promise<void>, isBusy: (error: unknown) => boolean) {
  if (group.scheduled) return;
  group.scheduled = true;
  // After the I/O callbacks of this turn: every request that reached its commit meanwhile joins.
  nextTurn(() => {
    void runInOrder(async () => {
      group.scheduled = false;
      const changes = group.pending.splice(0, MAX_GROUP_SIZE);
      if (group.pending.length) schedule(database, group, runInOrder, isBusy);
      await flush(database, changes, isBusy);
    });
  });
}

async function flush(database: Database, changes: PendingChange[], isBusy: (error: unknown) => boolean): Promise<void> {
  if (!changes.length) return;
  const client = database.client as LocalClient;
  for (let busy = 0; ; busy++) {
    // The WAL checkpointer is restarting the log: wait here, off the event loop, rather than in SQLite's busy handler.
    const paused = client.writesResumed();
    if (paused) await paused;
    try {
      const outcomes = client.writeGroup((tx) => writeChanges(tx, database.db, changes));
      changes.forEach((change, index) => change.settle(outcomes[index] ?? null));
      return;
    } catch (error) {
      if (isBusy(error) && busy < MAX_BUSY_RETRIES) {
        await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** busy * (0.5 + Math.random())));
        continue;
      }
      for (const change of changes) change.settle(error);
      return;
    }
  }
}

/** Runs each change in its savepoint; returns per change null (written) or its error. Throws when the whole group must fail. */
function writeChanges(tx: GroupWriter, db: Db, changes: readonly PendingChange[]): unknown[] {
  let tip = String(tx.execute('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').rows[0]?.hash ?? GENESIS_HASH);
  const write = (change: PendingChange) => {
    for (const statement of change.statements) tx.execute(built(statement));
    const { inserts, tip: next } = chainedAuditInserts(db, tip, change.audit);
    for (const insert of inserts) tx.execute(built(insert));
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

/** The SQL and arguments of a drizzle query, as drizzle's own batch builds them. */
function built(statement: Statement): InStatement {
  const query = (statement as unknown as { _prepare(): { getQuery(): { sql: string; params: unknown[] } } })._prepare().getQuery();
  return { sql: query.sql, args: query.params as InArgs };
}
