import { router } from '../trpc';
import { authRouter } from './auth';
import { documentsRouter } from './documents';
import { reviewRouter } from './review';
import { publicationRouter } from './publication';

export const appRouter = router({
  auth: authRouter,
  documents: documentsRouter,
  review: reviewRouter,
  publication: publicationRouter,
});

export type AppRouter = typeof appRouter;
