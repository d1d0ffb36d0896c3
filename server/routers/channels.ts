import { z } from 'zod';
import { router, roleProcedure } from '../trpc';
import { addOfflineChannel, addWebhookChannel, channelSettingsView, reorderChannels, setChannelEnabled, updateChannelTexts } from '../services/channel-settings-service';

const key = z.string().trim().min(1, '请选择发布渠道').max(40, '「渠道标识」不能超过 40 个字符');
const newKey = z.string().trim().max(40, '「渠道标识」不能超过 40 个字符').optional();
const texts = z.object({
  label: z.object({
    zh: z.string().trim().min(1, '请填写「渠道名称（中文）」').max(40, '「渠道名称（中文）」不能超过 40 个字'),
    en: z.string().trim().min(1, '请填写「渠道名称（英文）」').max(80, '「渠道名称（英文）」不能超过 80 个字符'),
  }),
  effect: z.object({
    zh: z.string().trim().max(200, '「发布效果说明（中文）」不能超过 200 个字'),
    en: z.string().trim().max(400, '「发布效果说明（英文）」不能超过 400 个字符'),
  }),
});

/** 发布渠道 settings (admin only); every change is one audited transaction in the service. */
export const channelsRouter = router({
  settings: roleProcedure('admin').query(({ ctx }) => channelSettingsView(ctx.services)),
  addOffline: roleProcedure('admin')
    .input(texts.extend({ key: newKey }))
    .mutation(({ ctx, input }) => addOfflineChannel(ctx.services, ctx.user, input)),
  addWebhook: roleProcedure('admin')
    .input(texts.extend({ key: newKey, url: z.string().trim().min(1, '请填写接收地址').max(2000, '接收地址过长') }))
    .mutation(({ ctx, input }) => addWebhookChannel(ctx.services, ctx.user, input)),
  update: roleProcedure('admin')
    .input(texts.extend({ key, url: z.string().trim().min(1, '请填写接收地址').max(2000, '接收地址过长').optional() }))
    .mutation(({ ctx, input }) => updateChannelTexts(ctx.services, ctx.user, input.key, input)),
  setEnabled: roleProcedure('admin')
    .input(z.object({ key, enabled: z.boolean() }))
    .mutation(({ ctx, input }) => setChannelEnabled(ctx.services, ctx.user, input.key, input.enabled)),
  reorder: roleProcedure('admin')
    .input(z.object({ keys: z.array(key).min(1).max(200) }))
    .mutation(({ ctx, input }) => reorderChannels(ctx.services, ctx.user, input.keys)),
});
