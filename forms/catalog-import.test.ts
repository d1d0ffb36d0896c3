import { describe, expect, it } from 'vitest';
import { mappingFromKeys, mappingProblems, suggestMapping } from './catalog-columns';
import { catalogRowSchema, parseCatalogDate, validateCatalogRow, type CatalogRowCells } from './catalog-row';

const lookups = {
  categories: [{ id: 'c1', code: 'policy', nameZh: '政策文件' }],
  departments: [{ id: 'd1', code: 'office', name: '办公室' }],
  bureauName: '清源市民政局',
  today: '2026-11-24',
};
const schema = catalogRowSchema(lookups);
const cells = (over: Partial<CatalogRowCells> = {}): CatalogRowCells => ({
  title: '关于调整低保标准的通知', docNumber: '清民〔2024〕1号', indexNumber: '', category: '政策文件', publishedOn: '2024-03-01', writtenOn: '2024-02-20',
  attribute: '主动公开', validity: '', body: '', issuer: '', ...over,
});

describe('catalog columns', () => {
  it('matches headers by the template name or a usual alias, ignoring marks and spaces', () => {
    expect(suggestMapping(['文件标题', ' 发文字号 ', '主题分类*', '公开日期', '成文日期', '公开方式', '备注'])).toEqual({
      title: '文件标题', docNumber: ' 发文字号 ', category: '主题分类*', publishedOn: '公开日期', writtenOn: '成文日期', attribute: '公开方式',
    });
  });
  it('names missing required fields, unknown columns and a column used twice', () => {
    expect(mappingProblems({ title: '标题', category: '标题', publishedOn: '无此列', writtenOn: '成文日期', attribute: '公开属性' }, ['标题', '成文日期', '公开属性'])).toEqual([
      '「标题」列同时对应了「标题」和「主题分类」',
      '文件中没有名为「无此列」的列',
    ]);
    expect(mappingProblems({}, [])).toContain('「标题」未对应文件中的列');
  });
  it('reads a CLI mapping by field key or Chinese header', () => {
    expect(mappingFromKeys({ 标题: '名称', category: '类别', 其他: 'x' })).toEqual({ mapping: { title: '名称', category: '类别' }, unknown: ['其他'] });
  });
});

describe('catalog rows', () => {
  it('parses the usual date styles and refuses impossible dates', () => {
    expect(parseCatalogDate('2024/1/5')).toBe('2024-01-05');
    expect(parseCatalogDate('2024年1月5日')).toBe('2024-01-05');
    expect(parseCatalogDate('2024.12.31')).toBe('2024-12-31');
    expect(parseCatalogDate('2023-02-29')).toBeNull();
    expect(parseCatalogDate('去年')).toBeNull();
  });
  it('turns a good row into catalog values', () => {
    expect(validateCatalogRow(schema, cells({ category: 'policy', attribute: '删减后公开', validity: '废止', issuer: '办公室' }))).toEqual({
      ok: true,
      row: { title: '关于调整低保标准的通知', docNumber: '清民〔2024〕1号', indexNumber: null, categoryId: 'c1', publishedOn: '2024-03-01', writtenOn: '2024-02-20', attribute: 'partial', validity: 'repealed', body: '', departmentId: 'd1' },
    });
  });
  it('never takes non-public items into the catalog', () => {
    for (const attribute of ['不予公开', '依申请公开']) {
      expect(validateCatalogRow(schema, cells({ attribute }))).toEqual({ ok: false, issues: [{ field: 'attribute', message: `「公开属性」为「${attribute}」的信息不进入公开目录，不能导入` }] });
    }
  });
  it('reports every problem of a row with its column', () => {
    const result = validateCatalogRow(schema, cells({ title: '', publishedOn: '2027-01-01', writtenOn: '2027-02-01', validity: '作废' }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues).toEqual([
      { field: 'title', message: '请填写「标题」' },
      { field: 'validity', message: '「有效性」应为「有效」「废止」或「失效」：作废' },
    ]);
    // Cross-field checks run once the fields themselves are valid.
    const dates = validateCatalogRow(schema, cells({ publishedOn: '2027-01-01', writtenOn: '2027-02-01' }));
    expect(!dates.ok && dates.issues).toEqual([
      { field: 'publishedOn', message: '「发布日期」不能晚于今天：2027-01-01' },
      { field: 'writtenOn', message: '「成文日期」不能晚于「发布日期」' },
    ]);
  });
});
