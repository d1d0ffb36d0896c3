import { LibsqlError } from '@libsql/client';
import type { LocalClient } from '../db/local-client';
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

/**
 * An error as it crosses between threads. Callers look at a libsql error's message, code and
 * cause (stale version, busy, storage failure: errors.ts, commit.ts), so those are kept.
 */
export interface WireError {
  message: string;
  libsql?: { code: string; extendedCode?: string | undefined; rawCode?: number | undefined; cause?: string | undefined };
}

export function toWire(error: unknown): WireError {
  if (error instanceof LibsqlError) {
    // LibsqlError's constructor puts "CODE: " before the message; fromWire's will again.
    const message = error.message.startsWith(`${error.code}: `) ? error.message.slice(error.code.length + 2) : error.message;
    return { message, libsql: { code: error.code, extendedCode: error.extendedCode, rawCode: error.rawCode, cause: error.cause === undefined ? undefined : String(error.cause) } };
  }
  return { message: error instanceof Error ? error.message : String(error) };
}

export function fromWire(wire: WireError): Error {
  if (!wire.libsql) return new Error(wire.message);
  const { code, extendedCode, rawCode, cause } = wire.libsql;
  return new LibsqlError(wire.message, code, extendedCode, rawCode, cause === undefined ? undefined : new Error(cause));
}
