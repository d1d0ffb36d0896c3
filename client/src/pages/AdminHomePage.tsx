import { For } from 'solid-js';
import { A } from '@solidjs/router';
import { t } from '../i18n/i18n';
import { ADMIN_TOOLS } from '../admin/admin-tools';

/** 系统管理: what each admin tool is for, so a new administrator finds the right one. */
export function AdminHomePage() {
  return (
    <section class="page">
      <h1>{t('nav.admin')}</h1>
      <p class="muted">{t('admin.intro')}</p>
      <ul class="tool-grid">
        <For each={ADMIN_TOOLS}>
          {(tool) => (
            <li class="card tool-card">
              <A href={tool.href} class="tool-name">
                {t(tool.label)}
              </A>
              <p class="muted small">{t(tool.description)}</p>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
