import type { InStatement } from '@libsql/client';
import type { LocalClientOptions } from './local-client';
import type { WireError } from './wire-error';
import type { GroupMedian } from './group-medians';

/** What the report reader's thread is started with: how to open the file as the client does. */
export interface ReaderData {
  options: Pick<LocalClientOptions, 'path' | 'busyTimeoutMs' | 'pragmas'>;
}

/** The event loop to the thread: a query's rows, or the medians of the groups a query lists (group-medians.ts). */
export type ReaderRequest = { kind: 'query' | 'medians'; statement: InStatement } | { kind: 'stop' };

/** The thread to the event loop: 'ready' or 'failed' once, then one 'rows', 'medians' or 'error' per request, in order. */
export type ReaderReply =
  | { kind: 'ready' }
  | { kind: 'failed'; error: WireError }
  | { kind: 'rows'; columns: string[]; columnTypes: string[]; rows: unknown[][] }
  | { kind: 'medians'; groups: GroupMedian[] }
  | { kind: 'error'; error: WireError };
