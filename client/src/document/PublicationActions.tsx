/** The publisher's moves: 发布 at the publication step, 撤稿 (with a reason) once published. */
import { createSignal, Show } from 'solid-js';
import { trpc, type DocumentView } from '../trpc';
import { t } from '../i18n/i18n';
import type { DocumentActions } from './document-actions';

export function PublicationActions(props: { doc: DocumentView; actions: DocumentActions }) {
  const [reason, setReason] = createSignal('');
  const busy = () => !!props.actions.busy();
  const publish = () =>
    props.actions.run(t('action.publish'), (to) => trpc.publication.publish.mutate({ ...to, taskId: props.doc.openTask?.id ?? '' }));
  const withdraw = async () => {
    if (!reason().trim()) {
      props.actions.refuse(t('action.withdrawReasonRequired'));
      return;
    }
    if (await props.actions.run(t('action.withdraw'), (to) => trpc.publication.withdraw.mutate({ ...to, reason: reason() }))) setReason('');
  };
  return (
    <>
      <Show when={props.doc.can.publish}>
        <div class="action-group">
          <button type="button" class="button button-primary" data-testid="publish" disabled={busy()} onClick={publish}>
            {t('action.publish')}
          </button>
          <p class="muted small">{t('action.publishHint')}</p>
        </div>
      </Show>
      <Show when={props.doc.can.withdrawPublication}>
        <div class="action-group">
          <label for="withdraw-reason">{t('action.withdrawReason')}</label>
          <textarea
            id="withdraw-reason"
            data-testid="withdraw-reason"
            rows={3}
            value={reason()}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
          <div class="buttons">
            <button type="button" class="button button-danger" data-testid="withdraw" disabled={busy()} onClick={withdraw}>
              {t('action.withdraw')}
            </button>
          </div>
          <p class="muted small">{t('action.withdrawHint')}</p>
        </div>
      </Show>
    </>
  );
}
