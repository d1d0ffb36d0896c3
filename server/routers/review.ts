import { z } from 'zod';
import { router, signedInProcedure } from '../trpc';
import { FIVE_CHECKS } from '../../forms/disclosure';
import { performReviewAction } from '../services/review-service';
import { listMyTasks } from '../services/inbox-service';

const target = { documentId: z.string().min(1).max(64), expectedVersion: z.number().int().positive() };
const taskId = z.string().min(1, '缺少任务编号').max(64);
const opinion = z.string().trim().max(2000, '意见不能超过 2000 字');
const requiredOpinion = opinion.min(1, '请填写意见');
const checks = z.object(Object.fromEntries(FIVE_CHECKS.map((k) => [k, z.boolean()])) as Record<(typeof FIVE_CHECKS)[number], z.ZodBoolean>);

// Which role may act is decided by the workflow's guards for the document's current step.
export const reviewRouter = router({
  inbox: signedInProcedure.query(({ ctx }) => listMyTasks(ctx.services, ctx.user)),
  submit: signedInProcedure.input(z.object(target)).mutation(({ ctx, input }) => performReviewAction(ctx.services, ctx.user, { ...input, action: 'submit' })),
  recall: signedInProcedure.input(z.object(target)).mutation(({ ctx, input }) => performReviewAction(ctx.services, ctx.user, { ...input, action: 'recall' })),
  approve: signedInProcedure
    .input(z.object({ ...target, taskId, opinion, checks }))
    .mutation(({ ctx, input }) => performReviewAction(ctx.services, ctx.user, { ...input, action: 'approve' })),
  return: signedInProcedure
    .input(z.object({ ...target, taskId, opinion: requiredOpinion, target: z.string().min(1).max(64).default('draft') }))
    .mutation(({ ctx, input }) => performReviewAction(ctx.services, ctx.user, { ...input, action: 'return' })),
  reject: signedInProcedure
    .input(z.object({ ...target, taskId, opinion: requiredOpinion }))
    .mutation(({ ctx, input }) => performReviewAction(ctx.services, ctx.user, { ...input, action: 'reject' })),
});
