/**
 * The annual report on disclosure work (政府信息公开工作年度报告): compute it for a year from
 * the records, keep the staff's narrative as a draft, and submit it into release review as a
 * document whose body is the rendered report. A report whose tables do not add up cannot be
 * submitted. The disclosure office (公开办/信息中心) and admins do this.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { annualReports, attachments, categories, documents } from '../db/schema/index';
import { reportDocx } from '../report/export-docx';
import { reportXlsx } from '../report/export-xlsx';
import { computeAnnualReport } from '../report/compute-report';
import { reportReads } from '../db/report-reader';
import { checkReportIdentities } from '../report/report-identities';
import { REPORT_TEMPLATES, TEMPLATE_KEYS, type TemplateKey } from '../report/report-templates';
import { reportGrids } from '../report/report-grid';
import { renderReportText, reportTitle, sectionHeadings, type ReportContent, type ReportNarrative } from '../report/report-text';
import type { EnteredFigures, IdentityViolation } from '../report/report-types';
import { ANNUAL_REPORT_ROLES } from '../../workflows/annual-report-roles';
import { cstDate, cstYear } from '../time';
import { commitChange } from './commit';
import { badRequest, conflict, forbidden } from './errors';
import { loadReportRecords } from './annual-report-records';
import { createDraftDocument, EDITABLE_STATUSES, updateDraft } from './draft-service';
import { addAttachment } from './attachment-service';
import { recordReportTables } from './report-table-snapshot';
import { loadDocument } from './document-store';
import { performReviewAction } from './review-service';
import { readSetting, SETTING_KEYS } from './settings';
import type { ServiceContext } from './service-context';
import type { SessionUser } from './users';

export { ANNUAL_REPORT_ROLES };
export const ANNUAL_REPORT_CATEGORY = 'annual-report';

type ReportRow = typeof annualReports.$inferSelect;

export interface ReportSelection {
  year: number;
  templateKey?: TemplateKey | undefined;
}

function requireRole(actor: SessionUser) {
  if (!ANNUAL_REPORT_ROLES.some((r) => actor.roles.includes(r))) throw forbidden('只有公开办或管理员可以编制年度报告');
}

export function requireReportYear(ctx: ServiceContext, year: number) {
  const thisYear = cstYear(ctx.now());
  if (!Number.isInteger(year) || year < 2008 || year > thisYear) throw badRequest(`年度须在 2008 年至 ${thisYear} 年之间`);
}

async function loadRow(ctx: ServiceContext, year: number): Promise<ReportRow | undefined> {
  const [row] = await ctx.database.db.select().from(annualReports).where(eq(annualReports.year, year));
  return row;
}

const narrativeOf = (row: ReportRow | undefined): ReportNarrative => ({
  generalSituation: row?.generalSituation ?? '',
  problemsAndImprovements: row?.problemsAndImprovements ?? '',
  otherMatters: row?.otherMatters ?? '',
});
const enteredOf = (row: ReportRow | undefined): EnteredFigures => ({ feeAmountYuan: row?.feeAmountYuan ?? 0, procurementAmountYuan: row?.procurementAmountYuan ?? 0 });

/** Computes the report's content and its violations from the database. */
export async function computeReportContent(ctx: ServiceContext, year: number, templateKey: TemplateKey, row: ReportRow | undefined) {
  const template = REPORT_TEMPLATES[templateKey];
  // A year's catalog and requests, counted over their indexes: off the event loop (report-reader.ts).
  const records = await loadReportRecords(reportReads(ctx.database).db, year, enteredOf(row));
  const computed = computeAnnualReport(template, year, records);
  const content: ReportContent = { bureauName: await readSetting(ctx.database.db, SETTING_KEYS.bureauName), template, computed, narrative: narrativeOf(row) };
  return { content, violations: checkReportIdentities(computed) };
}

