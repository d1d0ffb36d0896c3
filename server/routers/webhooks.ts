import { z } from 'zod';
import { router, roleProcedure } from '../trpc';
import { WEBHOOK_EVENTS } from '../webhooks/webhook-events';
import {
  createWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  retryWebhookDelivery,
  setWebhookEndpointActive,
} from '../services/webhook-service';

const id = z.string().min(1).max(64);

/** Receivers of catalog events (the portal CMS) and their delivery log: admins only. */
export const webhooksRouter = router({
  list: roleProcedure('admin').query(({ ctx }) => listWebhookEndpoints(ctx.services)),
  create: roleProcedure('admin')
    .input(
      z.object({
        name: z.string().trim().min(1, '请填写接收方名称').max(100),
        url: z.url({ protocol: /^https?$/, error: '请填写以 http:// 或 https:// 开头的接收地址' }).max(2000),
        events: z.array(z.enum(WEBHOOK_EVENTS)).min(1, '请至少选择一种事件').max(WEBHOOK_EVENTS.length),
      }),
    )
    .mutation(({ ctx, input }) => createWebhookEndpoint(ctx.services, ctx.user, { ...input, events: [...new Set(input.events)] })),
  setActive: roleProcedure('admin')
    .input(z.object({ id, active: z.boolean() }))
    .mutation(({ ctx, input }) => setWebhookEndpointActive(ctx.services, ctx.user, input)),
  deliveries: roleProcedure('admin')
    .input(z.object({ endpointId: id.optional(), status: z.enum(['pending', 'delivered', 'failed']).optional(), limit: z.number().int().min(1).max(500).default(100) }).default({ limit: 100 }))
    .query(({ ctx, input }) => listWebhookDeliveries(ctx.services, input)),
  retry: roleProcedure('admin')
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => retryWebhookDelivery(ctx.services, ctx.user, input.id)),
});
