import { For } from 'solid-js';
import { A } from '@solidjs/router';
import { t } from '../i18n/i18n';
import { ADMIN_TOOLS } from './admin-tools';

/** The second row of the header on admin pages: every tool one click away. */
export function AdminToolbar() {
  return (
    <nav class="admin-nav" aria-label={t('nav.admin')}>
      <A href="/admin" end>
        {t('admin.home')}
      </A>
      <For each={ADMIN_TOOLS}>{(tool) => <A href={tool.href}>{t(tool.label)}</A>}</For>
    </nav>
  );
}
