import { z } from 'zod';
import { router, roleProcedure } from '../trpc';
import { isoDateSchema } from '../../workflows/calendar/index';
import { dashboard, DASHBOARD_ROLES } from '../services/dashboard-service';

/** 统计概览 for leaders and the disclosure office: counts only, never document text. */
export const dashboardRouter = router({
  summary: roleProcedure(...DASHBOARD_ROLES)
    .input(z.object({ from: isoDateSchema, to: isoDateSchema, departmentId: z.string().min(1).max(64).optional() }))
    .query(({ ctx, input }) => dashboard(ctx.services, input)),
});