function templateOf(selection: ReportSelection, row: ReportRow | undefined): TemplateKey {
  return selection.templateKey ?? ((row?.templateKey as TemplateKey | undefined) ?? '2021');
}

/** Violations with the requests (or appeals) behind them named for people. */
function describedViolations(violations: IdentityViolation[], labels: Record<string, string>) {
  return violations.map((v) => ({ ...v, causes: v.causes.map((id) => ({ id, label: labels[id] ?? id })) }));
}

/** Everything the report page shows for a year and template. */
export async function loadAnnualReport(ctx: ServiceContext, actor: SessionUser, selection: ReportSelection) {
  requireRole(actor);
  requireReportYear(ctx, selection.year);
  const row = await loadRow(ctx, selection.year);
  const templateKey = templateOf(selection, row);
  const { content, violations } = await computeReportContent(ctx, selection.year, templateKey, row);
  const document = row?.documentId ? await loadDocument(ctx.database.db, row.documentId) : null;
  return {
    year: selection.year,
    templateKey,
    templates: TEMPLATE_KEYS.map((key) => ({ key, name: REPORT_TEMPLATES[key].name })),
    title: reportTitle(content.bureauName, selection.year),
    sections: content.template.sections.map((s, i) => ({ kind: s.kind, heading: sectionHeadings(content.template)[i]!, title: s.title })),
    grids: { zh: reportGrids(content.template, content.computed, 'zh'), en: reportGrids(content.template, content.computed, 'en') },
    violations: describedViolations(violations, content.computed.labels),
    requestFees: content.computed.requestFees,
    draft: {
      version: row?.version ?? 0,
      narrative: content.narrative,
      entered: enteredOf(row),
      savedTemplateKey: row?.templateKey ?? null,
      updatedAt: row?.updatedAt ?? null,
      document: document ? { id: document.id, status: document.status, title: document.title } : null,
    },
  };
}

function requireStillEditable(status: string | undefined) {
  if (status && !EDITABLE_STATUSES.has(status)) throw conflict('年度报告已提交审查，不能再修改；如需修改，请待审查退回后进行');
}

export interface SaveReportInput {
  year: number;
  templateKey: TemplateKey;
  expectedVersion: number;
  narrative: ReportNarrative;
  entered: EnteredFigures;
}

/** Saves the narrative parts and typed figures of a year's report (a draft until submitted). */
export async function saveAnnualReport(ctx: ServiceContext, actor: SessionUser, input: SaveReportInput): Promise<{ version: number }> {
  requireRole(actor);
  requireReportYear(ctx, input.year);
  const { db } = ctx.database;
  const row = await loadRow(ctx, input.year);
  if ((row?.version ?? 0) !== input.expectedVersion) throw conflict('年度报告已被他人修改，请刷新后重试');
  if (row?.documentId) requireStillEditable((await loadDocument(db, row.documentId)).status);
  const now = ctx.now();
  const fields = {
    templateKey: input.templateKey,
    generalSituation: input.narrative.generalSituation,
    problemsAndImprovements: input.narrative.problemsAndImprovements,
    otherMatters: input.narrative.otherMatters,
    feeAmountYuan: input.entered.feeAmountYuan,
    procurementAmountYuan: input.entered.procurementAmountYuan,
    updatedBy: actor.id,
    updatedAt: now,
  };
  const version = input.expectedVersion + 1;
  await commitChange(
    ctx,
    [row
      ? db.update(annualReports).set({ ...fields, version }).where(eq(annualReports.id, row.id))
      : db.insert(annualReports).values({ id: crypto.randomUUID(), year: input.year, ...fields, version, createdAt: now })],
    [{ at: now, actorId: actor.id, action: 'annual_report.saved', detail: { year: input.year, template: input.templateKey, version } }],
  );
  return { version };
}

/**
 * Sends the saved report into release review. Refused while any identity fails or a
 * narrative part is empty; the document's body is the report rendered from today's records.
 */
