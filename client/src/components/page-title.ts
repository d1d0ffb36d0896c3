import { createEffect } from 'solid-js';
import { t } from '../i18n/i18n';

/** Sets the browser tab title, e.g. 我的待办 - 审发, following the language. */
export function usePageTitle(title: () => string): void {
  createEffect(() => {
    const page = title();
    document.title = page ? `${page} - ${t('app.name')}` : t('app.name');
  });
}
