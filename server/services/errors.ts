/**
 * The one error type services throw. Its code is a tRPC error code so the router layer
 * can pass it through unchanged; its message is Chinese and safe to show a user.
 */
export type ShenfaErrorCode = 'BAD_REQUEST' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'TOO_MANY_REQUESTS' | 'SERVICE_UNAVAILABLE';

export class ShenfaError extends Error {
  constructor(
    readonly code: ShenfaErrorCode,
    message: string,
    /** Per-field messages for a refused form, sent to the client as `data.issues` like a zod refusal's. */
    readonly issues?: readonly { path: string[]; message: string }[],
  ) {
    super(message);
    this.name = 'ShenfaError';
  }
}

/** A form refused field by field: the first message is the error's, all are in `issues`. */
export const invalidForm = (issues: readonly { path: readonly PropertyKey[]; message: string }[]) => {
  const list = issues.map((i) => ({ path: i.path.map(String), message: i.message }));
  return new ShenfaError('BAD_REQUEST', list[0]?.message ?? '输入有误', list);
};

export const badRequest = (message: string) => new ShenfaError('BAD_REQUEST', message);
export const unauthorized = (message = '请先登录') => new ShenfaError('UNAUTHORIZED', message);
export const forbidden = (message = '无权执行此操作') => new ShenfaError('FORBIDDEN', message);
export const notFound = (message = '未找到该记录') => new ShenfaError('NOT_FOUND', message);
export const conflict = (message = '已被他人处理，请刷新后重试') => new ShenfaError('CONFLICT', message);

/** True when a libsql error is the version trigger refusing a stale write. */
export function isStaleWrite(error: unknown): boolean {
  return error instanceof Error && /SHENFA_STALE_VERSION/.test(`${error.message} ${String((error as { cause?: unknown }).cause ?? '')}`);
}

/** The database refused to store anything (read-only file system, disk full, I/O error). */
export const storageUnavailable = () => new ShenfaError('SERVICE_UNAVAILABLE', '系统暂时无法保存，请稍后再试');

/** True when a libsql error means the storage cannot be written, as opposed to a refused statement. */
export function isStorageFailure(error: unknown): boolean {
  const text = `${error instanceof Error ? error.message : ''} ${String((error as { cause?: unknown })?.cause ?? '')} ${String((error as { code?: unknown })?.code ?? '')}`;
  return /SQLITE_(READONLY|FULL|IOERR|CANTOPEN)|database or disk is full|readonly database|disk I\/O error/i.test(text);
}
