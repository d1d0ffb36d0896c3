/**
 * Turning failures into one sentence a clerk can read. The server already words its
 * refusals in Chinese (TRPCClientError.message); the client only adds a fallback for
 * network failures.
 */
import { TRPCClientError } from '@trpc/client';
import { t } from './i18n/i18n';

export type ErrorCode = 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'BAD_REQUEST' | string;

export function errorCode(error: unknown): ErrorCode | undefined {
  if (error instanceof TRPCClientError) {
    const data = error.data as { code?: string } | undefined;
    return data?.code;
  }
  return undefined;
}

export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) {
    // A fetch that never reached the server has no data; its message is the browser's English.
    return error.data ? error.message : t('error.network');
  }
  if (error instanceof Error && error.message) return error.message;
  return t('error.unknown');
}

export const isConflict = (error: unknown) => errorCode(error) === 'CONFLICT';
export const isUnauthorized = (error: unknown) => errorCode(error) === 'UNAUTHORIZED';
