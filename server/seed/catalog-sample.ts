import fs from 'node:fs';
import { CATALOG_COLUMNS } from '../../forms/catalog-columns';
import { writeSheet, type SheetFileFormat } from '../services/sheet-writer';
import { generateDocumentText, randomSource } from './scale-text';

const CATEGORY_NAMES = ['通知公告', '政策文件', '社会救助', '规划计划', '行政许可'];
const DAY = 24 * 60 * 60 * 1000;

/**
 * A catalog spreadsheet of past disclosures as a bureau keeps one (the import template's
 * columns), `rows` items published 2019–2025, for the import tests and the import benchmark.
 */
export async function writeSampleCatalog(file: string, options: { rows: number; format: SheetFileFormat; seed?: number; withBody?: boolean }): Promise<void> {
  const r = randomSource(options.seed ?? 2024);
  const start = Date.parse('2019-01-01T00:00:00Z');
  const span = Date.parse('2025-12-31T00:00:00Z') - start;
  async function* rows() {
    for (let i = 0; i < options.rows; i++) {
      const published = start + Math.floor(((i + r.next()) / options.rows) * span);
      const written = published - r.int(0, 20) * DAY;
      const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
      const year = Number(iso(published).slice(0, 4));
      const text = generateDocumentText(r, year, i + 1, false);
      const partial = r.next() < 0.1;
      yield [
        text.title, text.docNumber, '', r.pick(CATEGORY_NAMES), iso(published), iso(written),
        partial ? '删减后公开' : '主动公开', r.next() < 0.9 ? '有效' : '失效', options.withBody === false ? '' : text.body, '',
      ];
    }
  }
  const out = fs.createWriteStream(file);
  const closed = new Promise<void>((resolve, reject) => {
    out.on('close', resolve);
    out.on('error', reject);
  });
  await writeSheet(options.format, '政府信息公开目录', CATALOG_COLUMNS.map((c) => c.header), rows(), out);
  await closed;
}
