import type { LocalClient } from '../db/local-client';
import type { WireError } from '../db/wire-error';
import type { GroupChange } from './group-commit-writes';

/** What the group-commit thread is started with. */
export interface WorkerData {
  options: LocalClient['connectionOptions'];
  /** [0]: 1 once the thread has closed its connection. */
  flags: Int32Array;
}

/** The event loop to the thread. */
export type GroupRequest = { kind: 'write'; changes: GroupChange[] } | { kind: 'autocheckpoint'; pages: number } | { kind: 'stop' };

/** The thread to the event loop: one answer per 'write', in order. */
export type GroupReply = { kind: 'ready' } | { kind: 'written'; outcomes: (WireError | null)[] } | { kind: 'failed'; error: WireError };
