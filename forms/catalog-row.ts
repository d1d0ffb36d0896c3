import { z } from 'zod';
import { isCalendarDate } from './calendar-date';
import { CATALOG_COLUMNS, type CatalogField } from './catalog-columns';

/**
 * One row of an imported catalog, checked before anything is written. Only items that were
 * published (主动公开 / 删减后公开) belong in the catalog: a row marked 不予公开 or 依申请公开
 * is refused, never imported.
 */

export interface CatalogLookups {
  categories: readonly { id: string; code: string; nameZh: string }[];
  departments: readonly { id: string; code: string; name: string }[];
  /** The bureau's own name: as 发布机构 it means "the bureau", no particular section. */
  bureauName: string;
  /** Today in China Standard Time (YYYY-MM-DD): nothing can have been published later. */
  today: string;
}

export interface CatalogRow {
  title: string;
  docNumber: string;
  indexNumber: string | null;
  categoryId: string;
  publishedOn: string;
  writtenOn: string;
  attribute: 'open' | 'partial';
  validity: 'in_force' | 'repealed' | 'expired';
  body: string;
  /** The section named as 发布机构, or null for the bureau itself / none given. */
  departmentId: string | null;
}

export interface CatalogRowIssue {
  field: CatalogField;
  message: string;
}

const ATTRIBUTES: Record<string, CatalogRow['attribute']> = { 主动公开: 'open', 公开: 'open', 删减后公开: 'partial', 部分公开: 'partial' };
const NOT_FOR_CATALOG = ['不予公开', '不公开', '非公开', '依申请公开'];
const VALIDITIES: Record<string, CatalogRow['validity']> = { 有效: 'in_force', 现行有效: 'in_force', 废止: 'repealed', 已废止: 'repealed', 失效: 'expired', 已失效: 'expired' };

const label = (field: CatalogField) => CATALOG_COLUMNS.find((c) => c.field === field)!.header;

/**
 * A date as bureaus write it: 2024-01-05, 2024/1/5, 2024.1.5 or 2024年1月5日.
 * @example parseCatalogDate('2024年1月5日') // '2024-01-05'
 */
export function parseCatalogDate(text: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isCalendarDate(y, mo, d) ? `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` : null;
}

const text = (field: CatalogField, max: number, required: boolean) => {
  const base = z.string().trim().max(max, `「${label(field)}」不能超过 ${max} 个字`);
  return required ? base.min(1, `请填写「${label(field)}」`) : base;
};

const date = (field: CatalogField) =>
  z
    .string()
    .trim()
    .min(1, `请填写「${label(field)}」`)
    .transform((value, ctx) => {
      const parsed = parseCatalogDate(value);
      if (!parsed) ctx.addIssue({ code: 'custom', message: `「${label(field)}」不是有效日期（应形如 2024-01-05）：${value.slice(0, 20)}` });
      return parsed ?? '';
    });

/** The zod schema of one row, for this bureau's categories and sections. */
export function catalogRowSchema(lookups: CatalogLookups) {
  const categoryBy = new Map<string, string>();
  for (const c of lookups.categories) {
    categoryBy.set(c.code, c.id);
    categoryBy.set(c.nameZh, c.id);
  }
  const departmentBy = new Map<string, string>();
  for (const d of lookups.departments) {
    departmentBy.set(d.code, d.id);
    departmentBy.set(d.name, d.id);
  }
  return z
    .object({
      title: text('title', 200, true),
      docNumber: text('docNumber', 60, false),
      indexNumber: z
        .string()
        .trim()
        .max(60, '「索引号」不能超过 60 个字')
        .refine((v) => !/\s/.test(v), '「索引号」不能含空格'),
      category: z
        .string()
        .trim()
        .min(1, '请填写「主题分类」')
        .transform((value, ctx) => {
          const id = categoryBy.get(value);
          if (!id) ctx.addIssue({ code: 'custom', message: `「主题分类」不是本单位的分类名称或代码：${value.slice(0, 30)}` });
          return id ?? '';
        }),
      publishedOn: date('publishedOn'),
      writtenOn: date('writtenOn'),
      attribute: z
        .string()
        .trim()
        .min(1, '请填写「公开属性」')
        .transform((value, ctx) => {
          const attribute = ATTRIBUTES[value];
          if (!attribute) {
            const message = NOT_FOR_CATALOG.includes(value)
              ? `「公开属性」为「${value}」的信息不进入公开目录，不能导入`
              : `「公开属性」应为「主动公开」或「删减后公开」：${value.slice(0, 20)}`;
            ctx.addIssue({ code: 'custom', message });
          }
          return attribute ?? 'open';
        }),
      validity: z
        .string()
        .trim()
        .transform((value, ctx) => {
          if (value === '') return 'in_force' as const;
          const validity = VALIDITIES[value];
          if (!validity) ctx.addIssue({ code: 'custom', message: `「有效性」应为「有效」「废止」或「失效」：${value.slice(0, 20)}` });
          return validity ?? 'in_force';
        }),
      body: text('body', 200_000, false),
      issuer: z
        .string()
        .trim()
        .transform((value, ctx) => {
          if (value === '' || value === lookups.bureauName) return null;
          const id = departmentBy.get(value);
          if (!id) ctx.addIssue({ code: 'custom', message: `「发布机构」不是本单位或其科室：${value.slice(0, 30)}` });
          return id ?? null;
        }),
    })
    .superRefine((row, ctx) => {
      if (row.publishedOn && row.publishedOn > lookups.today) ctx.addIssue({ code: 'custom', path: ['publishedOn'], message: `「发布日期」不能晚于今天：${row.publishedOn}` });
      if (row.publishedOn && row.writtenOn && row.writtenOn > row.publishedOn) ctx.addIssue({ code: 'custom', path: ['writtenOn'], message: '「成文日期」不能晚于「发布日期」' });
    });
}

export type CatalogRowCells = Record<CatalogField, string>;

/**
 * Checks one row's cells; every problem of the row is reported, each with its column.
 * @example validateCatalogRow(schema, cells) // { ok: false, issues: [{ field: 'title', message: '请填写「标题」' }] }
 */
export function validateCatalogRow(schema: ReturnType<typeof catalogRowSchema>, cells: CatalogRowCells): { ok: true; row: CatalogRow } | { ok: false; issues: CatalogRowIssue[] } {
  const result = schema.safeParse(cells);
  if (!result.success) return { ok: false, issues: result.error.issues.map((i) => ({ field: (String(i.path[0] ?? 'title') as CatalogField), message: i.message })) };
  const { category, issuer, indexNumber, ...rest } = result.data;
  return { ok: true, row: { ...rest, categoryId: category, departmentId: issuer, indexNumber: indexNumber === '' ? null : indexNumber } };
}
