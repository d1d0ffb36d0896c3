import { z } from 'zod';
import { router, publicProcedure, signedInProcedure } from '../trpc';
import { describeSignedInUser, signIn, signOut } from '../services/session-service';
import { blankSessionCookie, sessionCookie } from '../auth/cookie';
import { changePassword, signOutEverywhere } from '../services/account-service';
import { changePasswordSchema } from '../../forms/password-rules';

export const authRouter = router({
  login: publicProcedure
    .input(z.object({ username: z.string().trim().min(1, '请输入用户名').max(64), password: z.string().min(1, '请输入密码').max(256) }))
    .mutation(async ({ ctx, input }) => {
      const session = await signIn(ctx.services, input.username, input.password, ctx.clientIp);
      ctx.resHeaders.append('Set-Cookie', sessionCookie(session.token, session.expiresAt, ctx.services.config.secureCookies));
      return { user: (await describeSignedInUser(ctx.services, session.user))! };
    }),
  logout: signedInProcedure.mutation(async ({ ctx }) => {
    await signOut(ctx.services, ctx.sessionId, ctx.user.id);
    ctx.resHeaders.append('Set-Cookie', blankSessionCookie(ctx.services.config.secureCookies));
    return { ok: true as const };
  }),
  /** 退出所有设备: ends every session of the caller, this one included. */
  signOutEverywhere: signedInProcedure.mutation(async ({ ctx }) => {
    const result = await signOutEverywhere(ctx.services, ctx.user);
    ctx.resHeaders.append('Set-Cookie', blankSessionCookie(ctx.services.config.secureCookies));
    return result;
  }),
  /** Needs the current password; ends the caller's other sessions. */
  changePassword: signedInProcedure.input(changePasswordSchema).mutation(async ({ ctx, input }) => {
    await changePassword(ctx.services, ctx.user, ctx.sessionId, input.currentPassword, input.newPassword);
    return { ok: true as const };
  }),
  me: publicProcedure.query(({ ctx }) => describeSignedInUser(ctx.services, ctx.user)),
});
