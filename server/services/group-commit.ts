import type { InArgs, InStatement } from '@libsql/client';
import type { BatchItem } from 'drizzle-orm/batch';
import { LocalClient } from '../db/local-client';
import type { Database, Db } from '../db/client';
import { unchainedAuditRow, type AuditEntry } from './audit';
import { GroupCommitThread } from './group-commit-thread';
import { writeChanges, type GroupChange } from './group-commit-writes';

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
 *
 * A long-running server writes its groups on a thread of its own (group-commit-thread.ts), so
 * the event loop goes on serving requests while SQLite writes.
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
  /** Groups committed so far (the thread starts after THREAD_AFTER_GROUPS). */
  committed: number;
  thread: GroupCommitThread | null;
}

/** A flush never holds the event loop for more than this many changes. */
export const MAX_GROUP_SIZE = 64;
/** A long-running process writes its groups on a thread of its own once it has committed this many (group-commit-thread.ts). */
export const THREAD_AFTER_GROUPS = 100;
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
export function commitInGroup(database: Database, statements: readonly Statement[], audit: readonly AuditEntry[], runInOrder: RunInOrder, isBusy: (error: unknown) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const group = groupOf(database);
    group.pending.push({ statements, audit, settle: (outcome) => (outcome === null ? resolve() : reject(outcome)) });
    schedule(database, group, runInOrder, isBusy);
  });
}

function groupOf(database: Database): Group {
  let group = groups.get(database);
  if (!group) {
    group = { pending: [], scheduled: false, committed: 0, thread: null };
    groups.set(database, group);
  }
  return group;
}

type RunInOrder = (write: () => Promise<void>) => Promise<void>;

function schedule(database: Database, group: Group, runInOrder: RunInOrder, isBusy: (error: unknown) => boolean) {
  if (group.scheduled) return;
  group.scheduled = true;
  // After the I/O callbacks of this turn: every request that reached its commit meanwhile joins.
  nextTurn(() => {
    void runInOrder(async () => {
      group.scheduled = false;
      const changes = group.pending.splice(0, MAX_GROUP_SIZE);
      if (group.pending.length) schedule(database, group, runInOrder, isBusy);
      await flush(database, group, changes, runInOrder, isBusy);
    });
  });
}

async function flush(database: Database, group: Group, changes: PendingChange[], runInOrder: RunInOrder, isBusy: (error: unknown) => boolean, busy = 0): Promise<void> {
  if (!changes.length) return;
  const client = database.client as LocalClient;
  const wire = changes.map((change) => groupChange(database.db, change));
  const settle = (outcomes: unknown[]) => {
    changes.forEach((change, index) => change.settle(outcomes[index] ?? null));
    group.committed++;
  };
  const failed = (error: unknown) => {
    if (isBusy(error) && busy < MAX_BUSY_RETRIES) {
      // Another process held the write lock past busy_timeout: the whole group again, later, in line with this process's other writes.
      setTimeout(() => void runInOrder(() => flush(database, group, changes, runInOrder, isBusy, busy + 1)), 10 * 2 ** busy * (0.5 + Math.random()));
      return;
    }
    for (const change of changes) change.settle(error);
  };
  // The WAL checkpointer is restarting the log: wait here, off the event loop, rather than in SQLite's busy handler.
  const paused = client.writesResumed();
  if (paused) await paused;
  // A lone change is written here (handing it over would only add the trip there and back),
  // unless the thread is writing: then it goes behind what the thread has.
  const thread = changes.length > 1 || group.thread?.busy ? writerThread(client, group) : null;
  if (thread) await thread.room();
  if (thread?.ready) {
    // Handed over, the queue moves on: the next group can be on its way while the event loop answers this one's callers.
    thread.write(wire).then((outcomes) => {
      client.recordWriteTransaction();
      settle(outcomes);
    }, failed);
    return;
  }
  // Never inside a transaction of the thread's (a thread that stopped or failed has none left).
  await client.offThreadIdle();
  try {
    settle(client.writeGroup((tx) => writeChanges(tx, wire)));
  } catch (error) {
    failed(error);
  }
}

/**
 * The group-commit thread of this client, once it is ready; started after the first
 * `THREAD_AFTER_GROUPS` groups, so a CLI command or a short test never starts one. Until it is
 * ready, and if it fails, groups are written on the event loop as before.
 */
function writerThread(client: LocalClient, group: Group): GroupCommitThread | null {
  if (group.thread?.ready) return group.thread;
  if (!group.thread && group.committed >= THREAD_AFTER_GROUPS && canUseThread(client)) group.thread = new GroupCommitThread(client);
  return null;
}

function canUseThread(client: LocalClient): boolean {
  return client.openableElsewhere && !client.closed;
}

/**
 * Starts this database's group-commit thread now rather than after its first groups (tests, the
 * benchmarks); resolves true once groups go through it.
 */
export async function startGroupCommitThread(database: Database): Promise<boolean> {
  if (!canGroupCommit(database) || !canUseThread(database.client as LocalClient)) return false;
  const group = groupOf(database);
  group.committed = Math.max(group.committed, THREAD_AFTER_GROUPS);
  group.thread ??= new GroupCommitThread(database.client as LocalClient);
  return group.thread.started;
}

/** A change as plain SQL and values (group-commit-writes.ts): its statements as drizzle builds them for a batch, its audit rows to chain. */
function groupChange(db: Db, change: PendingChange): GroupChange {
  return { statements: change.statements.map(built), audit: change.audit.map((entry) => unchainedAuditRow(db, entry)) };
}

/** The SQL and arguments of a drizzle query, as drizzle's own batch builds them. */
function built(statement: Statement): InStatement {
  const query = (statement as unknown as { _prepare(): { getQuery(): { sql: string; params: unknown[] } } })._prepare().getQuery();
  return { sql: query.sql, args: query.params as InArgs };
}
