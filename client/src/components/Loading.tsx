import { t } from '../i18n/i18n';

export function Loading() {
  return (
    <p class="muted loading" role="status">
      {t('common.loading')}
    </p>
  );
}
