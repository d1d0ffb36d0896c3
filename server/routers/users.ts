import { z } from 'zod';
import { router, roleProcedure } from '../trpc';
import { ROLES } from '../../workflows/roles';
import { listUsers, setUserDisabled, setUserRoles } from '../services/user-admin-service';

const userId = z.string().min(1).max(64);

/** User administration: admins only. */
export const usersRouter = router({
  list: roleProcedure('admin').query(({ ctx }) => listUsers(ctx.services)),
  setDisabled: roleProcedure('admin')
    .input(z.object({ userId, disabled: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      await setUserDisabled(ctx.services, ctx.user, input.userId, input.disabled);
      return { ok: true as const };
    }),
  setRoles: roleProcedure('admin')
    .input(z.object({ userId, roles: z.array(z.enum(ROLES)).min(1, '请至少选择一个角色').max(ROLES.length) }))
    .mutation(async ({ ctx, input }) => {
      await setUserRoles(ctx.services, ctx.user, input.userId, input.roles);
      return { ok: true as const };
    }),
});
