/** The reply letter (答复告知书): editable while a draft, then a read-only preview with who drafted and reviewed it. */
import { createSignal, Show } from 'solid-js';
import { trpc, type RouterOutputs } from '../trpc';
import { t, tKnown } from '../i18n/i18n';
import { formatIsoDate } from '../i18n/format';
import { errorMessage } from '../errors';
import { deliveryMethodLabel } from './request-labels';

type Letter = NonNullable<RouterOutputs['requests']['get']['letter']>;

export function ReplyLetterEditor(props: { requestId: string; version: number; letter: Letter; canEdit: boolean; onSaved: () => Promise<unknown> }) {
  const [title, setTitle] = createSignal(props.letter.title);
  const [body, setBody] = createSignal(props.letter.body);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const editable = () => props.canEdit && props.letter.status === 'draft';
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await trpc.requests.editLetter.mutate({ requestId: props.requestId, expectedVersion: props.version, title: title(), body: body() });
      await props.onSaved();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card reply-letter" data-testid="reply-letter">
      <h2>
        {t('requests.letter')} <span class="badge">{tKnown('requests.letterStatus', props.letter.status)}</span>
      </h2>
      <p class="muted small">
        {t('requests.letterMeta', { drafter: props.letter.draftedByName ?? '—', reviewer: props.letter.reviewedByName ?? '—' })}
        <Show when={props.letter.sentOn}>
          {' · '}
          {t('requests.letterSent', { date: formatIsoDate(props.letter.sentOn), method: deliveryMethodLabel(props.letter.deliveryMethod) })}
        </Show>
      </p>
      <Show when={error()}>
        <p class="notice notice-error" role="alert">{error()}</p>
      </Show>
      <Show when={editable()}>
        <label class="field">
          <span>{t('requests.letterTitle')}</span>
          <input value={title()} onInput={(e) => setTitle(e.currentTarget.value)} data-testid="letter-title" />
        </label>
        <label class="field">
          <span>{t('requests.letterBody')}</span>
          <textarea class="textarea-long" rows={12} value={body()} onInput={(e) => setBody(e.currentTarget.value)} data-testid="letter-body" />
        </label>
        <div class="form-actions">
          <button type="button" class="button" disabled={busy()} onClick={save} data-testid="letter-save">{t('requests.letterSave')}</button>
        </div>
        <h3>{t('requests.preview')}</h3>
      </Show>
      <article class="letter-preview" data-testid="letter-preview">
        <h3 class="letter-title">{editable() ? title() : props.letter.title}</h3>
        <div class="pre">{editable() ? body() : props.letter.body}</div>
      </article>
    </section>
  );
}
