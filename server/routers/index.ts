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
import { dashboardRouter } from './dashboard';
import { auditRouter } from './audit';
import { usersRouter } from './users';
import { requestsRouter } from './requests';
import { workflowsRouter } from './workflows';
import { formsRouter } from './forms';
import { catalogAdminRouter } from './catalog-admin';
import { catalogImportRouter } from './catalog-import';
import { channelProofsRouter } from './channel-proofs';
import { channelsRouter } from './channels';

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
  dashboard: dashboardRouter,
  audit: auditRouter,
  users: usersRouter,
  requests: requestsRouter,
  workflows: workflowsRouter,
  forms: formsRouter,
  catalogAdmin: catalogAdminRouter,
  catalogImport: catalogImportRouter,
  channelProofs: channelProofsRouter,
  channels: channelsRouter,
});

export type AppRouter = typeof appRouter;
