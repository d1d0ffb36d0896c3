/** Routes of the staff app. Everything but /login needs a signed-in user. */
import { Route, Router } from '@solidjs/router';
import { lazy } from 'solid-js';
import { SessionProvider } from './session/SessionProvider';
import { RequireSignIn } from './session/RequireSignIn';
import { AppLayout } from './components/AppLayout';
import { LoginPage } from './pages/LoginPage';
import { InboxPage } from './pages/InboxPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { HostSignInPage } from './pages/HostSignInPage';
import { basePath, signInMode } from './mount';

// Only sign-in and the inbox (where a signed-in user lands) are in the first bundle; every other
// page is its own chunk, loaded when first opened, so the initial download stays small.
const MyDocumentsPage = lazy(() => import('./pages/MyDocumentsPage').then((m) => ({ default: m.MyDocumentsPage })));
const DraftFormPage = lazy(() => import('./pages/DraftFormPage').then((m) => ({ default: m.DraftFormPage })));
const DocumentPage = lazy(() => import('./pages/DocumentPage').then((m) => ({ default: m.DocumentPage })));
const ReviewSheetPage = lazy(() => import('./pages/ReviewSheetPage').then((m) => ({ default: m.ReviewSheetPage })));
const DeadlinesPage = lazy(() => import('./pages/DeadlinesPage').then((m) => ({ default: m.DeadlinesPage })));
const NotificationsPage = lazy(() => import('./pages/NotificationsPage').then((m) => ({ default: m.NotificationsPage })));
const CalendarAdminPage = lazy(() => import('./pages/CalendarAdminPage').then((m) => ({ default: m.CalendarAdminPage })));
const RequestsPage = lazy(() => import('./pages/RequestsPage').then((m) => ({ default: m.RequestsPage })));
const RequestPage = lazy(() => import('./pages/RequestPage').then((m) => ({ default: m.RequestPage })));
const ReplyTemplatesPage = lazy(() => import('./pages/ReplyTemplatesPage').then((m) => ({ default: m.ReplyTemplatesPage })));
const AnnualReportPage = lazy(() => import('./pages/AnnualReportPage').then((m) => ({ default: m.AnnualReportPage })));
const AccountPage = lazy(() => import('./pages/AccountPage').then((m) => ({ default: m.AccountPage })));
const UsersAdminPage = lazy(() => import('./pages/UsersAdminPage').then((m) => ({ default: m.UsersAdminPage })));
// The workflow editor (and elkjs behind its graph) loads only when an admin opens it.
const WorkflowListPage = lazy(() => import('./pages/WorkflowListPage').then((m) => ({ default: m.WorkflowListPage })));
const WorkflowEditorPage = lazy(() => import('./pages/WorkflowEditorPage').then((m) => ({ default: m.WorkflowEditorPage })));
const DashboardPage = lazy(() => import('./pages/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const AuditLogPage = lazy(() => import('./pages/AuditLogPage').then((m) => ({ default: m.AuditLogPage })));
const FormListPage = lazy(() => import('./pages/FormListPage').then((m) => ({ default: m.FormListPage })));
const CatalogAdminPage = lazy(() => import('./pages/CatalogAdminPage').then((m) => ({ default: m.CatalogAdminPage })));
const FormBuilderPage = lazy(() => import('./pages/FormBuilderPage').then((m) => ({ default: m.FormBuilderPage })));
const ChannelsAdminPage = lazy(() => import('./pages/ChannelsAdminPage').then((m) => ({ default: m.ChannelsAdminPage })));
const WebhooksAdminPage = lazy(() => import('./pages/WebhooksAdminPage').then((m) => ({ default: m.WebhooksAdminPage })));
const CatalogImportPage = lazy(() => import('./pages/CatalogImportPage').then((m) => ({ default: m.CatalogImportPage })));
const AdminHomePage = lazy(() => import('./pages/AdminHomePage').then((m) => ({ default: m.AdminHomePage })));
const ChannelProofsPage = lazy(() => import('./pages/ChannelProofsPage').then((m) => ({ default: m.ChannelProofsPage })));

export function App() {
  return (
    <SessionProvider>
      <Router root={AppLayout} base={basePath}>
        <Route path="/login" component={signInMode === 'host' ? HostSignInPage : LoginPage} />
        <Route component={RequireSignIn}>
          <Route path="/" component={InboxPage} />
          <Route path="/mine" component={MyDocumentsPage} />
          <Route path="/documents/new" component={DraftFormPage} />
          <Route path="/documents/:id/edit" component={DraftFormPage} />
          <Route path="/documents/:id/sheet" component={ReviewSheetPage} />
          <Route path="/documents/:id" component={DocumentPage} />
          <Route path="/deadlines" component={DeadlinesPage} />
          <Route path="/dashboard" component={DashboardPage} />
          <Route path="/requests" component={RequestsPage} />
          <Route path="/requests/:id" component={RequestPage} />
          <Route path="/admin/reply-templates" component={ReplyTemplatesPage} />
          <Route path="/reports/annual" component={AnnualReportPage} />
          <Route path="/notifications" component={NotificationsPage} />
          <Route path="/admin" component={AdminHomePage} />
          <Route path="/admin/calendar" component={CalendarAdminPage} />
          <Route path="/admin/workflows" component={WorkflowListPage} />
          <Route path="/admin/workflows/:key" component={WorkflowEditorPage} />
          <Route path="/admin/forms" component={FormListPage} />
          <Route path="/admin/forms/:key" component={FormBuilderPage} />
          <Route path="/admin/catalog" component={CatalogAdminPage} />
          <Route path="/admin/users" component={UsersAdminPage} />
          <Route path="/admin/channels" component={ChannelsAdminPage} />
          <Route path="/admin/webhooks" component={WebhooksAdminPage} />
          <Route path="/admin/import" component={CatalogImportPage} />
          <Route path="/channel-proofs" component={ChannelProofsPage} />
          <Route path="/admin/audit" component={AuditLogPage} />
          {/* Under host sign-in passwords and sessions are the host's: no 账号安全 page. */}
          <Route path="/account" component={signInMode === 'host' ? NotFoundPage : AccountPage} />
          <Route path="*rest" component={NotFoundPage} />
        </Route>
      </Router>
    </SessionProvider>
  );
}
