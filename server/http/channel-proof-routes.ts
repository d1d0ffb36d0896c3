/**
 * Offline-channel proofs travel outside tRPC like attachments: a multipart upload in (the
 * file with its channel, date and note), the stored bytes out. Both behind the session; the
 * service decides who may.
 */
import { Hono } from 'hono';
import { readAttachmentBytes } from '../services/attachment-service';
import { addChannelProof, loadChannelProof } from '../services/channel-proof-service';
import { contentDisposition } from './attachment-routes';
import { fileRouteErrors, fileUpload, uploadLimit } from './file-routes';
import type { ServiceContext } from '../services/service-context';
import type { SessionVariables } from './session-middleware';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export function channelProofRoutes(services: ServiceContext) {
  const app = new Hono<{ Variables: SessionVariables }>();
  app.onError(fileRouteErrors('channel proof'));
  app.post(
    '/documents/:id/channel-proofs',
    uploadLimit('发布凭证不能超过 20 MB'),
    fileUpload('请选择凭证照片或扫描件', (c, user, file, form) =>
      addChannelProof(services, user, { documentId: c.req.param('id') ?? '', channel: text(form.channel), publishedOn: text(form.publishedOn), note: text(form.note), file }),
    ),
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
