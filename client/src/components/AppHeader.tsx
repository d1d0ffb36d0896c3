/**
 * The staff header: who and where you are, unread notifications, the ways to go, and
 * sign-out. Menu entries follow roles only for convenience; the server refuses anything a
 * role may not do.
 */
import { Show } from 'solid-js';
import { A, useMatch, useNavigate, useResolvedPath } from '@solidjs/router';
import { ROLE_LABELS } from '../../../workflows/roles';

/** Who sees 统计概览 (the server checks the same roles). */
const DASHBOARD_ROLES = ['admin', 'publisher', 'leader'] as const;
import { REQUEST_READER_ROLES } from '../../../workflows/requests/request-roles';
import { ANNUAL_REPORT_ROLES } from '../../../workflows/annual-report-roles';
import { localized, t } from '../i18n/i18n';
import { useSession } from '../session/SessionProvider';
import type { SessionUser } from '../trpc';
import { InboxCount } from './InboxCount';
import { LanguageToggle } from './LanguageToggle';
import { NotificationLink } from './NotificationLink';
import { appUrl, signInMode } from '../mount';
import { AdminToolbar } from '../admin/AdminToolbar';

export function AppHeader(props: { user: SessionUser }) {
  const session = useSession();
  const navigate = useNavigate();
  // useMatch reads the full pathname, so the path is resolved against the router's base first
  // (a host may mount 审发 under /disclosure); '*' also matches /admin itself.
  const adminPath = useResolvedPath(() => '/admin');
  const adminMatch = useMatch(() => `${adminPath() ?? '/admin'}/*`);
  const onAdminPage = () => Boolean(adminMatch());
  const roleNames = () => props.user.roles.map((r) => localized(ROLE_LABELS[r])).join('、');
  const signOut = async () => {
    await session.signOut();
    navigate('/login', { replace: true });
  };
  const signOutEverywhere = async () => {
    if (!window.confirm(t('account.everywhereConfirm'))) return;
    await session.signOutEverywhere();
    navigate('/login', { replace: true });
  };
  return (
    <header class="app-header">
      <div class="header-top">
        <A href="/" class="brand" end>
          <span class="brand-name">{t('app.name')}</span>
          <span class="brand-context">{props.user.bureauName} · {props.user.department.name}</span>
        </A>
        <div class="header-user">
          <span class="user-name">{props.user.displayName}</span>
          <span class="user-roles">{roleNames()}</span>
          <NotificationLink />
          <LanguageToggle />
          {/* With host sign-in, password and sign-out belong to the host application. */}
          <Show when={signInMode === 'own'}>
            <A href="/account" class="link-button" data-testid="account">
              {t('nav.account')}
            </A>
            <button type="button" class="link-button" data-testid="logout-everywhere" onClick={signOutEverywhere}>
              {t('nav.logoutEverywhere')}
            </button>
            <button type="button" class="link-button" data-testid="logout" onClick={signOut}>
              {t('nav.logout')}
            </button>
          </Show>
        </div>
      </div>
      <nav class="app-nav" aria-label={t('nav.menu')}>
        <A href="/" end>
          {t('nav.inbox')}
          <InboxCount />
        </A>
        <A href="/mine">{t('nav.mine')}</A>
        <Show when={props.user.roles.includes('drafter')}>
          <A href="/documents/new">{t('nav.new')}</A>
        </Show>
        <A href="/deadlines">{t('nav.deadlines')}</A>
        <Show when={DASHBOARD_ROLES.some((r) => props.user.roles.includes(r))}>
          <A href="/dashboard">{t('nav.dashboard')}</A>
        </Show>
        <Show when={props.user.roles.some((r) => (REQUEST_READER_ROLES as readonly string[]).includes(r))}>
          <A href="/requests">{t('nav.requests')}</A>
        </Show>
        <Show when={props.user.roles.some((r) => ANNUAL_REPORT_ROLES.includes(r))}>
          <A href="/reports/annual">{t('nav.annualReport')}</A>
        </Show>
        <Show when={props.user.roles.some((r) => r === 'admin' || r === 'publisher')}>
          <A href="/admin/import">{t('nav.import')}</A>
          <A href="/channel-proofs">{t('nav.channelProofs')}</A>
        </Show>
        {/* The admin tools live behind one entry, with their own bar on admin pages. */}
        <Show when={props.user.roles.includes('admin')}>
          <A href="/admin" data-testid="nav-admin">
            {t('nav.admin')}
          </A>
        </Show>
        {/* Server-rendered pages: a full page load, not a client route. */}
        <a href={appUrl('/public')} rel="external">
          {t('nav.catalog')}
        </a>
      </nav>
      <Show when={props.user.roles.includes('admin') && onAdminPage()}>
        <AdminToolbar />
      </Show>
    </header>
  );
}

