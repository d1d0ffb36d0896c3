/**
 * The annual report over real HTTP on a real libsql file: computed from request records,
 * a broken record blocks submission and is named, the fixed report goes through release
 * review into the public catalog, and the staff downloads and the CLI read back cell by cell.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { annualReports, attachments, documents, infoRequests, requestAppeals, users } from '../../server/db/schema/index';
import { startTestServer, type TestServer } from '../support/test-server';
import { runCli } from '../support/run-cli';
import { failure, type ApiClient } from '../support/api-client';
import { ALL_CHECKS, signInAll, type Clients } from '../support/review-driver';
import { XLSX_SHEETS } from '../../server/report/export-xlsx';

const YEAR = 2025;
let server: TestServer;
let clients: Clients;
let admin: ApiClient;

type RequestSeed = { no: string; type: string; received: string; closed: string | null; result?: string | null; sub?: string | null; feeFen?: number; feePaid?: string };

/** Historical request records, as the requests register holds them (its documented columns). */
async function insertRequests(rows: RequestSeed[]) {
  const { db } = server.services.database;
  const now = Date.now();
  await db.insert(infoRequests).values(rows.map((r) => ({
    id: `req-${r.no}`, requestNo: r.no, status: r.closed ? 'closed' : 'accepted', channel: 'letter', applicantType: r.type, applicantName: '测试申请人',
    description: '申请公开相关政府信息', deliveryForm: 'paper', receivedAt: r.received, secretCodeHash: 'x', snapshot: {}, result: r.closed ? (r.result ?? null) : null,
    subReason: r.sub ?? null, closedAt: r.closed, repliedAt: r.closed, feeAmountFen: r.feeFen ?? null, feePaidOn: r.feePaid ?? null, createdAt: now, updatedAt: now,
  })));
}

const cell = (grid: { rows: { text: string; ref?: string }[][] }, ref: string) => grid.rows.flat().find((c) => c.ref === ref)?.text;

beforeAll(async () => {
  server = await startTestServer();
  clients = await signInAll(server.url, ['admin', 'publisher', 'drafter', 'stats', 'legal', 'secrecy', 'leader', 'director']);
  admin = clients.admin!;
  await insertRequests([
    { no: 'QY-2024-0009', type: 'natural_person', received: '2024-12-20', closed: '2025-01-10', result: 'disclose' },
    { no: 'QY-2025-0001', type: 'natural_person', received: '2025-02-03', closed: '2025-02-20', result: 'disclose' },
    { no: 'QY-2025-0002', type: 'business', received: '2025-03-03', closed: '2025-03-28', result: 'withhold', sub: 'third_party_rights' },
    { no: 'QY-2025-0003', type: 'research', received: '2025-05-06', closed: '2025-06-10', result: 'other', sub: 'fee_unpaid_in_time' },
    { no: 'QY-2025-0004', type: 'natural_person', received: '2025-07-01', closed: '2025-07-22', result: 'partial', feeFen: 5000, feePaid: '2025-07-10' },
    { no: 'QY-2025-0005', type: 'legal_service', received: '2025-12-22', closed: null },
    // Closed, but its result was never recorded: the report must not add up.
    { no: 'QY-2025-0006', type: 'natural_person', received: '2025-09-01', closed: '2025-09-25', result: null },
  ]);
  const [someone] = await server.services.database.db.select({ id: users.id }).from(users).limit(1);
  await server.services.database.db.insert(requestAppeals).values({ id: 'appeal-1', requestId: 'req-QY-2025-0002', kind: 'reconsideration', outcome: 'upheld', filedOn: '2025-04-15', decidedOn: '2025-06-01', notes: '', createdBy: someone!.id, createdAt: Date.now() });
});

afterAll(async () => {
  await server?.close();
});

