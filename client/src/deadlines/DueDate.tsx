/** A due date as the board and the inbox show it: the CST day, 「暂定」 when provisional, and the 临期/超期 badge. */
import { Show } from 'solid-js';
import { t, tKnown } from '../i18n/i18n';
import { formatIsoDate } from '../i18n/format';

export function DueDate(props: { date: string | null; provisional?: boolean }) {
  return (
    <Show when={props.date} fallback={<span class="muted">—</span>}>
      {(date) => (
        <span class="due-date">
          <time datetime={date()}>{formatIsoDate(date())}</time>
          <Show when={props.provisional}>
            <span class="provisional" data-testid="due-provisional" title={t('deadline.provisionalHint')}>
              {t('deadline.provisional')}
            </span>
          </Show>
        </span>
      )}
    </Show>
  );
}

export function DeadlineBadge(props: { state: string }) {
  return (
    <span class={`badge badge-deadline-${props.state}`} data-testid="deadline-state">
      {tKnown('deadline.state', props.state)}
    </span>
  );
}
