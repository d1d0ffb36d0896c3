/** Routes of the staff app. Everything but /login needs a signed-in user. */
import { Route, Router } from '@solidjs/router';
import { lazy, type Component } from 'solid-js';
import { SessionProvider } from './session/SessionProvider';
import { RequireSignIn } from './session/RequireSignIn';
import { AppLayout } from './components/AppLayout';
import { LoginPage } from './pages/LoginPage';
import { InboxPage } from './pages/InboxPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { HostSignInPage } from './pages/HostSignInPage';
import { basePath, signInMode } from './mount';

// Only sign-in and the inbox (where a signed-in user lands) are in the first bundle; every other
// page is its own chunk, loaded when first opened, so the initial download stays small. The forms
// runtime (zod, the field-type plugins: ./forms/forms-runtime.ts) loads beside the first such page
// and has run before it renders; the pages of the first bundle show no form.
const formsRuntime = () => import('./forms/forms-runtime');
function page<K extends string>(load: () => Promise<Record<K, Component>>, name: K) {
  return lazy(() => Promise.all([formsRuntime(), load()]).then(([, module]) => ({ default: module[name] })));
}
const MyDocumentsPage = page(() => import('./pages/MyDocumentsPage'), 'MyDocumentsPage');
const DraftFormPage = page(() => import('./pages/DraftFormPage'), 'DraftFormPage');
const DocumentPage = page(() => import('./pages/DocumentPage'), 'DocumentPage');
const ReviewSheetPage = page(() => import('./pages/ReviewSheetPage'), 'ReviewSheetPage');
const DeadlinesPage = page(() => import('./pages/DeadlinesPage'), 'DeadlinesPage');
const NotificationsPage = page(() => import('./pages/NotificationsPage'), 'NotificationsPage');
const CalendarAdminPage = page(() => import('./pages/CalendarAdminPage'), 'CalendarAdminPage');
const RequestsPage = page(() => import('./pages/RequestsPage'), 'RequestsPage');
const RequestPage = page(() => import('./pages/RequestPage'), 'RequestPage');
const ReplyTemplatesPage = page(() => import('./pages/ReplyTemplatesPage'), 'ReplyTemplatesPage');
const AnnualReportPage = page(() => import('./pages/AnnualReportPage'), 'AnnualReportPage');
const AccountPage = page(() => import('./pages/AccountPage'), 'AccountPage');
const UsersAdminPage = page(() => import('./pages/UsersAdminPage'), 'UsersAdminPage');
// The workflow editor (and elkjs behind its graph) loads only when an admin opens it.
const WorkflowListPage = page(() => import('./pages/WorkflowListPage'), 'WorkflowListPage');
const WorkflowEditorPage = page(() => import('./pages/WorkflowEditorPage'), 'WorkflowEditorPage');
const DashboardPage = page(() => import('./pages/DashboardPage'), 'DashboardPage');
const AuditLogPage = page(() => import('./pages/AuditLogPage'), 'AuditLogPage');
const FormListPage = page(() => import('./pages/FormListPage'), 'FormListPage');
const CatalogAdminPage = page(() => import('./pages/CatalogAdminPage'), 'CatalogAdminPage');
const FormBuilderPage = page(() => import('./pages/FormBuilderPage'), 'FormBuilderPage');
const ChannelsAdminPage = page(() => import('./pages/ChannelsAdminPage'), 'ChannelsAdminPage');
const WebhooksAdminPage = page(() => import('./pages/WebhooksAdminPage'), 'WebhooksAdminPage');
const CatalogImportPage = page(() => import('./pages/CatalogImportPage'), 'CatalogImportPage');
const AdminHomePage = page(() => import('./pages/AdminHomePage'), 'AdminHomePage');
const ChannelProofsPage = page(() => import('./pages/ChannelProofsPage'), 'ChannelProofsPage');

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
