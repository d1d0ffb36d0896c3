import { z } from 'zod';
import { router, signedInProcedure } from '../trpc';
import { FIVE_CHECKS, LEGAL_GROUNDS } from '../../forms/disclosure';
import { performReviewAction } from '../services/review-service';
import { listMyTasks } from '../services/inbox-service';
import { justifyPrivacyHit, maskPrivacyHit } from '../services/privacy-service';
import { reviseRedactions } from '../services/redaction-review-service';
import { listColleagues } from '../services/colleague-service';

const target = { documentId: z.string().min(1).max(64), expectedVersion: z.number().int().positive() };
const taskId = z.string().min(1, '缺少任务编号').max(64);
const opinion = z.string().trim().max(2000, '意见不能超过 2000 字');
const requiredOpinion = opinion.min(1, '请填写意见');
// The step's opinion form as filled in: any JSON here, checked field by field by the form's own schema in the service.
const opinionForm = z.record(z.string(), z.unknown()).optional();
const checks = z.object(Object.fromEntries(FIVE_CHECKS.map((k) => [k, z.boolean()])) as Record<(typeof FIVE_CHECKS)[number], z.ZodBoolean>);

// Which role may act is decided by the workflow's guards for the document's current step.
export const reviewRouter = router({
  inbox: signedInProcedure.query(({ ctx }) => listMyTasks(ctx.services, ctx.user)),
  submit: signedInProcedure.input(z.object(target)).mutation(({ ctx, input }) => performReviewAction(ctx.services, ctx.user, { ...input, action: 'submit' })),
  recall: signedInProcedure.input(z.object(target)).mutation(({ ctx, input }) => performReviewAction(ctx.services, ctx.user, { ...input, action: 'recall' })),
  approve: signedInProcedure
    .input(z.object({ ...target, taskId, opinion, checks, opinionForm }))
    .mutation(({ ctx, input }) => performReviewAction(ctx.services, ctx.user, { ...input, action: 'approve' })),
  return: signedInProcedure
    .input(z.object({ ...target, taskId, opinion: requiredOpinion, target: z.string().min(1).max(64).default('draft'), opinionForm }))
    .mutation(({ ctx, input }) => performReviewAction(ctx.services, ctx.user, { ...input, action: 'return' })),
  maskPrivacy: signedInProcedure
    .input(z.object({ ...target, start: z.number().int().min(0), text: z.string().min(1).max(100) }))
    .mutation(({ ctx, input }) => maskPrivacyHit(ctx.services, ctx.user, input)),
  justifyPrivacy: signedInProcedure
    .input(z.object({ ...target, start: z.number().int().min(0), text: z.string().min(1).max(100), note: z.string().trim().min(1, '请填写保留理由').max(500) }))
    .mutation(({ ctx, input }) => justifyPrivacyHit(ctx.services, ctx.user, input)),
  // Ranges are checked against the stored body by the drafting form's own rules, inside the service.
  reviseRedactions: signedInProcedure
    .input(z.object({ ...target, redactions: z.array(z.object({ start: z.number().int(), end: z.number().int(), ground: z.enum(LEGAL_GROUNDS), reason: z.string().max(500) })).max(500) }))
    .mutation(({ ctx, input }) => reviseRedactions(ctx.services, ctx.user, input)),
  transfer: signedInProcedure
    .input(z.object({ ...target, taskId, toUserId: z.string().min(1, '请选择转办对象').max(64), opinion }))
    .mutation(({ ctx, input }) => performReviewAction(ctx.services, ctx.user, { ...input, action: 'transfer' })),
  addSigner: signedInProcedure
    .input(z.object({ ...target, taskId, userId: z.string().min(1, '请选择加签人员').max(64), position: z.enum(['before', 'after']), opinion, checks: checks.optional(), opinionForm }))
    .mutation(({ ctx, input }) => performReviewAction(ctx.services, ctx.user, { ...input, action: 'add_signer' })),
  colleagues: signedInProcedure.input(z.object({ documentId: target.documentId })).query(({ ctx, input }) => listColleagues(ctx.services, ctx.user, input.documentId)),
  reject: signedInProcedure
    .input(z.object({ ...target, taskId, opinion: requiredOpinion }))
    .mutation(({ ctx, input }) => performReviewAction(ctx.services, ctx.user, { ...input, action: 'reject' })),
});
