import { z } from 'zod';
import { router, roleProcedure, signedInProcedure } from '../trpc';
import type { DraftDocumentRawInput } from '../../forms/index';
import { createDraft, updateDraft } from '../services/draft-service';
import { getDocumentView } from '../services/document-view-service';
import { listMyDocuments } from '../services/inbox-service';
import { listCategories } from '../services/catalog-service';
import { listPolicyOptions } from '../services/policy-pair-service';

const documentId = z.string().min(1, '缺少文件编号').max(64);
const expectedVersion = z.number().int().positive();
// The drafting form as filled in: the service validates it with the form version that applies
// (the category's latest for a new document, the pinned one for an edit).
const draftForm = z.custom<DraftDocumentRawInput | Record<string, unknown>>(
  (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  '文件内容格式不正确',
);

export const documentsRouter = router({
  categories: signedInProcedure.query(({ ctx }) => listCategories(ctx.services)),
  policyOptions: roleProcedure('drafter').query(({ ctx }) => listPolicyOptions(ctx.services, ctx.user)),
  create: roleProcedure('drafter')
    .input(draftForm)
    .mutation(({ ctx, input }) => createDraft(ctx.services, ctx.user, input)),
  update: roleProcedure('drafter')
    .input(z.object({ id: documentId, expectedVersion, data: draftForm }))
    .mutation(({ ctx, input }) => updateDraft(ctx.services, ctx.user, input.id, input.expectedVersion, input.data)),
  get: signedInProcedure.input(z.object({ id: documentId })).query(({ ctx, input }) => getDocumentView(ctx.services, ctx.user, input.id)),
  mine: signedInProcedure.query(({ ctx }) => listMyDocuments(ctx.services, ctx.user)),
});
