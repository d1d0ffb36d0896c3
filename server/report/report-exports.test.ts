import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { computeAnnualReport } from './compute-report';
import { TEMPLATE_2019, TEMPLATE_2021 } from './report-templates';
import { checkReportIdentities } from './report-identities';
import { reportDocx } from './export-docx';
import { reportXlsx, XLSX_SHEETS } from './export-xlsx';
import { scriptedRecords } from './report-test-data';
import type { ReportContent } from './report-text';

const narrative = { generalSituation: '本年度公开工作稳步推进。', problemsAndImprovements: '政策解读仍需加强。', otherMatters: '开展政府开放日活动。' };
const content = (template = TEMPLATE_2021): ReportContent => ({ bureauName: '清源市民政局', template, computed: computeAnnualReport(template, 2026, scriptedRecords()), narrative });

/** Rows of the Word tables as arrays of cell texts, with each cell's gridSpan and vMerge. */
async function docxTables(buffer: Buffer) {
  const xml = await (await JSZip.loadAsync(buffer)).file('word/document.xml')!.async('string');
  const text = (s: string) => [...s.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...t[1]!.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) =>
      [...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => ({
        text: text(c[1]!),
        span: Number(/<w:gridSpan w:val="(\d+)"/.exec(c[1]!)?.[1] ?? 1),
        vMerge: /<w:vMerge w:val="restart"/.test(c[1]!) ? 'restart' : /<w:vMerge/.test(c[1]!) ? 'continue' : undefined,
      })),
    ),
  );
  return { xml, body: text(xml), tables };
}