export async function submitAnnualReport(ctx: ServiceContext, actor: SessionUser, input: { year: number; expectedVersion: number }): Promise<{ documentId: string }> {
  requireRole(actor);
  requireReportYear(ctx, input.year);
  const { db } = ctx.database;
  const row = await loadRow(ctx, input.year);
  if (!row) throw badRequest('请先保存年度报告的文字部分，再提交审查');
  if (row.version !== input.expectedVersion) throw conflict('年度报告已被他人修改，请刷新后重试');
  const { content, violations } = await computeReportContent(ctx, input.year, row.templateKey as TemplateKey, row);
  if (violations.length) throw badRequest(`年度报告有 ${violations.length} 处数据勾稽关系不符，须先核对相关申请记录，不能提交审查`);
  if (!row.generalSituation.trim() || !row.problemsAndImprovements.trim()) throw badRequest('请填写「总体情况」和「存在的主要问题及改进情况」后再提交审查');
  const [category] = await db.select({ id: categories.id }).from(categories).where(eq(categories.code, ANNUAL_REPORT_CATEGORY));
  if (!category) throw badRequest('未找到「政府信息公开年报」主题分类，请管理员先行设置');
  const now = ctx.now();
  const document = {
    title: reportTitle(content.bureauName, input.year), docNumber: '', categoryId: category.id, writtenAt: cstDate(now), body: renderReportText(content),
    hasStatistics: true, isMajorMatter: false, attribute: 'open' as const, channels: ['portal' as const], redactions: [], attributeReason: '', legalGround: null, policyDocumentId: null,
  };
  let documentId = row.documentId;
  if (!documentId) {
    const created = await createDraftDocument(ctx, actor, document, (id) => ({
      statements: [db.update(annualReports).set({ documentId: id, version: row.version + 1, updatedAt: now }).where(eq(annualReports.id, row.id))],
      audit: [{ at: now, actorId: actor.id, documentId: id, action: 'annual_report.document_created', detail: { year: input.year, template: row.templateKey } }],
    }));
    documentId = created.id;
  } else {
    const existing = await loadDocument(db, documentId);
    requireStillEditable(existing.status);
    await updateDraft(ctx, actor, documentId, existing.version, document);
  }
  await attachReportFiles(ctx, actor, documentId, content);
  await recordReportTables(ctx, actor, documentId, content);
  const doc = await loadDocument(db, documentId);
  await performReviewAction(ctx, actor, { documentId, expectedVersion: doc.version, action: 'submit' });
  return { documentId };
}

/**
 * The .docx and .xlsx of the report travel with the document, so the public catalog offers
 * the tables with their merged headers as the agencies publish them. On resubmission the
 * previous files are replaced, never left beside newer figures.
 */
async function attachReportFiles(ctx: ServiceContext, actor: SessionUser, documentId: string, content: ReportContent) {
  const { db } = ctx.database;
  const base = reportTitle(content.bureauName, content.computed.year);
  const names = [`${base}.docx`, `${base}.xlsx`];
  const stale = await db.select({ id: attachments.id }).from(attachments).where(and(eq(attachments.documentId, documentId), inArray(attachments.originalName, names)));
  if (stale.length) {
    const doc = await loadDocument(db, documentId);
    const now = ctx.now();
    await commitChange(ctx, [
      db.delete(attachments).where(inArray(attachments.id, stale.map((a) => a.id))),
      db.update(documents).set({ version: doc.version + 1, updatedAt: now }).where(eq(documents.id, documentId)),
    ], [{ at: now, actorId: actor.id, documentId, action: 'attachment.removed', detail: { names, reason: 'annual_report.resubmitted' } }], '文件已被修改，请刷新后重试');
  }
  await addAttachment(ctx, actor, documentId, { name: names[0]!, bytes: await reportDocx(content) });
  await addAttachment(ctx, actor, documentId, { name: names[1]!, bytes: await reportXlsx(content, []) });
}
