import { z } from 'zod';
import { router, roleProcedure } from '../trpc';
import { performReviewAction } from '../services/review-service';

const target = { documentId: z.string().min(1).max(64), expectedVersion: z.number().int().positive() };

export const publicationRouter = router({
  publish: roleProcedure('publisher')
    .input(z.object({ ...target, taskId: z.string().min(1).max(64) }))
    .mutation(({ ctx, input }) => performReviewAction(ctx.services, ctx.user, { ...input, action: 'publish' })),
  withdraw: roleProcedure('publisher')
    .input(z.object({ ...target, reason: z.string().trim().min(1, '请填写撤稿理由').max(1000) }))
    .mutation(({ ctx, input }) => performReviewAction(ctx.services, ctx.user, { ...input, action: 'withdraw_publication' })),
});
