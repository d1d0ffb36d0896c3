/** Files of a year's annual report (.docx, .xlsx, .json) for staff downloads and the CLI. */
import { eq } from 'drizzle-orm';
import { annualReports } from '../db/schema/index';
import { reportDocx } from '../report/export-docx';
import { reportXlsx } from '../report/export-xlsx';
import { reportJson } from '../report/export-json';
import { reportTitle } from '../report/report-text';
import type { TemplateKey } from '../report/report-templates';
import type { IdentityViolation } from '../report/report-types';
import { badRequest } from './errors';
import { computeReportContent, requireReportYear } from './annual-report-service';
import type { ServiceContext } from './service-context';

export const REPORT_FORMATS = ['docx', 'xlsx', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const MIME: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

export interface ReportFile {
  name: string;
  mime: string;
  bytes: Buffer;
  violations: IdentityViolation[];
  labels: Record<string, string>;
}

/**
 * Renders the report for `year` (saved narrative if any) in `format`. Role checks are the
 * caller's: the HTTP route checks the session's roles; the CLI runs on the server itself.
 */
export async function renderReportFile(ctx: ServiceContext, year: number, templateKey: TemplateKey | undefined, format: ReportFormat): Promise<ReportFile> {
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw badRequest('导出格式须为 docx、xlsx 或 json');
  requireReportYear(ctx, year);
  const [row] = await ctx.database.db.select().from(annualReports).where(eq(annualReports.year, year));
  const key = templateKey ?? ((row?.templateKey as TemplateKey | undefined) ?? '2021');
  const { content, violations } = await computeReportContent(ctx, year, key, row);
  const bytes = format === 'docx' ? await reportDocx(content) : format === 'xlsx' ? await reportXlsx(content, violations) : Buffer.from(reportJson(content, violations), 'utf8');
  return { name: `${reportTitle(content.bureauName, year)}.${format}`, mime: MIME[format], bytes, violations, labels: content.computed.labels };
}