describe('annual report', () => {
  it('computes the request table from the records and names the request that breaks it', async () => {
    const report = await admin.trpc.annualReport.get.query({ year: YEAR, templateKey: '2021' });
    const [, requests, appeals] = report.grids.zh;
    expect(report.title).toBe('清源市民政局2025年政府信息公开工作年度报告');
    expect(cell(requests!, 'requests/new/total')).toBe('6');
    expect(cell(requests!, 'requests/new/natural_person')).toBe('3');
    expect(cell(requests!, 'requests/carried_over/natural_person')).toBe('1');
    expect(cell(requests!, 'requests/result:disclose/natural_person')).toBe('2');
    expect(cell(requests!, 'requests/result:withhold:third_party_rights/business')).toBe('1');
    expect(cell(requests!, 'requests/result:other:fee_unpaid_in_time/research')).toBe('1');
    expect(cell(requests!, 'requests/results_total/total')).toBe('6');
    expect(cell(requests!, 'requests/carried_forward/legal_service')).toBe('1');
    expect(cell(appeals!, 'appeals/reconsideration/upheld')).toBe('1');
    expect(report.requestFees).toEqual({ count: 1, amountYuan: 50 });
    expect(report.violations.map((v) => [v.kind, v.column, v.causes.map((c) => c.label)])).toEqual([
      ['results_total', 'natural_person', ['QY-2025-0006']],
      ['results_total', 'total', ['QY-2025-0006']],
    ]);
  });

  it('refuses bad input and other roles with typed Chinese errors, changing nothing', async () => {
    expect(await failure(admin.trpc.annualReport.get.query({ year: 2999 }))).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('年度须在') });
    expect(await failure(clients.drafter!.trpc.annualReport.get.query({ year: YEAR }))).toMatchObject({ code: 'FORBIDDEN' });
    const bad = await failure(admin.trpc.annualReport.save.mutate({ year: YEAR, templateKey: '2021', expectedVersion: 0, narrative: { generalSituation: '', problemsAndImprovements: '', otherMatters: '' }, entered: { feeAmountYuan: -1, procurementAmountYuan: 0 } }));
    expect(bad).toMatchObject({ code: 'BAD_REQUEST', message: '「行政事业性收费金额」不能为负数' });
    expect(await failure(admin.trpc.annualReport.submit.mutate({ year: YEAR, expectedVersion: 1 }))).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('请先保存') });
    expect(await server.services.database.db.select().from(annualReports)).toEqual([]);
  });

  it('the staff download and the CLI refuse to pretend: violations listed, exit code 4', async () => {
    const json = JSON.parse(await (await admin.fetch(`/api/reports/annual/${YEAR}.json`)).text());
    expect(json.violations[0].causes).toEqual([{ id: 'req-QY-2025-0006', label: 'QY-2025-0006' }]);
    const out = path.join(server.dir, 'broken.docx');
    const result = await runCli(server.databaseUrl, ['report', 'annual', '--year', String(YEAR), '--template', '2021', '--out', out], { env: { SHENFA_DATA_DIR: server.dir } });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('第三项总计应等于各办理结果之和');
    expect(result.stderr).toContain('QY-2025-0006');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('cannot be submitted while an identity fails', async () => {
    const narrative = { generalSituation: '2025年，本局认真贯彻《条例》，依法做好政府信息公开工作。', problemsAndImprovements: '政策解读形式较为单一，下一步将增加图解、问答等形式。', otherMatters: '本年度开展了政府开放日活动。' };
    const { version } = await admin.trpc.annualReport.save.mutate({ year: YEAR, templateKey: '2021', expectedVersion: 0, narrative, entered: { feeAmountYuan: 0, procurementAmountYuan: 0 } });
    expect(version).toBe(1);
    const refused = await failure(admin.trpc.annualReport.submit.mutate({ year: YEAR, expectedVersion: 1 }));
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('勾稽关系不符') });
    const [row] = await server.services.database.db.select().from(annualReports);
    expect(row!.documentId).toBeNull();
    expect(await failure(admin.trpc.annualReport.save.mutate({ year: YEAR, templateKey: '2021', expectedVersion: 0, narrative, entered: { feeAmountYuan: 0, procurementAmountYuan: 0 } }))).toMatchObject({ code: 'CONFLICT' });
  });

  it('once the record is fixed it goes through release review and is published in the catalog', async () => {
    await server.services.database.db.update(infoRequests).set({ result: 'cannot_provide', subReason: 'not_held', version: sql`${infoRequests.version} + 1` }).where(eq(infoRequests.requestNo, 'QY-2025-0006'));
    const report = await admin.trpc.annualReport.get.query({ year: YEAR });
    expect(report.violations).toEqual([]);
    const { documentId } = await admin.trpc.annualReport.submit.mutate({ year: YEAR, expectedVersion: 1 });
    const [doc] = await server.services.database.db.select().from(documents).where(eq(documents.id, documentId));
    expect(doc).toMatchObject({ status: 'in_review', title: '清源市民政局2025年政府信息公开工作年度报告', attribute: 'open', hasStatistics: true });
    expect(doc!.body).toContain('三、收到和处理政府信息公开申请情况');
    expect(doc!.body).toContain('一、本年新收政府信息公开申请数量：自然人 3，商业企业 1，科研机构 1，社会公益组织 0，法律服务机构 1，其他 0，总计 6');
    expect(doc!.body).toContain('本年度依法收取政府信息公开信息处理费1笔，共计50元。');
    // Submitted: the narrative is frozen while the document is in review.
    expect(await failure(admin.trpc.annualReport.save.mutate({ year: YEAR, templateKey: '2021', expectedVersion: 2, narrative: report.draft.narrative, entered: report.draft.entered }))).toMatchObject({ code: 'CONFLICT' });

    const actors: Record<string, string> = { stats_review: 'stats', legality_review: 'legal', secrecy_review: 'secrecy', leader_signoff: 'leader', filing: 'publisher', publication: 'publisher' };
    const steps: string[] = [];
    for (let i = 0; i < 10; i++) {
      const [row] = await server.services.database.db.select().from(documents).where(eq(documents.id, documentId));
      if (row!.status === 'published') break;
      const who = clients[actors[row!.currentStep]!]!;
      const view = await who.trpc.documents.get.query({ id: documentId });
      const target = { documentId, expectedVersion: view.version, taskId: view.openTask!.id };
      steps.push(row!.currentStep);
      if (row!.currentStep === 'publication') await who.trpc.publication.publish.mutate(target);
      else await who.trpc.review.approve.mutate({ ...target, opinion: '同意', checks: ALL_CHECKS });
    }
    expect(steps).toEqual(['stats_review', 'legality_review', 'secrecy_review', 'leader_signoff', 'filing', 'publication']);
    const [published] = await server.services.database.db.select().from(documents).where(eq(documents.id, documentId));
    const page = await (await fetch(`${server.url}/public/documents/${encodeURIComponent(published!.indexNumber!)}`)).text();
    expect(page).toContain('清源市民政局2025年政府信息公开工作年度报告');
    expect(page).toContain('四、政府信息公开行政复议、行政诉讼情况');
    expect(page).toContain('政府信息公开年报');
    // The tables are real HTML tables with the reviewed figures, not the body's text lines.
    const numberAt = (ref: string) => new RegExp(`<td class="num" data-ref="${ref}"[^>]*>([^<]*)</td>`).exec(page)?.[1];
    expect([...page.matchAll(/<caption id="report-table-(\w+)-caption">([^<]*)<\/caption>/g)].map((m) => [m[1], m[2]])).toEqual([
      ['article20', '表1　主动公开政府信息情况'],
      ['requests', '表2　收到和处理政府信息公开申请情况'],
      ['appeals', '表3　政府信息公开行政复议、行政诉讼情况'],
    ]);
    expect(['natural_person', 'business', 'research', 'public_interest', 'legal_service', 'other_org', 'total'].map((c) => numberAt(`requests/new/${c}`))).toEqual(['3', '1', '1', '0', '1', '0', '6']);
    expect(numberAt('requests/carried_over/natural_person')).toBe('1');
    expect(numberAt('requests/result:withhold:third_party_rights/business')).toBe('1');
    expect(numberAt('requests/result:cannot_provide:not_held/natural_person')).toBe('1');
    expect(numberAt('requests/results_total/total')).toBe('6');
    expect(numberAt('requests/carried_forward/legal_service')).toBe('1');
    expect(numberAt('appeals/reconsideration/upheld')).toBe('1');
    expect(page).toMatch(/<th scope="row" class="row-label" colspan="3">一、本年新收政府信息公开申请数量<\/th>/);
    expect(page).toMatch(/<table class="report-table report-table-requests" id="report-table-requests">\s*<caption[^>]*>[^<]*<\/caption>\s*<thead>/);
    expect(page).not.toContain('一、本年新收政府信息公开申请数量：自然人 3');
    // The tables as the agencies publish them, downloadable by anyone from the catalog.
    const link = /href="(\/public\/attachments\/[^"]+)"[^>]*>清源市民政局2025年政府信息公开工作年度报告\.xlsx</.exec(page);
    expect(link).not.toBeNull();
    const publicBook = new ExcelJS.Workbook();
    await publicBook.xlsx.load(await (await fetch(`${server.url}${link![1]}`)).arrayBuffer());
    expect(publicBook.getWorksheet(XLSX_SHEETS.requests)!.getCell('J5').value).toBe(6);
    expect(page).toContain('清源市民政局2025年政府信息公开工作年度报告.docx');
    const view = await admin.trpc.annualReport.get.query({ year: YEAR });
    expect(view.draft.document).toMatchObject({ id: documentId, status: 'published' });
  });

  it('a report returned by a reviewer is corrected and resubmitted, its files replaced', async () => {
    const year = 2024;
    const narrative = { generalSituation: '2024年总体情况。', problemsAndImprovements: '2024年存在的问题。', otherMatters: '' };
    await admin.trpc.annualReport.save.mutate({ year, templateKey: '2019', expectedVersion: 0, narrative, entered: { feeAmountYuan: 0, procurementAmountYuan: 6165711 } });
    const { documentId } = await admin.trpc.annualReport.submit.mutate({ year, expectedVersion: 1 });
    const stats = await clients.stats!.trpc.documents.get.query({ id: documentId });
    await clients.stats!.trpc.review.return.mutate({ documentId, expectedVersion: stats.version, taskId: stats.openTask!.id, opinion: '总体情况过于简略，请补充。', target: 'draft' });
    const returned = await admin.trpc.annualReport.get.query({ year });
    expect(returned.draft.document!.status).toBe('returned');
    const { version } = await admin.trpc.annualReport.save.mutate({ year, templateKey: '2019', expectedVersion: returned.draft.version, narrative: { ...narrative, generalSituation: '2024年，本局依法推进政府信息公开，全年主动公开信息一百余条。' }, entered: returned.draft.entered });
    await admin.trpc.annualReport.submit.mutate({ year, expectedVersion: version });
    const [doc] = await server.services.database.db.select().from(documents).where(eq(documents.id, documentId));
    expect(doc).toMatchObject({ status: 'in_review', currentStep: 'stats_review' });
    expect(doc!.body).toContain('全年主动公开信息一百余条');
    expect(doc!.body).toContain('政府集中采购：采购项目数量 0，采购总金额（元） 6165711');
    const files = await server.services.database.db.select().from(attachments).where(eq(attachments.documentId, documentId));
    expect(files.map((f) => f.originalName).sort()).toEqual(['清源市民政局2024年政府信息公开工作年度报告.docx', '清源市民政局2024年政府信息公开工作年度报告.xlsx']);
  });

  it('downloads read back cell by cell (.docx, .xlsx), staff only', async () => {
    const docx = await admin.fetch(`/api/reports/annual/${YEAR}.docx?template=2021`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-disposition')).toContain(encodeURIComponent('清源市民政局2025年政府信息公开工作年度报告.docx'));
    const xml = await (await JSZip.loadAsync(await docx.arrayBuffer())).file('word/document.xml')!.async('string');
    const rows = [...xml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) => [...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => [...c[1]!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')));
    expect(rows.find((r) => r[0] === '一、本年新收政府信息公开申请数量')).toEqual(['一、本年新收政府信息公开申请数量', '3', '1', '1', '0', '1', '0', '6']);
    expect(rows.find((r) => r.includes('1. 本机关不掌握相关政府信息'))!.slice(-7)).toEqual(['1', '0', '0', '0', '0', '0', '1']);
    expect(xml).toContain('2025年，本局认真贯彻《条例》');

    const xlsx = await publisherFetch(`/api/reports/annual/${YEAR}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.getWorksheet(XLSX_SHEETS.requests)!;
    let totalRow = 0;
    sheet.eachRow((row, n) => { if (row.getCell(2).value === '（七）总计') totalRow = n; });
    expect(['D', 'E', 'F', 'G', 'H', 'I', 'J'].map((c) => sheet.getCell(`${c}${totalRow}`).value)).toEqual([4, 1, 1, 0, 0, 0, 6]);
    expect(book.getWorksheet('勾稽关系')).toBeUndefined();

    expect((await clients.drafter!.fetch(`/api/reports/annual/${YEAR}.docx`)).status).toBe(403);
    expect((await fetch(`${server.url}/api/reports/annual/${YEAR}.docx`)).status).toBe(401);
    const bad = await admin.fetch(`/api/reports/annual/${YEAR}.pdf`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toBe('请求的年度报告文件无效');
  });
});

function publisherFetch(p: string) {
  return clients.publisher!.fetch(p);
}
