/**
 * Offline-channel proofs travel outside tRPC like attachments: a multipart upload in (the
 * file with its channel, date and note), the stored bytes out. Both behind the session; the
 * service decides who may.
 */
import { Hono } from 'hono';
import { addChannelProof, loadChannelProof } from '../services/channel-proof-service';
import { fileDownload, fileRouteErrors, fileUpload, uploadLimit } from './file-routes';
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
  app.get(
    '/channel-proofs/:id',
    // Shown in the browser (a photo or a PDF), never kept in a shared cache.
    fileDownload(services, (c, user) => loadChannelProof(services, user, c.req.param('id') ?? ''), { disposition: 'inline', headers: { 'Cache-Control': 'private, no-store' } }),
  );
  return app;
}
