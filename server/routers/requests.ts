import { z } from 'zod';
import { router, roleProcedure } from '../trpc';
import { registerRequestSchema } from '../../forms/info-request';
import { APPEAL_KINDS, APPEAL_OUTCOMES, DELIVERY_METHODS, REPLY_RESULTS, type ReplySubReason } from '../../workflows/requests/request-vocabulary';
import { EXTENSION_APPROVER_ROLES, REPLY_REVIEWER_ROLES, REQUEST_HANDLER_ROLES, REQUEST_READER_ROLES, TEMPLATE_EDITOR_ROLES } from '../../workflows/requests/request-roles';
import { MAX_EXTENSION_DAYS } from '../../workflows/requests/request.machine';
import { registerRequest } from '../services/request-intake-service';
import { actOnRequest } from '../services/request-handling-service';
import { getRequest, listRequests, openRequestDeadlines } from '../services/request-query-service';
import { draftReply, editReplyLetter, listReplyTemplates, reviewReply, saveReplyTemplate, sendReply } from '../services/reply-letter-service';
import { addAppeal, decideAppeal, linkReleasedDocument } from '../services/request-record-service';

const handler = roleProcedure(...REQUEST_HANDLER_ROLES);
const reader = roleProcedure(...REQUEST_READER_ROLES);

const id = z.string().min(1).max(64);
const version = z.number().int().positive();
const isoDate = z.iso.date({ message: '「日期」应为 YYYY-MM-DD' });
const note = z.string().trim().max(1000, '「说明」不能超过 1000 个字').default('');
const step = { requestId: id, expectedVersion: version, date: isoDate, note };

const plainAction = z.enum(['accept', 'request_correction', 'receive_correction', 'close_uncorrected', 'start_consultation', 'end_consultation', 'record_fee_paid', 'close_fee_unpaid']);

const actInput = z.discriminatedUnion('action', [
  z.object({ action: plainAction, ...step }),
  z.object({ action: z.literal('request_extension'), ...step, days: z.number().int().min(1, '延长期限至少 1 个工作日').max(MAX_EXTENSION_DAYS, `延长期限不能超过 ${MAX_EXTENSION_DAYS} 个工作日`) }),
  z.object({ action: z.literal('notify_fee'), ...step, basis: z.enum(['per_request', 'per_page']), amountFen: z.number().int().min(1, '请填写收费金额').max(100_000_000) }),
]);

export const requestsRouter = router({
  list: reader
    .input(z.object({ scope: z.enum(['open', 'closed', 'all']).default('open'), dueState: z.enum(['due_soon', 'overdue']).optional(), q: z.string().max(100).optional() }))
    .query(({ ctx, input }) => listRequests(ctx.services, input)),
  get: reader.input(z.object({ id })).query(({ ctx, input }) => getRequest(ctx.services, ctx.user, input.id)),
  deadlines: reader.query(({ ctx }) => openRequestDeadlines(ctx.services)),
  register: handler.input(registerRequestSchema).mutation(({ ctx, input }) => registerRequest(ctx.services, ctx.user, input)),
  act: handler.input(actInput).mutation(({ ctx, input }) => actOnRequest(ctx.services, ctx.user, input)),
  approveExtension: roleProcedure(...EXTENSION_APPROVER_ROLES)
    .input(z.object(step))
    .mutation(({ ctx, input }) => actOnRequest(ctx.services, ctx.user, { ...input, action: 'approve_extension' })),
  draftReply: handler
    .input(z.object({ requestId: id, expectedVersion: version, date: isoDate, result: z.enum(REPLY_RESULTS), subReason: z.string().max(64).nullable() }))
    .mutation(({ ctx, input }) => draftReply(ctx.services, ctx.user, { ...input, subReason: input.subReason as ReplySubReason | null })),
  editLetter: handler
    .input(z.object({ requestId: id, expectedVersion: version, title: z.string().trim().min(1, '请填写答复书标题').max(200), body: z.string().trim().min(1, '请填写答复书正文').max(20_000) }))
    .mutation(({ ctx, input }) => editReplyLetter(ctx.services, ctx.user, input)),
  reviewReply: roleProcedure(...REPLY_REVIEWER_ROLES)
    .input(z.object({ requestId: id, expectedVersion: version, date: isoDate }))
    .mutation(({ ctx, input }) => reviewReply(ctx.services, ctx.user, input)),
  sendReply: handler
    .input(z.object({ requestId: id, expectedVersion: version, date: isoDate, deliveryMethod: z.enum(DELIVERY_METHODS, { message: '请选择「送达方式」' }) }))
    .mutation(({ ctx, input }) => sendReply(ctx.services, ctx.user, input)),
  linkDocument: handler.input(z.object({ requestId: id, documentId: id })).mutation(({ ctx, input }) => linkReleasedDocument(ctx.services, ctx.user, input)),
  addAppeal: handler
    .input(z.object({ requestId: id, kind: z.enum(APPEAL_KINDS), outcome: z.enum(APPEAL_OUTCOMES), filedOn: isoDate, decidedOn: isoDate.nullable(), notes: z.string().trim().max(2000).default('') }))
    .mutation(({ ctx, input }) => addAppeal(ctx.services, ctx.user, input)),
  decideAppeal: handler
    .input(z.object({ appealId: id, outcome: z.enum(APPEAL_OUTCOMES), decidedOn: isoDate, notes: z.string().trim().max(2000).default('') }))
    .mutation(({ ctx, input }) => decideAppeal(ctx.services, ctx.user, input)),
  templates: roleProcedure(...REQUEST_HANDLER_ROLES).query(({ ctx }) => listReplyTemplates(ctx.services)),
  saveTemplate: roleProcedure(...TEMPLATE_EDITOR_ROLES)
    .input(z.object({ result: z.enum(REPLY_RESULTS), title: z.string().trim().min(1, '请填写模板标题').max(200), body: z.string().trim().min(1, '请填写模板正文').max(20_000) }))
    .mutation(({ ctx, input }) => saveReplyTemplate(ctx.services, ctx.user, input)),
});
