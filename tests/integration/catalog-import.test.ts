/**
 * Catalog import and export over real HTTP against a real libsql file: upload → suggested
 * mapping → every row checked (nothing written) → one all-or-nothing commit with progress;
 * the same file through the CLI; 10k generated rows; the catalog and audit-log exports read
 * back cell by cell. (100k rows is measured by bench/catalog-import.ts, not asserted.)
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { runCli } from '../support/run-cli';
import { failure, type ApiClient } from '../support/api-client';
import { driveThroughReview, signInAll, type Clients } from '../support/review-driver';
import { SECRET_PASSAGE, categoryId, draftInput, partialOverrides } from '../support/draft-input';
import { verifyAuditChain } from '../../server/services/audit-verify-service';
import { readSetting, SETTING_KEYS } from '../../server/services/settings';
import { writeSampleCatalog } from '../../server/seed/catalog-sample';
import { CATALOG_HEADERS } from '../../server/services/catalog-export-service';
import { AUDIT_HEADERS } from '../../server/services/audit-export-service';

let server: TestServer;
let clients: Clients;
let agency: string;
let bureau: string;

beforeAll(async () => {
  server = await startTestServer();
  clients = await signInAll(server.url, ['admin', 'publisher', 'drafter', 'legal', 'secrecy', 'leader', 'stats', 'director']);
  agency = await readSetting(server.services.database.db, SETTING_KEYS.agencyCode);
  bureau = await readSetting(server.services.database.db, SETTING_KEYS.bureauName);
}, 120_000);
afterAll(() => server?.close());

/** A bureau's own spreadsheet: its own header names, dates in several styles, one item redacted, two with 索引号. */
const GOOD_HEADERS = ['文件标题', '发文字号', '索引号', '分类', '公开日期', '成文日期', '公开方式', '有效性', '正文', '发布机构'];
const goodRows = () => [
  ['关于2023年城乡低保标准调整的通知', '示民〔2023〕5号', '', 'policy', '2023-03-01', '2023-02-20', '主动公开', '有效', '一、自2023年3月起，城市低保标准调整为每人每月960元。', ''],
  ['2022年度部门决算公开', '', 'LEGACY-2022-0007', '财政预决算', '2022/8/15', '2022/8/1', '主动公开', '失效', '本部门2022年度决算收入合计……', bureau],
  ['养老服务补贴发放情况公示', '示民〔2024〕3号', `${agency}/2024-00040`, '社会救助', '2024年4月2日', '2024年3月28日', '删减后公开', '', '经审核，以下对象符合养老服务补贴条件：（此处依法删除：个人隐私）', ''],
  ['临时救助审批权限下放的通知', '示民〔2024〕9号', '', 'notice', '2024-06-10', '2024-06-10', '主动公开', '废止', '各乡镇人民政府：为提高救助时效……', ''],
];

function csv(rows: string[][]): string {
  return `\ufeff${rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join('\r\n')}\r\n`;
}

async function upload(client: ApiClient, name: string, bytes: Uint8Array | string) {
  const form = new FormData();
  form.set('file', new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name));
  const response = await client.fetch('/api/catalog-import/upload', { method: 'POST', body: form });
  return { status: response.status, body: (await response.json()) as { jobId: string; headers: string[]; mapping: Record<string, string>; error?: { message: string } } };
}

async function waitForJob(client: ApiClient, jobId: string) {
  const seen: string[] = [];
  for (let i = 0; i < 1200; i++) {
    const job = await client.trpc.catalogImport.status.query({ jobId });
    seen.push(`${job.phase}:${job.done}/${job.total}`);
    if (job.phase === 'done' || job.phase === 'failed') return { job, seen };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`import did not finish: ${seen.slice(-3).join(' ')}`);
}

async function counts() {
  const one = async (sql: string) => Number((await server.services.database.client.execute(sql)).rows[0]!.n);
  return { documents: await one('SELECT count(*) AS n FROM documents'), audit: await one('SELECT count(*) AS n FROM audit_log'), search: await one('SELECT count(*) AS n FROM search_documents') };
}

