/**
 * The one tRPC client. Only the router's *type* is imported: server runtime code must
 * never end up in the browser bundle.
 */
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../server/routers/index';
import { appUrl } from './mount';
import { sharedQueriesLink } from './shared-queries-link';

export const trpc = createTRPCClient<AppRouter>({
  // Calls made in the same tick go out as one request; the same query twice in it, once.
  links: [sharedQueriesLink(), httpBatchLink({ url: appUrl('/api/trpc') })],
});

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;

export type SessionUser = NonNullable<RouterOutputs['auth']['me']>;
export type DocumentView = RouterOutputs['documents']['get'];
export type InboxTask = RouterOutputs['review']['inbox'][number];
export type MyDocument = RouterOutputs['documents']['mine'][number];
export type Category = RouterOutputs['documents']['categories'][number];
export type DeadlineBoard = RouterOutputs['deadlines']['board'];
export type TaskDeadline = DeadlineBoard['tasks'][number];
export type DocumentDeadline = DeadlineBoard['documents'][number];
export type WebhookDelivery = RouterOutputs['webhooks']['deliveries'][number];
export type CalendarSettings = RouterOutputs['deadlines']['calendar'];
export type NotificationItem = RouterOutputs['notifications']['list']['items'][number];
export type PendingValidityChange = RouterOutputs['validity']['pending'][number];
