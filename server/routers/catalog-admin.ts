import { z } from 'zod';
import { router, roleProcedure } from '../trpc';
import { catalogSettings, createCategory, createDepartment, renameDepartment, updateCategory } from '../services/catalog-admin-service';

const id = z.string().min(1).max(100);
const code = z.string().trim().regex(/^[a-z][a-z0-9_-]{0,39}$/, '代码只能包含小写字母、数字、下划线和连字符，且以字母开头');
const settings = z.object({
  nameZh: z.string().trim().min(1, '请填写「分类名称」').max(50),
  nameEn: z.string().trim().max(100),
  column: z.string().trim().min(1, '请填写「发布栏目」').max(100),
  clockRule: z.string().max(100).nullable(),
  reportCell: z.string().max(100).nullable(),
  formKey: z.string().min(1).max(100),
  requiresDisclosure: z.boolean(),
});

/** 目录与科室设置 (admin only); every change is audited by the service. */
export const catalogAdminRouter = router({
  settings: roleProcedure('admin').query(({ ctx }) => catalogSettings(ctx.services)),
  updateCategory: roleProcedure('admin')
    .input(z.object({ id, settings }))
    .mutation(({ ctx, input }) => updateCategory(ctx.services, ctx.user.id, input.id, input.settings)),
  createCategory: roleProcedure('admin')
    .input(settings.extend({ code }))
    .mutation(({ ctx, input }) => createCategory(ctx.services, ctx.user.id, input)),
  createDepartment: roleProcedure('admin')
    .input(z.object({ code, name: z.string().trim().min(1, '请填写「科室名称」').max(50) }))
    .mutation(({ ctx, input }) => createDepartment(ctx.services, ctx.user.id, input)),
  renameDepartment: roleProcedure('admin')
    .input(z.object({ id, name: z.string().trim().min(1, '请填写「科室名称」').max(50) }))
    .mutation(({ ctx, input }) => renameDepartment(ctx.services, ctx.user.id, input.id, input.name)),
});
