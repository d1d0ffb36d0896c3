import { z } from 'zod';
import { router, roleProcedure, signedInProcedure } from '../trpc';
import { VALIDITY_VALUES } from '../../workflows/validity/index';
import { decideValidity, listPendingValidityChanges, proposeValidityChange } from '../services/validity-service';

export const validityRouter = router({
  propose: signedInProcedure
    .input(z.object({ documentId: z.string().min(1).max(64), expectedVersion: z.number().int().positive(), validity: z.enum(VALIDITY_VALUES), reason: z.string().trim().min(1, '请填写变更理由').max(1000) }))
    .mutation(({ ctx, input }) => proposeValidityChange(ctx.services, ctx.user, input)),
  decide: roleProcedure('legal')
    .input(z.object({ changeId: z.string().min(1).max(64), approve: z.boolean(), opinion: z.string().trim().max(1000).default('') }))
    .mutation(({ ctx, input }) => decideValidity(ctx.services, ctx.user, input)),
  pending: signedInProcedure.query(({ ctx }) => listPendingValidityChanges(ctx.services, ctx.user)),
});
