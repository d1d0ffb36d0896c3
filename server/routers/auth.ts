import { z } from 'zod';
import { router, publicProcedure, signedInProcedure } from '../trpc';
import { describeSignedInUser, signIn, signOut } from '../services/session-service';
import { blankSessionCookie, sessionCookie } from '../auth/cookie';
import { changePassword, signOutEverywhere } from '../services/account-service';
import { changePasswordSchema } from '../../forms/password-rules';
import { forbidden } from '../services/errors';

/** Embedded with host sign-in, passwords and sessions are the host's: these procedures refuse. */
const HOST_MANAGED = '登录、退出和密码由所在系统统一管理，请在该系统中操作';
const ownSignInProcedure = publicProcedure.use(({ ctx, next }) => {
  if (ctx.services.config.signIn === 'host') throw forbidden(HOST_MANAGED);
  return next();
});
const ownSessionProcedure = signedInProcedure.use(({ ctx, next }) => {
  if (ctx.services.config.signIn === 'host') throw forbidden(HOST_MANAGED);
  return next();
});

export const authRouter = router({
  login: ownSignInProcedure
    .input(z.object({ username: z.string().trim().min(1, '请输入用户名').max(64), password: z.string().min(1, '请输入密码').max(256) }))
    .mutation(async ({ ctx, input }) => {
      const session = await signIn(ctx.services, input.username, input.password, ctx.clientIp);
      ctx.resHeaders.append('Set-Cookie', sessionCookie(session.token, session.expiresAt, ctx.services.config));
      return { user: (await describeSignedInUser(ctx.services, session.user))! };
    }),
  logout: ownSessionProcedure.mutation(async ({ ctx }) => {
    await signOut(ctx.services, ctx.sessionId, ctx.user.id);
    ctx.resHeaders.append('Set-Cookie', blankSessionCookie(ctx.services.config));
    return { ok: true as const };
  }),
  /** 退出所有设备: ends every session of the caller, this one included. */
  signOutEverywhere: ownSessionProcedure.mutation(async ({ ctx }) => {
    const result = await signOutEverywhere(ctx.services, ctx.user);
    ctx.resHeaders.append('Set-Cookie', blankSessionCookie(ctx.services.config));
    return result;
  }),
  /** Needs the current password; ends the caller's other sessions. */
  changePassword: ownSessionProcedure.input(changePasswordSchema).mutation(async ({ ctx, input }) => {
    await changePassword(ctx.services, ctx.user, ctx.sessionId, input.currentPassword, input.newPassword);
    return { ok: true as const };
  }),
  me: publicProcedure.query(({ ctx }) => describeSignedInUser(ctx.services, ctx.user)),
});
