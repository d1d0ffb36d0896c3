import { z } from 'zod';
import { router, signedInProcedure } from '../trpc';
import { countUnreadNotifications, EMAIL_MODES, listNotifications, mailSettings, markNotificationsRead, setMailSettings } from '../services/notification-service';

export const notificationsRouter = router({
  unreadCount: signedInProcedure.query(({ ctx }) => countUnreadNotifications(ctx.services, ctx.user)),
  list: signedInProcedure.query(({ ctx }) => listNotifications(ctx.services, ctx.user)),
  markRead: signedInProcedure
    .input(z.object({ id: z.string().min(1).max(64).optional() }))
    .mutation(({ ctx, input }) => markNotificationsRead(ctx.services, ctx.user, input.id)),
  mailSettings: signedInProcedure.query(({ ctx }) => mailSettings(ctx.services, ctx.user)),
  setMailSettings: signedInProcedure
    .input(z.object({ email: z.union([z.literal(''), z.email({ error: '请填写有效的电子邮箱地址' }).max(254)]), mode: z.enum(EMAIL_MODES) }))
    .mutation(({ ctx, input }) => setMailSettings(ctx.services, ctx.user, input)),
});
