import { Hono } from 'hono';
import { addAttachment, loadAttachment, readAttachmentBytes } from '../services/attachment-service';
import { loadViewableDocument } from '../services/document-view-service';
import { loadFormFileForDownload, uploadFormFile } from '../services/form-file-service';
import type { ServiceContext } from '../services/service-context';
import type { SessionVariables } from './session-middleware';
import { fileRouteErrors, fileUpload, uploadLimit } from './file-routes';

/** `Content-Disposition` with the original (often Chinese) name, per RFC 6266/5987. */
export function contentDisposition(kind: 'attachment' | 'inline', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Files travel outside tRPC: multipart upload in, raw bytes out, both behind the session. */
export function attachmentRoutes(services: ServiceContext) {
  const app = new Hono<{ Variables: SessionVariables }>();
  app.onError(fileRouteErrors('attachment'));
  app.post(
    '/documents/:id/attachments',
    uploadLimit('附件不能超过 20 MB'),
    fileUpload('请选择要上传的附件', (c, user, file) => addAttachment(services, user, c.req.param('id') ?? '', file)),
  );
  // A form's `file` field uploads before the form is saved; the saved form claims the file for its document.
  app.post('/form-files', uploadLimit('附件不能超过 20 MB'), fileUpload('请选择要上传的文件', (_c, user, file) => uploadFormFile(services, user, file)));
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
