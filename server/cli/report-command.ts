/**
 * `report annual --year 2026 --template 2021 --out report.docx|.xlsx|.json`: writes the
 * year's annual report computed from the database. When an identity fails it prints every
 * violation with the requests behind it, writes nothing (unless --force) and exits 4.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPORT_FORMATS, renderReportFile, type ReportFormat } from '../services/annual-report-export-service';
import { TEMPLATE_KEYS, type TemplateKey } from '../report/report-templates';
import { ShenfaError } from '../services/errors';
import type { ServiceContext } from '../services/service-context';
import type { IdentityViolation } from '../report/report-types';

export const REPORT_USAGE = '用法：report annual --year <年度> [--template 2019|2021] --out <文件.docx|.xlsx|.json> [--force]';

const IDENTITY_NAMES: Record<IdentityViolation['kind'], string> = {
  request_balance: '第一项加第二项之和应等于第三项总计加第四项之和',
  results_total: '第三项总计应等于各办理结果之和',
  total_column: '总计列应等于各类申请人之和',
  appeal_total: '总计应等于维持、纠正、其他、尚未审结之和',
};

export function describeViolation(v: IdentityViolation, labels: Record<string, string>): string {
  const causes = v.causes.length ? `；涉及：${v.causes.map((id) => labels[id] ?? id).join('、')}` : '';
  return `${IDENTITY_NAMES[v.kind]}（${v.table === 'requests' ? '申请情况表' : '复议诉讼表'}，行 ${v.row}，列 ${v.column}）：应为 ${v.expected}，实为 ${v.actual}${causes}`;
}

/** Runs the command; returns the process exit code. */
export async function reportCommand(services: ServiceContext, args: string[], log = console.log, warn = console.error): Promise<number> {
  if (args[0] !== 'annual') throw new ShenfaError('BAD_REQUEST', REPORT_USAGE);
  const { values } = parseArgs({ args: args.slice(1), options: { year: { type: 'string' }, template: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } } });
  const year = Number(values.year);
  const format = path.extname(values.out ?? '').slice(1).toLowerCase();
  if (!values.year || !Number.isInteger(year) || !values.out) throw new ShenfaError('BAD_REQUEST', REPORT_USAGE);
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw new ShenfaError('BAD_REQUEST', '输出文件须以 .docx、.xlsx 或 .json 结尾');
  if (values.template && !(TEMPLATE_KEYS as readonly string[]).includes(values.template)) throw new ShenfaError('BAD_REQUEST', '模板须为 2019 或 2021');
  const file = await renderReportFile(services, year, values.template as TemplateKey | undefined, format as ReportFormat);
  if (file.violations.length) {
    warn(`年度报告数据勾稽关系不符，共 ${file.violations.length} 处：`);
    for (const v of file.violations) warn(`  - ${describeViolation(v, file.labels)}`);
    if (!values.force) {
      warn('未写出文件（核对记录后重试，或加 --force 仍写出）。');
      return 4;
    }
  }
  fs.writeFileSync(values.out, file.bytes);
  log(`已写出 ${values.out}（${file.name}）。`);
  return file.violations.length ? 4 : 0;
}
