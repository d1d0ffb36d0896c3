import { LibsqlError } from '@libsql/client';

/**
 * An error as it crosses between threads (the group-commit thread, the report reader). Callers
 * look at a libsql error's message, code and cause (stale version, busy, storage failure:
 * services/errors.ts, services/commit.ts), so those are kept.
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