describe('catalog import', { timeout: 180_000 }, () => {
  it('serves the template: its headers are the catalog columns, and it imports as it is', async () => {
    const response = await clients.publisher!.fetch('/api/catalog-import/template.xlsx');
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(CATALOG_HEADERS);
    expect(CATALOG_HEADERS).toEqual(['标题', '文号', '索引号', '主题分类', '发布日期', '成文日期', '公开属性', '有效性', '正文', '发布机构']);
    const csvTemplate = await (await clients.publisher!.fetch('/api/catalog-import/template.csv')).text();
    expect(csvTemplate.split('\r\n')[0] ?? csvTemplate.split('\n')[0]).toContain('标题,文号,索引号');
  });

  it('imports a good file: mapping suggested by name, checked, written at once with progress, published, searchable, chained in the audit log', async () => {
    const before = await counts();
    const { status, body } = await upload(clients.publisher!, '历史目录.csv', csv([GOOD_HEADERS, ...goodRows()]));
    expect(status).toBe(201);
    expect(body.headers).toEqual(GOOD_HEADERS);
    expect(body.mapping).toEqual({ title: '文件标题', docNumber: '发文字号', indexNumber: '索引号', category: '分类', publishedOn: '公开日期', writtenOn: '成文日期', attribute: '公开方式', validity: '有效性', body: '正文', issuer: '发布机构' });

    const report = await clients.publisher!.trpc.catalogImport.check.mutate({ jobId: body.jobId, mapping: body.mapping });
    expect(report).toMatchObject({ total: 4, valid: 4, errorCount: 0, errors: [], counts: { open: 3, partial: 1, withIndexNumber: 2 } });
    expect(await counts()).toEqual(before);

    // Someone else's job is not theirs to see or start.
    expect((await failure(clients.admin!.trpc.catalogImport.status.query({ jobId: body.jobId }))).code).toBe('NOT_FOUND');

    await clients.publisher!.trpc.catalogImport.start.mutate({ jobId: body.jobId, mapping: body.mapping });
    const { job } = await waitForJob(clients.publisher!, body.jobId);
    expect(job.phase).toBe('done');
    expect(job.result).toMatchObject({ imported: 4 });
    const after = await counts();
    expect(after.documents - before.documents).toBe(4);
    // One row per document, one for the import as a whole.
    expect(after.audit - before.audit).toBe(5);
    expect(after.search - before.search).toBe(4);

    const rows = (await server.services.database.client.execute("SELECT title, index_number, status, attribute, validity, written_at, published_at, snapshot FROM documents WHERE title IN ('关于2023年城乡低保标准调整的通知', '2022年度部门决算公开', '养老服务补贴发放情况公示', '临时救助审批权限下放的通知') ORDER BY published_at")).rows;
    expect(rows.map((r) => [r.title, r.index_number, r.status, r.attribute, r.validity, r.written_at])).toEqual([
      ['2022年度部门决算公开', 'LEGACY-2022-0007', 'published', 'open', 'expired', '2022-08-01'],
      ['关于2023年城乡低保标准调整的通知', `${agency}/2023-00001`, 'published', 'open', 'in_force', '2023-02-20'],
      ['养老服务补贴发放情况公示', `${agency}/2024-00040`, 'published', 'partial', 'in_force', '2024-03-28'],
      // Numbered after the file's own 2024-00040, never on top of it.
      ['临时救助审批权限下放的通知', `${agency}/2024-00041`, 'published', 'open', 'repealed', '2024-06-10'],
    ]);
    expect(JSON.parse(String(rows[0]!.snapshot))).toMatchObject({ value: 'published', imported: { importId: body.jobId } });
    const sequence = await server.services.database.client.execute({ sql: 'SELECT last FROM index_sequences WHERE prefix = ?', args: [`${agency}/2024-`] });
    expect(Number(sequence.rows[0]!.last)).toBe(41);

    const audit = (await server.services.database.client.execute("SELECT detail FROM audit_log WHERE action = 'catalog.imported' ORDER BY seq DESC LIMIT 1")).rows[0]!;
    expect(JSON.parse(String(audit.detail))).toMatchObject({ importId: body.jobId, fileName: '历史目录.csv', count: 4 });
    expect((await verifyAuditChain(server.services)).broken).toBeNull();

    // On the public catalog, and found by the public search.
    const page = await (await fetch(`${server.url}/public/documents/${encodeURIComponent(`${agency}/2023-00001`)}`)).text();
    expect(page).toContain('关于2023年城乡低保标准调整的通知');
    expect(page).toContain('2023-03-01');
    const search = await (await fetch(`${server.url}/public/search?q=${encodeURIComponent('养老服务补贴')}`)).text();
    expect(search).toContain('养老服务补贴发放情况公示');
  });

  it('reports every bad row with its row number and reason, and writes nothing', async () => {
    const headers = ['标题', '文号', '索引号', '主题分类', '发布日期', '成文日期', '公开属性', '有效性', '正文', '发布机构'];
    const bad = [
      ['正常的一行', '', '', '通知公告', '2024-01-05', '2024-01-02', '主动公开', '有效', '', ''], // row 2: fine
      ['', '', '', '通知公告', '2024-01-05', '2024-01-02', '主动公开', '', '', ''], // row 3: no title
      ['分类不存在', '', '', '天气预报', '2024-01-05', '2024-01-02', '主动公开', '', '', ''], // row 4
      ['不予公开的信息', '', '', '通知公告', '2024-01-05', '2024-01-02', '不予公开', '', '', ''], // row 5
      ['日期错误', '', '', '通知公告', '2024-02-30', '2024-01-02', '主动公开', '', '', ''], // row 6
      ['成文晚于发布', '', '', '通知公告', '2024-01-05', '2024-01-09', '主动公开', '', '', ''], // row 7
      ['索引号重复甲', '', 'DUP-1', '通知公告', '2024-01-05', '2024-01-02', '主动公开', '', '', ''], // row 8
      ['索引号重复乙', '', 'DUP-1', '通知公告', '2024-01-05', '2024-01-02', '主动公开', '', '', ''], // row 9
      ['索引号已被使用', '', 'LEGACY-2022-0007', '通知公告', '2024-01-05', '2024-01-02', '主动公开', '', '', ''], // row 10
      ['发布机构不明', '', '', '通知公告', '2024-01-05', '2024-01-02', '主动公开', '有效', '', '某某公司'], // row 11
    ];
    const before = await counts();
    const { body } = await upload(clients.admin!, '有问题的目录.csv', csv([headers, ...bad]));
    const report = await clients.admin!.trpc.catalogImport.check.mutate({ jobId: body.jobId, mapping: body.mapping });
    expect(report.total).toBe(10);
    expect(report.valid).toBe(2);
    expect(report.errorRows).toBe(8);
    expect(report.errors.map((e) => [e.rowNumber, e.column, e.message])).toEqual([
      [3, '标题', '请填写「标题」'],
      [4, '主题分类', '「主题分类」不是本单位的分类名称或代码：天气预报'],
      [5, '公开属性', '「公开属性」为「不予公开」的信息不进入公开目录，不能导入'],
      [6, '发布日期', '「发布日期」不是有效日期（应形如 2024-01-05）：2024-02-30'],
      [7, '成文日期', '「成文日期」不能晚于「发布日期」'],
      [9, '索引号', '「索引号」DUP-1 与第 8 行重复'],
      [10, '索引号', '「索引号」LEGACY-2022-0007 已被已有文件使用'],
      [11, '发布机构', '「发布机构」不是本单位或其科室：某某公司'],
    ]);
    expect(await counts()).toEqual(before);
    // Starting anyway checks again and refuses: all or nothing.
    await clients.admin!.trpc.catalogImport.start.mutate({ jobId: body.jobId, mapping: body.mapping });
    const { job } = await waitForJob(clients.admin!, body.jobId);
    expect(job.phase).toBe('failed');
    expect(job.error).toBe('有 8 行不符合要求，未导入任何内容');
    expect(await counts()).toEqual(before);
  });

  it('refuses a mapping without the required columns, a file of another kind, and people without the role', async () => {
    const { body } = await upload(clients.publisher!, '目录.csv', csv([GOOD_HEADERS, goodRows()[0]!]));
    const refused = await failure(clients.publisher!.trpc.catalogImport.check.mutate({ jobId: body.jobId, mapping: { title: '文件标题' } }));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.message).toContain('「主题分类」未对应文件中的列');
    const wrongType = await upload(clients.publisher!, '目录.pdf', '%PDF-1.4');
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error?.message).toBe('请上传 .xlsx 或 .csv 文件');
    const drafter = await upload(clients.drafter!, '目录.csv', csv([GOOD_HEADERS, goodRows()[0]!]));
    expect(drafter.status).toBe(403);
  });

  it('imports the same file through the CLI, with the same result, and refuses a bad one with row numbers (exit 4)', async () => {
    const other = await startTestServer();
    try {
      const { databaseUrl } = other;
      const file = path.join(other.dir, '历史目录.csv');
      fs.writeFileSync(file, csv([GOOD_HEADERS, ...goodRows()]));
      const ok = await runCli(databaseUrl, ['import', 'catalog', file, '--as', 'publisher']);
      expect(ok.stderr).not.toMatch(/Error/);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain('已导入 4 条');
      const numbers = (await other.services.database.client.execute("SELECT index_number FROM documents WHERE drafter_id = (SELECT id FROM users WHERE username = 'publisher') ORDER BY index_number")).rows.map((r) => r.index_number);
      expect(numbers).toEqual([`${agency}/2023-00001`, `${agency}/2024-00040`, `${agency}/2024-00041`, 'LEGACY-2022-0007']);
      expect((await verifyAuditChain(other.services)).broken).toBeNull();

      const badFile = path.join(other.dir, '坏目录.csv');
      fs.writeFileSync(badFile, csv([['名称', '类别', '日期', '成文', '属性'], ['标题', '通知公告', '2024-01-05', '2024-01-06', '主动公开']]));
      const refused = await runCli(databaseUrl, ['import', 'catalog', badFile, '--mapping', JSON.stringify({ 标题: '名称', 主题分类: '类别', 发布日期: '日期', 成文日期: '成文', 公开属性: '属性' })]);
      expect(refused.code).toBe(4);
      expect(refused.stderr).toContain('第 2 行「成文日期」：「成文日期」不能晚于「发布日期」');
    } finally {
      await other.close();
    }
  });

  it('imports 10,000 generated rows from an .xlsx file in one go', async () => {
    const file = path.join(server.dir, 'catalog-10k.xlsx');
    await writeSampleCatalog(file, { rows: 10_000, format: 'xlsx', withBody: false });
    const before = await counts();
    const { body } = await upload(clients.publisher!, '十年目录.xlsx', fs.readFileSync(file));
    const { job, seen } = await (async () => {
      await clients.publisher!.trpc.catalogImport.start.mutate({ jobId: body.jobId, mapping: body.mapping });
      return waitForJob(clients.publisher!, body.jobId);
    })();
    expect(job.phase, job.error ?? '').toBe('done');
    expect(job.result?.imported).toBe(10_000);
    expect((await counts()).documents - before.documents).toBe(10_000);
    expect(seen.at(-1)).toBe('done:10000/10000');
    expect((await verifyAuditChain(server.services)).broken).toBeNull();
  });
});

