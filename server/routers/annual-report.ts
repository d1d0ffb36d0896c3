import { z } from 'zod';
import { router, roleProcedure } from '../trpc';
import { TEMPLATE_KEYS } from '../report/report-templates';
import { ANNUAL_REPORT_ROLES, loadAnnualReport, saveAnnualReport, submitAnnualReport } from '../services/annual-report-service';

const year = z.number({ error: '请选择年度' }).int('请选择年度');
const narrativeText = (name: string) => z.string().max(20_000, `「${name}」不能超过 20000 字`);
const yuan = (name: string) => z.number({ error: `请填写「${name}」` }).min(0, `「${name}」不能为负数`).max(1e12, `「${name}」过大`);

export const annualReportRouter = router({
  get: roleProcedure(...ANNUAL_REPORT_ROLES)
    .input(z.object({ year, templateKey: z.enum(TEMPLATE_KEYS).optional() }))
    .query(({ ctx, input }) => loadAnnualReport(ctx.services, ctx.user, input)),
  save: roleProcedure(...ANNUAL_REPORT_ROLES)
    .input(z.object({
      year,
      templateKey: z.enum(TEMPLATE_KEYS),
      expectedVersion: z.number().int().min(0),
      narrative: z.object({ generalSituation: narrativeText('总体情况'), problemsAndImprovements: narrativeText('存在的主要问题及改进情况'), otherMatters: narrativeText('其他需要报告的事项') }),
      entered: z.object({ feeAmountYuan: yuan('行政事业性收费金额'), procurementAmountYuan: yuan('政府集中采购金额') }),
    }))
    .mutation(({ ctx, input }) => saveAnnualReport(ctx.services, ctx.user, input)),
  submit: roleProcedure(...ANNUAL_REPORT_ROLES)
    .input(z.object({ year, expectedVersion: z.number().int().min(1) }))
    .mutation(({ ctx, input }) => submitAnnualReport(ctx.services, ctx.user, input)),
});
