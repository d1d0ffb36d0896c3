/**
 * 疑似未脱敏个人信息: what the server's scan found in the text the public would see.
 * Shown masked, so the warning itself does not spread the number further. The secrecy
 * reviewer holding the task masks a hit in one click or keeps it with a written reason;
 * the server refuses approval and publication while any hit is neither.
 */
import { createSignal, For, Show } from 'solid-js';
import { t, tKnown } from '../i18n/i18n';
import { trpc, type DocumentView } from '../trpc';
import { createDocumentActions, type DocumentActions } from './document-actions';

type Hit = DocumentView['privacyHits'][number];

function HitRow(props: { hit: Hit; canResolve: boolean; actions: DocumentActions }) {
  const [note, setNote] = createSignal('');
  const mask = () => props.actions.run(t('privacy.mask'), (target) => trpc.review.maskPrivacy.mutate({ ...target, start: props.hit.start, text: props.hit.text }));
  const justify = () => {
    if (!note().trim()) return props.actions.refuse(t('privacy.noteRequired'));
    return props.actions.run(t('privacy.keep'), (target) => trpc.review.justifyPrivacy.mutate({ ...target, start: props.hit.start, text: props.hit.text, note: note().trim() }));
  };
  return (
    <li data-testid="privacy-hit">
      <strong>{tKnown('privacy', props.hit.kind)}</strong> <span class="mono">{props.hit.masked}</span>{' '}
      <span class="muted small">{t('doc.privacyAt', { n: props.hit.start + 1 })}</span>
      <Show when={props.hit.justification}>
        {(why) => <span class="badge badge-muted">{t('privacy.kept', { note: why() })}</span>}
      </Show>
      <Show when={props.canResolve && !props.hit.justification}>
        <div class="privacy-actions">
          <button type="button" class="button button-small" data-testid="privacy-mask" disabled={Boolean(props.actions.busy())} onClick={mask}>
            {t('privacy.mask')}
          </button>
          <input type="text" data-testid="privacy-note" placeholder={t('privacy.notePlaceholder')} value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
          <button type="button" class="button button-small" data-testid="privacy-keep" disabled={Boolean(props.actions.busy())} onClick={justify}>
            {t('privacy.keep')}
          </button>
        </div>
      </Show>
    </li>
  );
}

export function PrivacyWarning(props: { doc: DocumentView; reload: () => unknown }) {
  const actions = createDocumentActions(() => props.doc, props.reload);
  const unresolved = () => props.doc.privacyHits.filter((h) => !h.justification).length;
  return (
    <Show when={props.doc.privacyHits.length > 0}>
      <section class="notice notice-warning privacy" data-testid="privacy-hits" role="note">
        <h2>{t('doc.privacyTitle')}</h2>
        <ul>
          <For each={props.doc.privacyHits}>{(hit) => <HitRow hit={hit} canResolve={props.doc.can.resolvePrivacy} actions={actions} />}</For>
        </ul>
        <Show when={actions.error()}>
          <p class="field-error" role="alert" data-testid="privacy-error">{actions.error()}</p>
        </Show>
        <p class="small">{unresolved() > 0 ? t('doc.privacyHint') : t('privacy.allResolved')}</p>
      </section>
    </Show>
  );
}
