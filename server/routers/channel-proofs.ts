import { z } from 'zod';
import { router, roleProcedure } from '../trpc';
import { CHANNEL_PROOF_ROLES, documentChannelProofs, yearChannelProofs } from '../services/channel-proof-service';
import { loadChannels } from '../channels/load-channels';

/** Offline-channel proofs (uploads go through POST /api/documents/:id/channel-proofs) and the channel registry. */
export const channelProofsRouter = router({
  /** The publication channels as the admins set them: key, labels, online/offline, what publishing does, enabled. */
  channels: roleProcedure(...CHANNEL_PROOF_ROLES).query(async ({ ctx }) => (await loadChannels(ctx.services.database.db)).map(({ key, label, mode, effect, enabled }) => ({ key, label, mode, effect, enabled }))),
  forDocument: roleProcedure(...CHANNEL_PROOF_ROLES)
    .input(z.object({ documentId: z.string().min(1).max(64) }))
    .query(({ ctx, input }) => documentChannelProofs(ctx.services, ctx.user, input.documentId)),
  forYear: roleProcedure(...CHANNEL_PROOF_ROLES)
    .input(z.object({ year: z.number({ error: '请选择年度' }).int().min(2008, '年度无效').max(2100, '年度无效'), channel: z.string().min(1).max(40).optional() }))
    .query(({ ctx, input }) => yearChannelProofs(ctx.services, ctx.user, input)),
});
