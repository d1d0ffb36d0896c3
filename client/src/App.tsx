/** Routes of the staff app. Everything but /login needs a signed-in user. */
import { Route, Router } from '@solidjs/router';
import { lazy } from 'solid-js';
import { SessionProvider } from './session/SessionProvider';
import { RequireSignIn } from './session/RequireSignIn';
import { AppLayout } from './components/AppLayout';
import { LoginPage } from './pages/LoginPage';
import { InboxPage } from './pages/InboxPage';
import { MyDocumentsPage } from './pages/MyDocumentsPage';
import { DraftFormPage } from './pages/DraftFormPage';
import { DocumentPage } from './pages/DocumentPage';
import { ReviewSheetPage } from './pages/ReviewSheetPage';
import { DeadlinesPage } from './pages/DeadlinesPage';
import { NotificationsPage } from './pages/NotificationsPage';
import { CalendarAdminPage } from './pages/CalendarAdminPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { RequestsPage } from './pages/RequestsPage';
import { RequestPage } from './pages/RequestPage';
import { ReplyTemplatesPage } from './pages/ReplyTemplatesPage';
import { AnnualReportPage } from './pages/AnnualReportPage';

// The workflow editor (and elkjs behind its graph) loads only when an admin opens it.
const WorkflowListPage = lazy(() => import('./pages/WorkflowListPage').then((m) => ({ default: m.WorkflowListPage })));
const WorkflowEditorPage = lazy(() => import('./pages/WorkflowEditorPage').then((m) => ({ default: m.WorkflowEditorPage })));
const WebhooksAdminPage = lazy(() => import('./pages/WebhooksAdminPage').then((m) => ({ default: m.WebhooksAdminPage })));
import { AccountPage } from './pages/AccountPage';
import { UsersAdminPage } from './pages/UsersAdminPage';

export function App() {
  return (
    <SessionProvider>
      <Router root={AppLayout}>
        <Route path="/login" component={LoginPage} />
        <Route component={RequireSignIn}>
          <Route path="/" component={InboxPage} />
          <Route path="/mine" component={MyDocumentsPage} />
          <Route path="/documents/new" component={DraftFormPage} />
          <Route path="/documents/:id/edit" component={DraftFormPage} />
          <Route path="/documents/:id/sheet" component={ReviewSheetPage} />
          <Route path="/documents/:id" component={DocumentPage} />
          <Route path="/deadlines" component={DeadlinesPage} />
          <Route path="/requests" component={RequestsPage} />
          <Route path="/requests/:id" component={RequestPage} />
          <Route path="/admin/reply-templates" component={ReplyTemplatesPage} />
          <Route path="/reports/annual" component={AnnualReportPage} />
          <Route path="/notifications" component={NotificationsPage} />
          <Route path="/admin/calendar" component={CalendarAdminPage} />
          <Route path="/admin/workflows" component={WorkflowListPage} />
          <Route path="/admin/workflows/:key" component={WorkflowEditorPage} />
          <Route path="/admin/users" component={UsersAdminPage} />
          <Route path="/admin/webhooks" component={WebhooksAdminPage} />
          <Route path="/account" component={AccountPage} />
          <Route path="*rest" component={NotFoundPage} />
        </Route>
      </Router>
    </SessionProvider>
  );
}
