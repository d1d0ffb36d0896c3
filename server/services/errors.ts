/**
 * The one error type services throw. Its code is a tRPC error code so the router layer
 * can pass it through unchanged; its message is Chinese and safe to show a user.
 */
export type ShenfaErrorCode = 'BAD_REQUEST' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'TOO_MANY_REQUESTS';

export class ShenfaError extends Error {
  constructor(
    readonly code: ShenfaErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ShenfaError';
  }
}

export const badRequest = (message: string) => new ShenfaError('BAD_REQUEST', message);
export const unauthorized = (message = '请先登录') => new ShenfaError('UNAUTHORIZED', message);
export const forbidden = (message = '无权执行此操作') => new ShenfaError('FORBIDDEN', message);
export const notFound = (message = '未找到该记录') => new ShenfaError('NOT_FOUND', message);
export const conflict = (message = '已被他人处理，请刷新后重试') => new ShenfaError('CONFLICT', message);

/** True when a libsql error is the version trigger refusing a stale write. */
export function isStaleWrite(error: unknown): boolean {
  return error instanceof Error && /SHENFA_STALE_VERSION/.test(`${error.message} ${String((error as { cause?: unknown }).cause ?? '')}`);
}
