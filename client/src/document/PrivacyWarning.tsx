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

const CONTEXT_BEFORE = 12;
const CONTEXT_AFTER = 8;

/** The words around a hit, so the reviewer finds it in the body; every hit in them shown masked (masks keep the length). */
function contextOf(body: string, hits: readonly Hit[], hit: Hit): { before: string; after: string } {
  let masked = body;
  for (const h of hits) masked = masked.slice(0, h.start) + h.masked + masked.slice(h.end);
  const from = Math.max(0, hit.start - CONTEXT_BEFORE);
  const to = Math.min(masked.length, hit.end + CONTEXT_AFTER);
  const oneLine = (text: string) => text.replace(/\s+/g, ' ');
  return {
    before: (from > 0 ? '…' : '') + oneLine(masked.slice(from, hit.start)),
    after: oneLine(masked.slice(hit.end, to)) + (to < masked.length ? '…' : ''),
  };
}

function HitRow(props: { hit: Hit; body: string; hits: readonly Hit[]; canResolve: boolean; actions: DocumentActions }) {
  const [note, setNote] = createSignal('');
  const context = () => contextOf(props.body, props.hits, props.hit);
  const mask = () => props.actions.run(t('privacy.mask'), (target) => trpc.review.maskPrivacy.mutate({ ...target, start: props.hit.start, text: props.hit.text }));
  const justify = () => {
    if (!note().trim()) return props.actions.refuse(t('privacy.noteRequired'));
    return props.actions.run(t('privacy.keep'), (target) => trpc.review.justifyPrivacy.mutate({ ...target, start: props.hit.start, text: props.hit.text, note: note().trim() }));
  };
  return (
    <li data-testid="privacy-hit">
      <strong>{tKnown('privacy', props.hit.kind)}</strong> <span class="mono">{props.hit.masked}</span>{' '}
      <span class="privacy-context small" title={t('doc.privacyAt', { n: props.hit.start + 1 })}>
        {context().before}
        <mark>{props.hit.masked}</mark>
        {context().after}
      </span>
      <Show when={props.hit.justification}>
        {(why) => <span class="badge badge-muted">{t('privacy.kept', { note: why() })}</span>}
      </Show>
      <Show when={props.canResolve && !props.hit.justification}>
        <div class="privacy-actions">
          <button type="button" class="button button-small" data-testid="privacy-mask" disabled={Boolean(props.actions.busy())} onClick={mask}>
            {t('privacy.mask')}
          </button>
          <span class="muted small">{t('privacy.or')}</span>
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
          <For each={props.doc.privacyHits}>{(hit) => <HitRow hit={hit} body={props.doc.body} hits={props.doc.privacyHits} canResolve={props.doc.can.resolvePrivacy} actions={actions} />}</For>
        </ul>
        <Show when={actions.error()}>
          <p class="field-error" role="alert" data-testid="privacy-error">{actions.error()}</p>
        </Show>
        <p class="small">{unresolved() > 0 ? t('doc.privacyHint') : t('privacy.allResolved')}</p>
      </section>
    </Show>
  );
}
