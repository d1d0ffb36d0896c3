/** Routes of the staff app. Everything but /login needs a signed-in user. */
import { Route, Router } from '@solidjs/router';
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
          <Route path="/notifications" component={NotificationsPage} />
          <Route path="/admin/calendar" component={CalendarAdminPage} />
          <Route path="/admin/users" component={UsersAdminPage} />
          <Route path="/account" component={AccountPage} />
          <Route path="*rest" component={NotFoundPage} />
        </Route>
      </Router>
    </SessionProvider>
  );
}
