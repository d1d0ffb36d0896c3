/** The drafter's moves: edit while it is with them, submit, or recall before anyone acts. */
import { Show } from 'solid-js';
import { A } from '@solidjs/router';
import { trpc, type DocumentView } from '../trpc';
import { t } from '../i18n/i18n';
import type { DocumentActions } from './document-actions';

export function DrafterActions(props: { doc: DocumentView; actions: DocumentActions }) {
  const submit = () => props.actions.run(t('action.submit'), (target) => trpc.review.submit.mutate(target));
  const recall = () => props.actions.run(t('action.recall'), (target) => trpc.review.recall.mutate(target));
  return (
    <Show when={props.doc.can.edit || props.doc.can.submit || props.doc.can.recall}>
      <div class="action-group">
        <div class="buttons">
          <Show when={props.doc.can.submit}>
            <button type="button" class="button button-primary" data-testid="submit-document" disabled={!!props.actions.busy()} onClick={submit}>
              {t('action.submit')}
            </button>
          </Show>
          <Show when={props.doc.can.edit}>
            <A class="button" href={`/documents/${props.doc.id}/edit`} data-testid="edit-document">
              {t('action.edit')}
            </A>
          </Show>
          <Show when={props.doc.can.recall}>
            <button type="button" class="button" data-testid="recall" disabled={!!props.actions.busy()} onClick={recall}>
              {t('action.recall')}
            </button>
          </Show>
        </div>
        <Show when={props.doc.can.recall}>
          <p class="muted small">{t('action.recallHint')}</p>
        </Show>
      </div>
    </Show>
  );
}
