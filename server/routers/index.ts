import { router } from '../trpc';
import { authRouter } from './auth';
import { documentsRouter } from './documents';
import { reviewRouter } from './review';
import { publicationRouter } from './publication';
import { deadlinesRouter } from './deadlines';
import { notificationsRouter } from './notifications';
import { validityRouter } from './validity';
import { annualReportRouter } from './annual-report';
import { webhooksRouter } from './webhooks';
import { usersRouter } from './users';
import { requestsRouter } from './requests';
import { workflowsRouter } from './workflows';

export const appRouter = router({
  auth: authRouter,
  documents: documentsRouter,
  review: reviewRouter,
  publication: publicationRouter,
  deadlines: deadlinesRouter,
  notifications: notificationsRouter,
  validity: validityRouter,
  annualReport: annualReportRouter,
  webhooks: webhooksRouter,
  users: usersRouter,
  requests: requestsRouter,
  workflows: workflowsRouter,
});

export type AppRouter = typeof appRouter;
