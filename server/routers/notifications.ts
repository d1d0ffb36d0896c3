import { z } from 'zod';
import { router, signedInProcedure } from '../trpc';
import { countUnreadNotifications, listNotifications, markNotificationsRead } from '../services/notification-service';

export const notificationsRouter = router({
  unreadCount: signedInProcedure.query(({ ctx }) => countUnreadNotifications(ctx.services, ctx.user)),
  list: signedInProcedure.query(({ ctx }) => listNotifications(ctx.services, ctx.user)),
  markRead: signedInProcedure
    .input(z.object({ id: z.string().min(1).max(64).optional() }))
    .mutation(({ ctx, input }) => markNotificationsRead(ctx.services, ctx.user, input.id)),
});
