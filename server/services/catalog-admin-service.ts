/**
 * Admins edit the catalog's settings: categories (目录: name, portal column, statutory clock
 * rule, annual-report cell, drafting form, whether the law requires disclosure) and the
 * bureau's departments. Every change is one transaction with an audit row naming what it was
 * before and after, so a later question "who moved licensing out of its report cell" has an answer.
 */
import { asc, count, eq, max } from 'drizzle-orm';
import { DEFAULT_CLOCK_RULES } from '../../workflows/clocks/index';
import { ARTICLE20_CELLS } from '../report/report-types';
import { TEMPLATE_2019, TEMPLATE_2021 } from '../report/report-templates';
import { categories, departments, formDefinitions, users } from '../db/schema/index';
import { commitChange } from './commit';
import { badRequest, conflict, notFound } from './errors';
import { formPurpose } from './form-definitions';
import type { ServiceContext } from './service-context';

export interface CategorySettings {
  nameZh: string;
  nameEn: string;
  column: string;
  clockRule: string | null;
  reportCell: string | null;
  formKey: string;
  requiresDisclosure: boolean;
}

const categoryColumns = {
  id: categories.id,
  code: categories.code,
  nameZh: categories.nameZh,
  nameEn: categories.nameEn,
  column: categories.column,
  sort: categories.sort,
  clockRule: categories.clockRule,
  reportCell: categories.reportCell,
  formKey: categories.formKey,
  requiresDisclosure: categories.requiresDisclosure,
};

/** Categories with every setting, and the choices each setting has. */
export async function catalogSettings(ctx: ServiceContext) {
  const { db } = ctx.database;
  const rows = await db.select(categoryColumns).from(categories).orderBy(asc(categories.sort));
  // Only drafting forms: opinion forms belong to workflow steps.
  const forms = await db.selectDistinct({ key: formDefinitions.key }).from(formDefinitions).orderBy(formDefinitions.key);
  const draftKeys: string[] = [];
  for (const f of forms) if ((await formPurpose(db, f.key)) === 'draft') draftKeys.push(f.key);
  const depts = await db
    .select({ id: departments.id, code: departments.code, name: departments.name, users: count(users.id) })
    .from(departments)
    .leftJoin(users, eq(users.departmentId, departments.id))
    .groupBy(departments.id)
    .orderBy(asc(departments.code));
  return {
    categories: rows,
    departments: depts,
    clockRules: DEFAULT_CLOCK_RULES.map((r) => ({ key: r.key, label: r.label })),
    reportCells: ARTICLE20_CELLS.map((cell) => ({ key: cell, label: cellLabel(cell) })),
    formKeys: draftKeys,
  };
}

async function checkSettings(ctx: ServiceContext, input: CategorySettings): Promise<void> {
  if (input.clockRule !== null && !DEFAULT_CLOCK_RULES.some((r) => r.key === input.clockRule)) throw badRequest('所选时限规则不存在');
  if (input.reportCell !== null && !(ARTICLE20_CELLS as readonly string[]).includes(input.reportCell)) throw badRequest('所选年报栏目不存在');
  if ((await formPurpose(ctx.database.db, input.formKey)) !== 'draft') throw badRequest('所选起草表单不存在');
}

/** Changes a category's settings; documents already drafted keep their form version and clock. */
export async function updateCategory(ctx: ServiceContext, actorId: string, id: string, input: CategorySettings): Promise<void> {
  const { db } = ctx.database;
  const [before] = await db.select(categoryColumns).from(categories).where(eq(categories.id, id));
  if (!before) throw notFound('未找到该主题分类');
  await checkSettings(ctx, input);
  const now = ctx.now();
  await commitChange(
    ctx,
    [db.update(categories).set(input).where(eq(categories.id, id))],
    [{ at: now, actorId, action: 'catalog.category.update', toState: before.code, detail: { id, code: before.code, before: pick(before), after: input } }],
  );
}

/** Adds a category at the end of the catalog. */
export async function createCategory(ctx: ServiceContext, actorId: string, input: CategorySettings & { code: string }): Promise<{ id: string }> {
  const { db } = ctx.database;
  await checkSettings(ctx, input);
  const [taken] = await db.select({ id: categories.id }).from(categories).where(eq(categories.code, input.code));
  if (taken) throw conflict('该分类代码已存在');
  const [last] = await db.select({ sort: max(categories.sort) }).from(categories);
  const id = crypto.randomUUID();
  const now = ctx.now();
  await commitChange(
    ctx,
    [db.insert(categories).values({ id, ...input, sort: (last?.sort ?? 0) + 1 })],
    [{ at: now, actorId, action: 'catalog.category.create', toState: input.code, detail: { id, ...input } }],
  );
  return { id };
}

/** Adds a department (科室). */
export async function createDepartment(ctx: ServiceContext, actorId: string, input: { code: string; name: string }): Promise<{ id: string }> {
  const { db } = ctx.database;
  const [taken] = await db.select({ id: departments.id }).from(departments).where(eq(departments.code, input.code));
  if (taken) throw conflict('该科室代码已存在');
  const id = crypto.randomUUID();
  const now = ctx.now();
  await commitChange(ctx, [db.insert(departments).values({ id, ...input })], [{ at: now, actorId, action: 'catalog.department.create', toState: input.code, detail: { id, ...input } }]);
  return { id };
}

/** Renames a department; its people and documents stay with it. */
export async function renameDepartment(ctx: ServiceContext, actorId: string, id: string, name: string): Promise<void> {
  const { db } = ctx.database;
  const [before] = await db.select({ code: departments.code, name: departments.name }).from(departments).where(eq(departments.id, id));
  if (!before) throw notFound('未找到该科室');
  const now = ctx.now();
  await commitChange(
    ctx,
    [db.update(departments).set({ name }).where(eq(departments.id, id))],
    [{ at: now, actorId, action: 'catalog.department.rename', toState: before.code, detail: { id, code: before.code, before: before.name, after: name } }],
  );
}

/** A cell's row name in the current report template (the 2019 one names a few differently). */
function cellLabel(cell: string): { zh: string; en: string } {
  const rows = [TEMPLATE_2021, TEMPLATE_2019].flatMap((t) => t.article20.flatMap((g) => g.rows));
  return rows.find((r) => r.cell === cell)?.label ?? { zh: cell, en: cell };
}

function pick(row: CategorySettings): CategorySettings {
  const { nameZh, nameEn, column, clockRule, reportCell, formKey, requiresDisclosure } = row;
  return { nameZh, nameEn, column, clockRule, reportCell, formKey, requiresDisclosure };
}
