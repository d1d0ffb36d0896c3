import { z } from 'zod';
import { router, roleProcedure, signedInProcedure } from '../trpc';
import { deadlineBoard } from '../services/deadline-board-service';
import { listCalendarSettings, setCalendarDay, setYearKnown } from '../services/calendar-service';
import { isoDateSchema } from '../../workflows/calendar/index';

export const deadlinesRouter = router({
  board: signedInProcedure.query(({ ctx }) => deadlineBoard(ctx.services, ctx.user)),
  calendar: roleProcedure('admin').query(({ ctx }) => listCalendarSettings(ctx.services)),
  setDay: roleProcedure('admin')
    .input(z.object({ date: isoDateSchema, kind: z.enum(['workday', 'holiday', 'default']), note: z.string().trim().max(200).default('') }))
    .mutation(({ ctx, input }) => setCalendarDay(ctx.services, ctx.user, input)),
  setYearKnown: roleProcedure('admin')
    .input(z.object({ year: z.number().int().min(2000).max(2100), known: z.boolean() }))
    .mutation(({ ctx, input }) => setYearKnown(ctx.services, ctx.user, input)),
});
