import { z } from 'zod';
import { router, roleProcedure } from '../trpc';
import { isoDateSchema } from '../../workflows/calendar/index';
import { listAuditLog } from '../services/audit-log-service';

/** 审计日志: admins read the hash-chained log of every change. */
export const auditRouter = router({
  list: roleProcedure('admin')
    .input(
      z.object({
        action: z.string().trim().max(64).optional(),
        actorId: z.string().min(1).max(64).optional(),
        documentId: z.string().min(1).max(64).optional(),
        q: z.string().trim().max(100).optional(),
        from: isoDateSchema.optional(),
        to: isoDateSchema.optional(),
        page: z.number().int().min(1).max(100_000).default(1),
      }),
    )
    .query(({ ctx, input }) => listAuditLog(ctx.services, input)),
});
