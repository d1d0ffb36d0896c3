import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { addAttachment, loadAttachment, MAX_ATTACHMENT_BYTES, readAttachmentBytes } from '../services/attachment-service';
import { loadViewableDocument } from '../services/document-view-service';
import { loadFormFileForDownload, uploadFormFile } from '../services/form-file-service';
import { ShenfaError } from '../services/errors';
import type { ServiceContext } from '../services/service-context';
import type { SessionVariables } from './session-middleware';
import { log } from '../log';

const STATUS: Record<ShenfaError['code'], 400 | 401 | 403 | 404 | 409 | 429 | 503> = {
  BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, TOO_MANY_REQUESTS: 429, SERVICE_UNAVAILABLE: 503,
};

/** `Content-Disposition` with the original (often Chinese) name, per RFC 6266/5987. */
export function contentDisposition(kind: 'attachment' | 'inline', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Files travel outside tRPC: multipart upload in, raw bytes out, both behind the session. */
export function attachmentRoutes(services: ServiceContext) {
  const app = new Hono<{ Variables: SessionVariables }>();
  app.onError((error, c) => {
    if (error instanceof ShenfaError) return c.json({ error: { code: error.code, message: error.message } }, STATUS[error.code]);
    const requestId = (c.get as (key: string) => unknown)('requestId');
    log.error({ requestId, err: error }, 'attachment route failed');
    return c.json({ error: { code: 'INTERNAL_SERVER_ERROR', message: `服务器内部错误，请稍后重试（请求编号 ${requestId}）`, requestId } }, 500);
  });
  app.post(
    '/documents/:id/attachments',
    bodyLimit({ maxSize: MAX_ATTACHMENT_BYTES + 64 * 1024, onError: (c) => c.json({ error: { code: 'PAYLOAD_TOO_LARGE', message: '附件不能超过 20 MB' } }, 413) }),
    async (c) => {
      const user = c.get('user');
      if (!user) return c.json({ error: { code: 'UNAUTHORIZED', message: '请先登录' } }, 401);
      const form = await c.req.parseBody().catch(() => null);
      const file = form?.file;
      if (!(file instanceof File)) return c.json({ error: { code: 'BAD_REQUEST', message: '请选择要上传的附件' } }, 400);
      const result = await addAttachment(services, user, c.req.param('id'), { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      return c.json(result, 201);
    },
  );
  // A form's `file` field uploads before the form is saved; the saved form claims the file for its document.
  app.post(
    '/form-files',
    bodyLimit({ maxSize: MAX_ATTACHMENT_BYTES + 64 * 1024, onError: (c) => c.json({ error: { code: 'PAYLOAD_TOO_LARGE', message: '附件不能超过 20 MB' } }, 413) }),
    async (c) => {
      const user = c.get('user');
      if (!user) return c.json({ error: { code: 'UNAUTHORIZED', message: '请先登录' } }, 401);
      const form = await c.req.parseBody().catch(() => null);
      const file = form?.file;
      if (!(file instanceof File)) return c.json({ error: { code: 'BAD_REQUEST', message: '请选择要上传的文件' } }, 400);
      return c.json(await uploadFormFile(services, user, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }), 201);
    },
  );
  app.get('/form-files/:id', async (c) => {
    const user = c.get('user');
    if (!user) return c.json({ error: { code: 'UNAUTHORIZED', message: '请先登录' } }, 401);
    const file = await loadFormFileForDownload(services, user, c.req.param('id'));
    const bytes = await readAttachmentBytes(services, file.storedName);
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': file.mime,
      'Content-Disposition': contentDisposition('attachment', file.originalName),
      'X-Content-Type-Options': 'nosniff',
    });
  });
  app.get('/attachments/:id', async (c) => {
    const user = c.get('user');
    if (!user) return c.json({ error: { code: 'UNAUTHORIZED', message: '请先登录' } }, 401);
    const attachment = await loadAttachment(services, c.req.param('id'));
    await loadViewableDocument(services, user, attachment.documentId);
    const bytes = await readAttachmentBytes(services, attachment.storedName);
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': attachment.mime,
      'Content-Disposition': contentDisposition('attachment', attachment.originalName),
      'X-Content-Type-Options': 'nosniff',
    });
  });
  return app;
}