describe('report exports read back cell by cell', () => {
  it('.docx: title, headings 一…六, and tables with merged headers and the computed numbers', async () => {
    const { body, tables } = await docxTables(await reportDocx(content()));
    expect(body).toContain('清源市民政局2026年政府信息公开工作年度报告');
    for (const h of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) expect(body).toContain(h);
    expect(tables).toHaveLength(3);
    const [article20, requests, appeals] = tables as [typeof tables[0], typeof tables[0], typeof tables[0]];
    expect(article20[0]![0]).toMatchObject({ text: '第二十条第（一）项', span: 4 });
    expect(article20[2]!.map((c) => c.text)).toEqual(['规章', '0', '0', '0']);
    expect(article20[3]!.map((c) => c.text)).toEqual(['行政规范性文件', '2', '1', '2']);
    expect(article20.find((r) => r[0]!.text === '行政许可')!.map((c) => [c.text, c.span])).toEqual([['行政许可', 1], ['3', 3]]);
    // Header: the identity note spans 3 columns and 3 rows; 申请人情况 spans 7.
    expect(requests[0]![0]).toMatchObject({ span: 3, vMerge: 'restart' });
    expect(requests[0]![1]).toMatchObject({ text: '申请人情况', span: 7 });
    expect(requests[1]!.map((c) => c.text)).toEqual(['', '自然人', '法人或其他组织', '总计']);
    expect(requests[2]!.map((c) => c.text)).toEqual(['', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '']);
    const row = (label: string) => requests.find((r) => r.some((c) => c.text === label))!.map((c) => c.text).slice(-7);
    expect(row('一、本年新收政府信息公开申请数量')).toEqual(['5', '0', '1', '1', '1', '1', '9']);
    expect(row('二、上年结转政府信息公开申请数量')).toEqual(['1', '1', '0', '0', '0', '0', '2']);
    expect(row('4. 保护第三方合法权益')).toEqual(['0', '0', '1', '0', '0', '0', '1']);
    expect(row('（七）总计')).toEqual(['5', '0', '1', '1', '1', '0', '8']);
    expect(row('四、结转下年度继续办理')).toEqual(['1', '1', '0', '0', '0', '1', '3']);
    expect(requests.find((r) => r.some((c) => c.text === '（三）不予公开'))!.find((c) => c.text === '（三）不予公开')).toMatchObject({ vMerge: 'restart' });
    expect(appeals[0]!.map((c) => [c.text, c.span])).toEqual([['行政复议', 5], ['行政诉讼', 10]]);
    expect(appeals[3]!.map((c) => c.text)).toEqual(['1', '0', '0', '1', '2', '0', '1', '0', '0', '1', '0', '0', '0', '0', '0']);
  });

  it('.docx in the 2019 template: the old Article 20 columns and one "other handling" row', async () => {
    const { tables } = await docxTables(await reportDocx(content(TEMPLATE_2019)));
    const texts = tables[0]!.map((r) => r.map((c) => c.text));
    expect(texts).toContainEqual(['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量']);
    expect(texts).toContainEqual(['行政许可', '1', '+3', '3']);
    expect(texts).toContainEqual(['政府集中采购', '0', '6165711']);
    expect(tables[1]!.find((r) => r.some((c) => c.text === '（六）其他处理'))!.map((c) => c.text).slice(-7)).toEqual(['1', '0', '0', '1', '0', '0', '2']);
  });

  it('.xlsx: one sheet per table, numbers as numbers, spans as merged cells', async () => {
    const report = content();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await reportXlsx(report, checkReportIdentities(report.computed)) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([XLSX_SHEETS.article20, XLSX_SHEETS.requests, XLSX_SHEETS.appeals]);
    const sheet = book.getWorksheet(XLSX_SHEETS.requests)!;
    expect(sheet.getCell('A1').value).toBe('清源市民政局2026年政府信息公开工作年度报告');
    expect(sheet.getCell('D2').value).toBe('申请人情况');
    expect(sheet.getCell('D3').value).toBe('自然人');
    expect(sheet.getCell('E4').value).toBe('商业企业');
    expect(sheet.getCell('J3').value).toBe('总计');
    // Merged: the identity note A2:C4, 申请人情况 D2:J2, 法人或其他组织 E3:I3.
    expect(sheet.getCell('C4').master.address).toBe('A2');
    expect(sheet.getCell('J2').master.address).toBe('D2');
    expect(sheet.getCell('I3').master.address).toBe('E3');
    const rowOf = (label: string) => {
      let found = 0;
      sheet.eachRow((row, n) => { row.eachCell((c) => { if (c.value === label && !found) found = n; }); });
      return ['D', 'E', 'F', 'G', 'H', 'I', 'J'].map((col) => sheet.getCell(`${col}${found}`).value);
    };
    expect(rowOf('一、本年新收政府信息公开申请数量')).toEqual([5, 0, 1, 1, 1, 1, 9]);
    expect(rowOf('（七）总计')).toEqual([5, 0, 1, 1, 1, 0, 8]);
    expect(rowOf('四、结转下年度继续办理')).toEqual([1, 1, 0, 0, 0, 1, 3]);
    expect(rowOf('1. 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    const appeals = book.getWorksheet(XLSX_SHEETS.appeals)!;
    expect(appeals.getRow(5).values).toEqual([undefined, 1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0]);
    const article20 = book.getWorksheet(XLSX_SHEETS.article20)!;
    let feeRow = 0;
    article20.eachRow((row, n) => { if (row.getCell(1).value === '行政事业性收费') feeRow = n; });
    expect(article20.getCell(feeRow, 2).value).toBe(12.35);
  });

  it('.xlsx lists the violations with the requests that cause them', async () => {
    const report = content();
    report.computed.requests.new!.business = { value: 1, sources: [] };
    const records = scriptedRecords();
    records.requests.push({ id: 'X', label: '依申请〔2026〕99号', applicantType: 'natural_person', receivedOn: '2026-06-01', closedOn: '2026-06-02', result: null, subReason: null });
    const broken = { ...report, computed: computeAnnualReport(TEMPLATE_2021, 2026, records) };
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await reportXlsx(broken, checkReportIdentities(broken.computed)) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('勾稽关系')!;
    expect(sheet.getRow(2).values).toEqual([undefined, 'requests', 'results_total', 'natural_person', 5, 6, '依申请〔2026〕99号']);
  });
});
