import { Hono } from 'hono';
import { REPORT_FORMATS, renderReportFile, type ReportFormat } from '../services/annual-report-export-service';
import { ANNUAL_REPORT_ROLES } from '../services/annual-report-service';
import { TEMPLATE_KEYS, type TemplateKey } from '../report/report-templates';
import { contentDisposition } from './file-routes';
import { ShenfaError } from '../services/errors';
import type { ServiceContext } from '../services/service-context';
import type { SessionVariables } from './session-middleware';

/** Staff download of a year's annual report: GET /api/reports/annual/2026.docx?template=2021 */
export function annualReportRoutes(services: ServiceContext) {
  const app = new Hono<{ Variables: SessionVariables }>();
  app.onError((error, c) => {
    if (error instanceof ShenfaError) return c.json({ error: { code: error.code, message: error.message } }, error.code === 'BAD_REQUEST' ? 400 : 403);
    console.error(error);
    return c.json({ error: { code: 'INTERNAL_SERVER_ERROR', message: '服务器内部错误，请稍后重试' } }, 500);
  });
  app.get('/reports/annual/:file', async (c) => {
    const user = c.get('user');
    if (!user) return c.json({ error: { code: 'UNAUTHORIZED', message: '请先登录' } }, 401);
    if (!ANNUAL_REPORT_ROLES.some((r) => user.roles.includes(r))) return c.json({ error: { code: 'FORBIDDEN', message: '您没有执行此操作的权限' } }, 403);
    const match = /^(\d{4})\.(\w+)$/.exec(c.req.param('file'));
    const template = c.req.query('template');
    if (!match || !(REPORT_FORMATS as readonly string[]).includes(match[2]!) || (template && !(TEMPLATE_KEYS as readonly string[]).includes(template))) {
      return c.json({ error: { code: 'BAD_REQUEST', message: '请求的年度报告文件无效' } }, 400);
    }
    const file = await renderReportFile(services, Number(match[1]), template as TemplateKey | undefined, match[2] as ReportFormat);
    return c.body(new Uint8Array(file.bytes), 200, {
      'Content-Type': file.mime,
      'Content-Disposition': contentDisposition('attachment', file.name),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
  });
  return app;
}
