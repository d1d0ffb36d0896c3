import { A } from '@solidjs/router';
import { t } from '../i18n/i18n';

export function NotFoundPage() {
  return (
    <section class="card narrow">
      <h1>{t('notFound.title')}</h1>
      <p>
        <A href="/">{t('notFound.back')}</A>
      </p>
    </section>
  );
}
