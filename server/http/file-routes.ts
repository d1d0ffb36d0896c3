/**
 * What the routes that carry files outside tRPC share (attachments, form-field files, channel
 * proofs): the size limit, the signed-in multipart upload of one `file` field, the signed-in
 * download of a stored file, and errors answered as JSON with the Chinese message (a request
 * id, never a stack, for the unexpected).
 */
import type { Context, ErrorHandler, Handler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MAX_ATTACHMENT_BYTES, readAttachmentBytes } from '../services/attachment-service';
import { ShenfaError } from '../services/errors';
import type { ServiceContext } from '../services/service-context';
import type { SessionUser } from '../services/users';
import type { SessionVariables } from './session-middleware';
import { log } from '../log';

type Env = { Variables: SessionVariables };

const STATUS: Record<ShenfaError['code'], 400 | 401 | 403 | 404 | 409 | 429 | 503> = {
  BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, TOO_MANY_REQUESTS: 429, SERVICE_UNAVAILABLE: 503,
};

export function fileRouteErrors(what: string): ErrorHandler<Env> {
  return (error, c) => {
    if (error instanceof ShenfaError) return c.json({ error: { code: error.code, message: error.message } }, STATUS[error.code]);
    const requestId = (c.get as (key: string) => unknown)('requestId');
    log.error({ requestId, err: error }, `${what} route failed`);
    return c.json({ error: { code: 'INTERNAL_SERVER_ERROR', message: `服务器内部错误，请稍后重试（请求编号 ${requestId}）`, requestId } }, 500);
  };
}

/** The attachment size limit (plus room for the multipart envelope), refused with `message`. */
export const uploadLimit = (message: string) =>
  bodyLimit({ maxSize: MAX_ATTACHMENT_BYTES + 64 * 1024, onError: (c) => c.json({ error: { code: 'PAYLOAD_TOO_LARGE', message } }, 413) });

/**
 * A signed-in upload of one `file` field: 401 without a session, 400 with `missing` without a
 * file, else `store` decides (and may refuse with a ShenfaError); answers 201 with its result.
 */
export function fileUpload(missing: string, store: (c: Context<Env>, user: SessionUser, file: { name: string; bytes: Uint8Array }, form: Record<string, unknown>) => Promise<unknown>): Handler<Env> {
  return async (c) => {
    const user = c.get('user');
    if (!user) return c.json({ error: { code: 'UNAUTHORIZED', message: '请先登录' } }, 401);
    const form = await c.req.parseBody().catch(() => null);
    const file = form?.file;
    if (!(file instanceof File)) return c.json({ error: { code: 'BAD_REQUEST', message: missing } }, 400);
    return c.json(await store(c, user, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, form ?? {}), 201);
  };
}

/** `Content-Disposition` with the original (often Chinese) name, per RFC 6266/5987. */
export function contentDisposition(kind: 'attachment' | 'inline', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * A signed-in download of a stored upload: 401 without a session, else `load` finds the file
 * and checks the user may read it (refusing with a ShenfaError); answers its bytes under its
 * original name, never sniffed as another type.
 */
export function fileDownload(
  services: ServiceContext,
  load: (c: Context<Env>, user: SessionUser) => Promise<{ storedName: string; mime: string; originalName: string }>,
  options: { disposition?: 'attachment' | 'inline'; headers?: Record<string, string> } = {},
): Handler<Env> {
  return async (c) => {
    const user = c.get('user');
    if (!user) return c.json({ error: { code: 'UNAUTHORIZED', message: '请先登录' } }, 401);
    const file = await load(c, user);
    const bytes = await readAttachmentBytes(services, file.storedName);
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': file.mime,
      'Content-Disposition': contentDisposition(options.disposition ?? 'attachment', file.originalName),
      'X-Content-Type-Options': 'nosniff',
      ...options.headers,
    });
  };
}
