/**
 * 线下发布凭证 on a published document, for the disclosure office and admins: each offline
 * channel the document lists (公告栏, 广播电视报纸…) with the proofs kept for it, and a form to
 * upload a photo or scan with the channel and the day it went out.
 */
import { createResource, createSignal, For, Show } from 'solid-js';
import { trpc, type DocumentView } from '../trpc';
import { t, localized } from '../i18n/i18n';
import { formatIsoDate, formatSize } from '../i18n/format';
import { useSession } from '../session/SessionProvider';
import { cstToday, proofUrl, uploadProof } from './proof-upload';

const PROOF_ROLES = ['publisher', 'admin'];

export function ChannelProofsPanel(props: { doc: () => DocumentView }) {
  const session = useSession();
  const wanted = () => props.doc().status === 'published' && (session.user()?.roles.some((r) => PROOF_ROLES.includes(r)) ?? false) ? props.doc().id : undefined;
  const [data, { refetch }] = createResource(wanted, (documentId) => trpc.channelProofs.forDocument.query({ documentId }));
  return (
    <Show when={data()?.offlineChannels.length ? data() : undefined}>
      {(d) => (
        <section class="card proofs-panel" aria-labelledby="proofs-title" data-testid="proofs-panel">
          <h2 id="proofs-title">{t('proofs.title')}</h2>
          <p class="muted small">{t('proofs.hint')}</p>
          <ul class="proof-channels">
            <For each={d().offlineChannels}>
              {(channel) => {
                const proofs = () => d().proofs.filter((p) => p.channel === channel.key);
                return (
                  <li data-testid={`proof-channel-${channel.key}`}>
                    <strong>{localized(channel.label)}</strong>
                    <Show when={proofs().length > 0} fallback={<span class="tag tag-warning">{t('proofs.missing')}</span>}>
                      <ul class="proof-list">
                        <For each={proofs()}>
                          {(p) => (
                            <li data-testid="proof-item">
                              <a href={proofUrl(p.id)} target="_blank" rel="noopener">{p.name}</a>
                              <span class="muted small"> · {formatIsoDate(p.publishedOn)} · {formatSize(p.size)} · {t('proofs.uploadedBy', { name: p.uploaderName })}</span>
                              <Show when={p.note}>
                                <span class="small proof-note">{p.note}</span>
                              </Show>
                            </li>
                          )}
                        </For>
                      </ul>
                    </Show>
                  </li>
                );
              }}
            </For>
          </ul>
          <ProofForm documentId={props.doc().id} channels={d().offlineChannels} minDate={d().publishedOn} onUploaded={refetch} />
        </section>
      )}
    </Show>
  );
}

function ProofForm(props: { documentId: string; channels: { key: string; label: { zh: string; en: string } }[]; minDate: string; onUploaded: () => unknown }) {
  const [error, setError] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  let form!: HTMLFormElement;
  let fileInput!: HTMLInputElement;
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setError('');
    const data = new FormData(form);
    const file = fileInput.files?.[0];
    if (!file) return setError(t('proofs.chooseFile'));
    setBusy(true);
    const problem = await uploadProof(props.documentId, { channel: String(data.get('channel') ?? ''), publishedOn: String(data.get('publishedOn') ?? ''), note: String(data.get('note') ?? ''), file });
    setBusy(false);
    if (problem) return setError(problem);
    fileInput.value = '';
    (form.elements.namedItem('note') as HTMLInputElement).value = '';
    await props.onUploaded();
  };
  return (
    <form class="proof-form" ref={form} onSubmit={submit} data-testid="proof-form">
      <label>
        <span>{t('proofs.channel')}</span>
        <select name="channel" data-testid="proof-channel">
          <For each={props.channels}>{(c) => <option value={c.key}>{localized(c.label)}</option>}</For>
        </select>
      </label>
      <label>
        <span>{t('proofs.publishedOn')}</span>
        <input type="date" name="publishedOn" value={cstToday()} min={props.minDate} max={cstToday()} required data-testid="proof-date" />
      </label>
      <label class="wide">
        <span>{t('proofs.note')}</span>
        <input type="text" name="note" maxLength={500} data-testid="proof-note" />
      </label>
      <label class="wide">
        <span>{t('proofs.file')}</span>
        <input type="file" name="file" accept="image/jpeg,image/png,application/pdf" ref={fileInput} data-testid="proof-file" />
      </label>
      <button type="submit" class="button" disabled={busy()} data-testid="proof-upload">
        {busy() ? t('proofs.uploading') : t('proofs.upload')}
      </button>
      <Show when={error()}>
        <p class="field-error" role="alert" data-testid="proof-error">{error()}</p>
      </Show>
    </form>
  );
}
