/**
 * The columns of a catalog spreadsheet (政府信息公开目录), shared by the import template, the
 * column-mapping step, the import validation and the catalog export: one list, so a file
 * exported from Shenfa imports back without any mapping.
 */

export const CATALOG_FIELDS = ['title', 'docNumber', 'indexNumber', 'category', 'publishedOn', 'writtenOn', 'attribute', 'validity', 'body', 'issuer'] as const;
export type CatalogField = (typeof CATALOG_FIELDS)[number];

export interface CatalogColumn {
  field: CatalogField;
  /** The template's header (Chinese, as bureaus name them). */
  header: string;
  en: string;
  required: boolean;
  /** Other headers bureaus use for the same thing, for the automatic match. */
  aliases: readonly string[];
}

export const CATALOG_COLUMNS: readonly CatalogColumn[] = [
  { field: 'title', header: '标题', en: 'Title', required: true, aliases: ['文件标题', '名称', '信息名称', '文件名称', 'title'] },
  { field: 'docNumber', header: '文号', en: 'Document number', required: false, aliases: ['发文字号', '发文文号', 'doc number', 'document number'] },
  { field: 'indexNumber', header: '索引号', en: 'Index number', required: false, aliases: ['信息索引号', 'index number'] },
  { field: 'category', header: '主题分类', en: 'Category', required: true, aliases: ['分类', '主题', '信息分类', '类别', 'category'] },
  { field: 'publishedOn', header: '发布日期', en: 'Published on', required: true, aliases: ['公开日期', '发布时间', '公开时间', 'published', 'published on'] },
  { field: 'writtenOn', header: '成文日期', en: 'Written on', required: true, aliases: ['生成日期', '成文时间', '印发日期', 'written', 'written on'] },
  { field: 'attribute', header: '公开属性', en: 'Disclosure', required: true, aliases: ['公开方式', '公开类型', 'disclosure'] },
  { field: 'validity', header: '有效性', en: 'Validity', required: false, aliases: ['效力状态', '是否有效', 'validity'] },
  { field: 'body', header: '正文', en: 'Body', required: false, aliases: ['内容', '全文', 'body'] },
  { field: 'issuer', header: '发布机构', en: 'Issuing body', required: false, aliases: ['发文机关', '发布单位', '公开主体', '发文单位', 'issuer', 'issuing body'] },
];

/** Which header of the file each field is read from; a field left out is not read. */
export type ColumnMapping = Partial<Record<CatalogField, string>>;

const normalise = (header: string) => header.replace(/[\s*＊（）()：:]/g, '').replace(/\(?可选\)?|选填|必填/g, '').toLowerCase();

/**
 * Matches a file's headers to the fields by name (the template's header or a usual alias).
 * @example suggestMapping(['文件标题', '发布日期']) // { title: '文件标题', publishedOn: '发布日期' }
 */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<string>();
  for (const column of CATALOG_COLUMNS) {
    const names = [column.header, ...column.aliases].map(normalise);
    const hit = headers.find((h) => !taken.has(h) && names.includes(normalise(h)));
    if (hit !== undefined) {
      mapping[column.field] = hit;
      taken.add(hit);
    }
  }
  return mapping;
}

/**
 * Problems with a mapping before any row is read: required fields without a column, a
 * column that is not in the file, one column used twice.
 * @example mappingProblems({ title: '标题' }, ['标题']) // ['「主题分类」未对应文件中的列', …]
 */
export function mappingProblems(mapping: ColumnMapping, headers: readonly string[]): string[] {
  const problems: string[] = [];
  const used = new Map<string, CatalogField>();
  for (const column of CATALOG_COLUMNS) {
    const header = mapping[column.field];
    if (header === undefined || header === '') {
      if (column.required) problems.push(`「${column.header}」未对应文件中的列`);
      continue;
    }
    if (!headers.includes(header)) problems.push(`文件中没有名为「${header}」的列`);
    const other = used.get(header);
    if (other) problems.push(`「${header}」列同时对应了「${CATALOG_COLUMNS.find((c) => c.field === other)!.header}」和「${column.header}」`);
    used.set(header, column.field);
  }
  return problems;
}

/**
 * Reads a mapping given by field key or by the template's Chinese header (for the CLI's --mapping).
 * @example mappingFromKeys({ 标题: '文件名称', category: '分类' }) // { title: '文件名称', category: '分类' }
 */
export function mappingFromKeys(input: Record<string, string>): { mapping: ColumnMapping; unknown: string[] } {
  const mapping: ColumnMapping = {};
  const unknown: string[] = [];
  for (const [key, header] of Object.entries(input)) {
    const column = CATALOG_COLUMNS.find((c) => c.field === key || c.header === key);
    if (column) mapping[column.field] = header;
    else unknown.push(key);
  }
  return { mapping, unknown };
}
