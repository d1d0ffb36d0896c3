import { PassThrough, Readable, type Writable } from 'node:stream';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { assertMayImport, MAX_IMPORT_BYTES, uploadCatalogFile } from '../services/catalog-import-service';
import { exportCatalog, writeCatalogTemplate } from '../services/catalog-export-service';
import { exportAuditLog } from '../services/audit-export-service';
import { SHEET_MIME, type SheetFileFormat } from '../services/sheet-writer';
import { ShenfaError, forbidden } from '../services/errors';
import { cstDate } from '../time';
import { contentDisposition } from './file-routes';
import { fileRouteErrors } from './file-routes';
import type { ServiceContext } from '../services/service-context';
import type { SessionUser } from '../services/users';
import type { SessionVariables } from './session-middleware';

const FILE = /^(\w+)\.(xlsx|csv)$/;

/**
 * Catalog import upload, its template, and the catalog and audit-log exports. Files travel
 * outside tRPC; every route checks the session and role itself.
 *   POST /api/catalog-import/upload          admin, publisher (multipart `file`)
 *   GET  /api/catalog-import/template.xlsx   admin, publisher (also .csv)
 *   GET  /api/exports/catalog.xlsx           admin, publisher (also .csv)
 *   GET  /api/exports/audit.xlsx             admin only (also .csv)
 */
export function catalogTransferRoutes(services: ServiceContext) {
  const app = new Hono<{ Variables: SessionVariables }>();
  app.onError(fileRouteErrors('catalog transfer'));

  const signedInUser = (user: SessionUser | null | undefined): SessionUser => {
    if (!user) throw new ShenfaError('UNAUTHORIZED', '请先登录');
    return user;
  };

  /** Streams a sheet as the response; the writer runs while the client reads. */
  const sheetResponse = (format: SheetFileFormat, name: string, write: (out: Writable) => Promise<void>) => {
    const out = new PassThrough();
    write(out).catch((error: unknown) => {
      console.error(error);
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    });
    return new Response(Readable.toWeb(out) as ReadableStream, {
      headers: { 'Content-Type': SHEET_MIME[format], 'Content-Disposition': contentDisposition('attachment', name), 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' },
    });
  };

  const parseFile = (param: string, name: string): SheetFileFormat => {
    const match = FILE.exec(param);
    if (!match || match[1] !== name) throw new ShenfaError('NOT_FOUND', '未找到该文件');
    return match[2] as SheetFileFormat;
  };

  app.post(
    '/catalog-import/upload',
    bodyLimit({ maxSize: MAX_IMPORT_BYTES + 64 * 1024, onError: (c) => c.json({ error: { code: 'PAYLOAD_TOO_LARGE', message: '文件不能超过 200 MB' } }, 413) }),
    async (c) => {
      const user = signedInUser(c.get('user'));
      assertMayImport(user);
      const form = await c.req.parseBody().catch(() => null);
      const file = form?.file;
      if (!(file instanceof File)) throw new ShenfaError('BAD_REQUEST', '请选择要导入的 .xlsx 或 .csv 文件');
      return c.json(await uploadCatalogFile(services, user, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }), 201);
    },
  );

  app.get('/catalog-import/:file', (c) => {
    assertMayImport(signedInUser(c.get('user')));
    const format = parseFile(c.req.param('file'), 'template');
    return sheetResponse(format, `政府信息公开目录导入模板.${format}`, (out) => writeCatalogTemplate(services, format, out));
  });

  app.get('/exports/:file', (c) => {
    const user = signedInUser(c.get('user'));
    const param = c.req.param('file');
    if (param.startsWith('audit.')) {
      if (!user.roles.includes('admin')) throw forbidden('您没有执行此操作的权限');
      const format = parseFile(param, 'audit');
      return sheetResponse(format, `审计日志-${cstDate(services.now())}.${format}`, (out) => exportAuditLog(services, format, out));
    }
    assertMayImport(user);
    const format = parseFile(param, 'catalog');
    return sheetResponse(format, `政府信息公开目录-${cstDate(services.now())}.${format}`, (out) => exportCatalog(services, format, out));
  });
  return app;
}
