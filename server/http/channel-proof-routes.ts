/**
 * Offline-channel proofs travel outside tRPC like attachments: a multipart upload in (the
 * file with its channel, date and note), the stored bytes out. Both behind the session; the
 * service decides who may.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MAX_ATTACHMENT_BYTES, readAttachmentBytes } from '../services/attachment-service';
import { addChannelProof, loadChannelProof } from '../services/channel-proof-service';
import { ShenfaError } from '../services/errors';
import { contentDisposition } from './attachment-routes';
import { log } from '../log';
import type { ServiceContext } from '../services/service-context';
import type { SessionVariables } from './session-middleware';

const STATUS: Record<ShenfaError['code'], 400 | 401 | 403 | 404 | 409 | 429 | 503> = {
  BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, TOO_MANY_REQUESTS: 429, SERVICE_UNAVAILABLE: 503,
};

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export function channelProofRoutes(services: ServiceContext) {
  const app = new Hono<{ Variables: SessionVariables }>();
  app.onError((error, c) => {
    if (error instanceof ShenfaError) return c.json({ error: { code: error.code, message: error.message } }, STATUS[error.code]);
    const requestId = (c.get as (key: string) => unknown)('requestId');
    log.error({ requestId, err: error }, 'channel proof route failed');
    return c.json({ error: { code: 'INTERNAL_SERVER_ERROR', message: `服务器内部错误，请稍后重试（请求编号 ${requestId}）`, requestId } }, 500);
  });
  app.post(
    '/documents/:id/channel-proofs',
    bodyLimit({ maxSize: MAX_ATTACHMENT_BYTES + 64 * 1024, onError: (c) => c.json({ error: { code: 'PAYLOAD_TOO_LARGE', message: '发布凭证不能超过 20 MB' } }, 413) }),
    async (c) => {
      const user = c.get('user');
      if (!user) return c.json({ error: { code: 'UNAUTHORIZED', message: '请先登录' } }, 401);
      const form = await c.req.parseBody().catch(() => null);
      const file = form?.file;
      if (!(file instanceof File)) return c.json({ error: { code: 'BAD_REQUEST', message: '请选择凭证照片或扫描件' } }, 400);
      const result = await addChannelProof(services, user, {
        documentId: c.req.param('id'), channel: text(form?.channel), publishedOn: text(form?.publishedOn), note: text(form?.note),
        file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
      });
      return c.json(result, 201);
    },
  );
  app.get('/channel-proofs/:id', async (c) => {
    const user = c.get('user');
    if (!user) return c.json({ error: { code: 'UNAUTHORIZED', message: '请先登录' } }, 401);
    const proof = await loadChannelProof(services, user, c.req.param('id'));
    const bytes = await readAttachmentBytes(services, proof.storedName);
    // Shown in the browser (a photo or a PDF), never sniffed as anything else.
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': proof.mime,
      'Content-Disposition': contentDisposition('inline', proof.originalName),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    });
  });
  return app;
}
