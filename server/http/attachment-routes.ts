import { Hono } from 'hono';
import { addAttachment, loadAttachment } from '../services/attachment-service';
import { loadViewableDocument } from '../services/document-view-service';
import { loadFormFileForDownload, uploadFormFile } from '../services/form-file-service';
import type { ServiceContext } from '../services/service-context';
import type { SessionVariables } from './session-middleware';
import { fileDownload, fileRouteErrors, fileUpload, uploadLimit } from './file-routes';

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
  app.get('/form-files/:id', fileDownload(services, (c, user) => loadFormFileForDownload(services, user, c.req.param('id') ?? '')));
  app.get(
    '/attachments/:id',
    fileDownload(services, async (c, user) => {
      const attachment = await loadAttachment(services, c.req.param('id') ?? '');
      await loadViewableDocument(services, user, attachment.documentId);
      return attachment;
    }),
  );
  return app;
}
