/**
 * What this user may do with this document now. Driven only by the server's `can` map:
 * the client never works out permissions itself.
 */
import { Show } from 'solid-js';
import { localized, t } from '../i18n/i18n';
import type { DocumentView } from '../trpc';
import { createDocumentActions } from './document-actions';
import { DrafterActions } from './DrafterActions';
import { ReviewActions } from './ReviewActions';
import { PublicationActions } from './PublicationActions';

export function ActionPanel(props: { doc: () => DocumentView; reload: () => unknown }) {
  const actions = createDocumentActions(props.doc, props.reload);
  const anything = () => {
    const can = props.doc().can;
    return can.edit || can.submit || can.recall || can.approve || can.return || can.reject || can.transfer || can.addSigner || can.publish || can.withdrawPublication;
  };
  return (
    <section class="card action-panel" aria-labelledby="action-panel-title">
      <h2 id="action-panel-title">
        {t('action.panel')}
        <Show when={props.doc().openTask}>
          <span class="muted small"> · {localized(props.doc().currentStep.name)}</span>
        </Show>
      </h2>
      <Show when={actions.error()}>
        <p class="notice notice-error" role="alert" data-testid="action-error">
          {actions.error()}
        </p>
      </Show>
      <Show when={actions.done()}>
        <p class="notice notice-success" role="status" data-testid="action-done">
          {actions.done()}
        </p>
      </Show>
      <Show when={anything()} fallback={<p class="muted">{t('action.none')}</p>}>
        <DrafterActions doc={props.doc()} actions={actions} />
        {/* At the publication step 发布 is the expected move; returning is the exception. */}
        <PublicationActions doc={props.doc()} actions={actions} />
        <ReviewActions doc={props.doc()} actions={actions} />
      </Show>
      <Show when={actions.busy()}>
        <p class="muted small" role="status">
          {t('action.working')}
        </p>
      </Show>
    </section>
  );
}