describe('catalog and audit-log export', { timeout: 180_000 }, () => {
  let partialIndex: string;

  beforeAll(async () => {
    // A partial document published through the review: its removed passage must never be exported.
    const category = await categoryId(clients.drafter!, 'notice');
    const created = await clients.drafter!.trpc.documents.create.mutate(draftInput(category, { title: '导出测试删减文件', ...partialOverrides() }));
    const doc = await clients.drafter!.trpc.documents.get.query({ id: created.id });
    await clients.drafter!.trpc.review.submit.mutate({ documentId: created.id, expectedVersion: doc.version });
    await driveThroughReview(clients, created.id);
    partialIndex = (await clients.drafter!.trpc.documents.get.query({ id: created.id })).indexNumber!;
  }, 120_000);

  it('exports the catalog as .xlsx and .csv with the template columns, cell by cell, redacted text never included', async () => {
    const xlsx = await clients.publisher!.fetch('/api/exports/catalog.xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    const xlsxRows: string[][] = [];
    sheet.eachRow((row) => xlsxRows.push(Array.from((row.values as unknown[]).slice(1), (v) => String(v ?? ''))));

    const csvText = await (await clients.publisher!.fetch('/api/exports/catalog.csv')).text();
    const csvRows = parse(csvText, { bom: true, relax_column_count: true }) as string[][];

    for (const rows of [xlsxRows, csvRows]) {
      expect(rows[0]).toEqual(CATALOG_HEADERS);
      const pad = (r: string[]) => [...r, ...Array(10 - r.length).fill('')];
      const byIndex = new Map(rows.slice(1).map((r) => [pad(r)[2], pad(r)]));
      expect(byIndex.get(`${agency}/2023-00001`)).toEqual(['关于2023年城乡低保标准调整的通知', '示民〔2023〕5号', `${agency}/2023-00001`, '政策文件', '2023-03-01', '2023-02-20', '主动公开', '有效', '一、自2023年3月起，城市低保标准调整为每人每月960元。', bureau]);
      expect(byIndex.get('LEGACY-2022-0007')).toEqual(['2022年度部门决算公开', '', 'LEGACY-2022-0007', '财政预决算', '2022-08-15', '2022-08-01', '主动公开', '失效', '本部门2022年度决算收入合计……', bureau]);
      const partial = byIndex.get(partialIndex)!;
      expect(partial[6]).toBe('删减后公开');
      expect(partial[8]).toContain('（此处依法删除：');
      expect(rows.flat().join('\n')).not.toContain(SECRET_PASSAGE);
      expect(rows.flat().join('\n')).not.toContain('13812345678');
      // Every published item, and nothing else.
      expect(rows.length - 1).toBe(Number((await server.services.database.client.execute("SELECT count(*) AS n FROM documents WHERE status = 'published' AND attribute IN ('open', 'partial')")).rows[0]!.n));
    }
  });

  it('exports the audit log for admins only, in chain order, times in China Standard Time', async () => {
    expect((await clients.publisher!.fetch('/api/exports/audit.csv')).status).toBe(403);
    const response = await clients.admin!.fetch('/api/exports/audit.csv');
    expect(response.status).toBe(200);
    const rows = parse(await response.text(), { bom: true }) as string[][];
    expect(rows[0]).toEqual(AUDIT_HEADERS);
    const stored = (await server.services.database.client.execute('SELECT seq, at, action, hash FROM audit_log ORDER BY seq')).rows;
    expect(rows.length - 1).toBe(stored.length);
    const last = stored.at(-1)!;
    const lastRow = rows.at(-1)!;
    expect(lastRow[0]).toBe(String(last.seq));
    expect(lastRow[3]).toBe(String(last.action));
    expect(lastRow[9]).toBe(String(last.hash));
    expect(lastRow[1]).toBe(new Date(Number(last.at) + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' '));
    const imported = rows.find((r) => r[3] === 'catalog.imported')!;
    expect(imported[2]).toContain('publisher');
    expect(imported[4]).toBe('导入存量目录');

    const xlsx = await clients.admin!.fetch('/api/exports/audit.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(AUDIT_HEADERS);
    expect(sheet.rowCount - 1).toBe(stored.length);
    expect(Array.from((sheet.getRow(sheet.rowCount).values as unknown[]).slice(1), (v) => String(v ?? ''))).toEqual(lastRow);
  });

  it('exports through the CLI too', async () => {
    const file = path.join(server.dir, 'catalog-cli.csv');
    const result = await runCli(server.databaseUrl, ['export', 'catalog', file]);
    expect(result.code).toBe(0);
    const rows = parse(fs.readFileSync(file, 'utf8'), { bom: true, relax_column_count: true }) as string[][];
    expect(rows[0]).toEqual(CATALOG_HEADERS);
    expect(rows.some((r) => r[2] === `${agency}/2023-00001`)).toBe(true);
    const audit = path.join(server.dir, 'audit-cli.xlsx');
    expect((await runCli(server.databaseUrl, ['export', 'audit', audit])).code).toBe(0);
    expect(fs.statSync(audit).size).toBeGreaterThan(1000);
  });
});
