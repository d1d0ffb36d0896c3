import { z } from 'zod';
import { router, signedInProcedure } from '../trpc';
import { listNotifications, markNotificationsRead } from '../services/notification-service';

export const notificationsRouter = router({
  list: signedInProcedure.query(({ ctx }) => listNotifications(ctx.services, ctx.user)),
  markRead: signedInProcedure
    .input(z.object({ id: z.string().min(1).max(64).optional() }))
    .mutation(({ ctx, input }) => markNotificationsRead(ctx.services, ctx.user, input.id)),
});
