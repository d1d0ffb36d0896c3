import { Show } from 'solid-js';
import { t } from '../i18n/i18n';

/** A failed load, in the server's words, with a way to try again. */
export function ErrorNotice(props: { message: string; onRetry?: () => void }) {
  return (
    <div class="notice notice-error" role="alert">
      <span>{props.message}</span>
      <Show when={props.onRetry}>
        {(retry) => (
          <button type="button" class="button button-small" onClick={() => retry()()}>
            {t('common.retry')}
          </button>
        )}
      </Show>
    </div>
  );
}
