import { initTRPC, TRPCError } from '@trpc/server';
import { z, ZodError } from 'zod';
import type { Context as HonoContext } from 'hono';
import type { Role } from '../workflows/roles';
import { ShenfaError } from './services/errors';
import type { ServiceContext } from './services/service-context';
import type { SessionUser } from './services/users';
import { log } from './log';

function requestIdOfContext(ctx: TrpcContext | undefined): string {
  return String(ctx?.hono.get('requestId') ?? '');
}

z.config(z.locales.zhCN());

export interface TrpcContext {
  services: ServiceContext;
  user: SessionUser | null;
  sessionId: string | null;
  hono: HonoContext;
  /** The caller's address, for sign-in throttling. */
  clientIp: string | null;
  /** Headers of the response tRPC builds (cookies go here). */
  resHeaders: Headers;
  [key: string]: unknown;
}

/** Chinese names of the non-form inputs, so a generic zod message still says which field it is about. */
const INPUT_LABELS: Record<string, string> = {
  opinion: '意见', reason: '理由', target: '退回环节', taskId: '任务编号', documentId: '文件编号', id: '文件编号',
  expectedVersion: '版本号', checks: '五关审查', username: '用户名', password: '密码', data: '文件内容',
};

/** Chinese words for tRPC's own protocol errors, which carry English messages. */
const PROTOCOL_MESSAGES: Partial<Record<string, string>> = {
  PARSE_ERROR: '请求内容不是有效的 JSON',
  BAD_REQUEST: '请求内容格式不正确',
  UNSUPPORTED_MEDIA_TYPE: '请求格式不受支持：请以 JSON 提交',
  METHOD_NOT_SUPPORTED: '请求方法不正确',
  NOT_FOUND: '接口不存在',
  PAYLOAD_TOO_LARGE: '请求内容过大',
  UNAUTHORIZED: '请先登录',
  FORBIDDEN: '您没有执行此操作的权限',
};

function describeIssue(path: readonly PropertyKey[], message: string): string {
  // Form messages already name their field (「标题」) and our own ones start with 请…; only generic ones need the field.
  if (message.includes('「') || message.startsWith('请') || path.length === 0) return message;
  const key = String(path.findLast((p) => typeof p === 'string' && p in INPUT_LABELS) ?? path[0]);
  return `「${INPUT_LABELS[key] ?? key}」${message}`;
}

const t = initTRPC.context<TrpcContext>().create({
  // Users see one clear Chinese sentence; stack traces and SQL never leave the server.
  errorFormatter({ shape, error, ctx }) {
    const cause = error.cause;
    let message = shape.message;
    if (cause instanceof ZodError) {
      const first = cause.issues[0];
      message = first ? describeIssue(first.path, first.message) : '输入有误';
    } else if (error.code === 'INTERNAL_SERVER_ERROR') {
      // Only the request id, to find the logged error by; never its message or stack.
      message = `服务器内部错误，请稍后重试（请求编号 ${requestIdOfContext(ctx)}）`;
    } else if (!/[\u4e00-\u9fff]/.test(message)) {
      // tRPC's own refusals (unparseable JSON, wrong content type, unknown procedure) are English.
      message = PROTOCOL_MESSAGES[error.code] ?? '请求有误';
    }
    return {
      message,
      code: shape.code,
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, ...(error.code === 'INTERNAL_SERVER_ERROR' ? { requestId: requestIdOfContext(ctx) } : {}), issues: cause instanceof ZodError ? cause.issues.map((i) => ({ path: i.path.map(String), message: i.message })) : cause instanceof ShenfaError ? cause.issues : undefined },
    };
  },
});

/** Turns the services' typed errors into tRPC errors with the same code and message. */
const serviceErrors = t.middleware(async ({ ctx, path, next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof ShenfaError) {
    throw new TRPCError({ code: result.error.cause.code, message: result.error.cause.message, cause: result.error.cause });
  }
  if (!result.ok && result.error.code === 'INTERNAL_SERVER_ERROR') log.error({ requestId: requestIdOfContext(ctx), path, err: result.error.cause ?? result.error }, 'procedure failed');
  return result;
});

export const router = t.router;
export const publicProcedure = t.procedure.use(serviceErrors);

export const signedInProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user || !ctx.sessionId) throw new TRPCError({ code: 'UNAUTHORIZED', message: '请先登录' });
  // Only what narrows: tRPC merges it into the context itself (a copy of every key per call).
  return next({ ctx: { user: ctx.user, sessionId: ctx.sessionId } });
});

/** A procedure only users holding one of `roles` may call. */
export function roleProcedure(...roles: Role[]) {
  if (roles.length === 0) throw new Error('roleProcedure needs at least one role');
  return signedInProcedure.use(function requireRole({ ctx, next }) {
    if (!roles.some((r) => ctx.user.roles.includes(r))) throw new TRPCError({ code: 'FORBIDDEN', message: '您没有执行此操作的权限' });
    return next();
  });
}
