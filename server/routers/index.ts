import { router } from '../trpc';
import { authRouter } from './auth';
import { documentsRouter } from './documents';
import { reviewRouter } from './review';
import { publicationRouter } from './publication';
import { deadlinesRouter } from './deadlines';
import { notificationsRouter } from './notifications';
import { validityRouter } from './validity';
import { usersRouter } from './users';

export const appRouter = router({
  auth: authRouter,
  documents: documentsRouter,
  review: reviewRouter,
  publication: publicationRouter,
  deadlines: deadlinesRouter,
  notifications: notificationsRouter,
  validity: validityRouter,
  users: usersRouter,
});

export type AppRouter = typeof appRouter;
