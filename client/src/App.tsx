/** Routes of the staff app. Everything but /login needs a signed-in user. */
import { Route, Router } from '@solidjs/router';
import { SessionProvider } from './session/SessionProvider';
import { RequireSignIn } from './session/RequireSignIn';
import { AppLayout } from './components/AppLayout';
import { LoginPage } from './pages/LoginPage';
import { InboxPage } from './pages/InboxPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { HostSignInPage } from './pages/HostSignInPage';
import { basePath, signInMode } from './mount';
// Every page but sign-in and the inbox is its own chunk, loaded when first opened.
import * as pages from './lazy-pages';

export function App() {
  return (
    <SessionProvider>
      <Router root={AppLayout} base={basePath}>
        <Route path="/login" component={signInMode === 'host' ? HostSignInPage : LoginPage} />
        <Route component={RequireSignIn}>
          <Route path="/" component={InboxPage} />
          <Route path="/mine" component={pages.MyDocumentsPage} />
          <Route path="/documents/new" component={pages.DraftFormPage} />
          <Route path="/documents/:id/edit" component={pages.DraftFormPage} />
          <Route path="/documents/:id/sheet" component={pages.ReviewSheetPage} />
          <Route path="/documents/:id" component={pages.DocumentPage} />
          <Route path="/deadlines" component={pages.DeadlinesPage} />
          <Route path="/dashboard" component={pages.DashboardPage} />
          <Route path="/requests" component={pages.RequestsPage} />
          <Route path="/requests/:id" component={pages.RequestPage} />
          <Route path="/admin/reply-templates" component={pages.ReplyTemplatesPage} />
          <Route path="/reports/annual" component={pages.AnnualReportPage} />
          <Route path="/notifications" component={pages.NotificationsPage} />
          <Route path="/admin" component={pages.AdminHomePage} />
          <Route path="/admin/calendar" component={pages.CalendarAdminPage} />
          <Route path="/admin/workflows" component={pages.WorkflowListPage} />
          <Route path="/admin/workflows/:key" component={pages.WorkflowEditorPage} />
          <Route path="/admin/forms" component={pages.FormListPage} />
          <Route path="/admin/forms/:key" component={pages.FormBuilderPage} />
          <Route path="/admin/catalog" component={pages.CatalogAdminPage} />
          <Route path="/admin/users" component={pages.UsersAdminPage} />
          <Route path="/admin/channels" component={pages.ChannelsAdminPage} />
          <Route path="/admin/webhooks" component={pages.WebhooksAdminPage} />
          <Route path="/admin/import" component={pages.CatalogImportPage} />
          <Route path="/channel-proofs" component={pages.ChannelProofsPage} />
          <Route path="/admin/audit" component={pages.AuditLogPage} />
          {/* Under host sign-in passwords and sessions are the host's: no 账号安全 page. */}
          <Route path="/account" component={signInMode === 'host' ? NotFoundPage : pages.AccountPage} />
          <Route path="*rest" component={NotFoundPage} />
        </Route>
      </Router>
    </SessionProvider>
  );
}
