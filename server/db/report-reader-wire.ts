import type { InStatement } from '@libsql/client';
import type { LocalClientOptions } from './local-client';
import type { WireError } from './wire-error';

/** What the report reader's thread is started with: how to open the file as the client does. */
export interface ReaderData {
  options: Pick<LocalClientOptions, 'path' | 'busyTimeoutMs' | 'pragmas'>;
}

/** The event loop to the thread. */
export type ReaderRequest = { kind: 'query'; statement: InStatement } | { kind: 'stop' };

/** The thread to the event loop: 'ready' or 'failed' once, then one 'rows' or 'error' per query, in order. */
export type ReaderReply =
  | { kind: 'ready' }
  | { kind: 'failed'; error: WireError }
  | { kind: 'rows'; columns: string[]; columnTypes: string[]; rows: unknown[][] }
  | { kind: 'error'; error: WireError };
