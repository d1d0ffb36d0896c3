/**
 * Upload goes outside tRPC: multipart POST of field `file`. The server answers errors as
 * JSON `{ error: { message } }`, which is shown as it is worded.
 */
import { createSignal, Show } from 'solid-js';
import { t } from '../i18n/i18n';
import { appUrl } from '../mount';
import { uploadRefusal } from '../upload-refusal';

export function AttachmentUpload(props: { documentId: string; onUploaded: () => unknown }) {
  const [error, setError] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  let input!: HTMLInputElement;

  const upload = async (event: SubmitEvent) => {
    event.preventDefault();
    setError('');
    const file = input.files?.[0];
    if (!file) {
      setError(t('doc.chooseFile'));
      return;
    }
    const body = new FormData();
    body.append('file', file);
    setBusy(true);
    try {
      const response = await fetch(appUrl(`/api/documents/${encodeURIComponent(props.documentId)}/attachments`), {
        method: 'POST',
        body,
        credentials: 'same-origin',
      });
      if (!response.ok) {
        setError(await uploadRefusal(response));
        return;
      }
      input.value = '';
      await props.onUploaded();
    } catch {
      setError(t('error.network'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="upload" onSubmit={upload}>
      <input type="file" name="file" ref={input} aria-label={t('doc.uploadFile')} data-testid="attachment-file" />
      <button type="submit" class="button" data-testid="upload-attachment" disabled={busy()}>
        {busy() ? t('doc.uploading') : t('doc.upload')}
      </button>
      <p class="muted small">{t('doc.uploadHint')}</p>
      <Show when={error()}>
        <p class="field-error" role="alert" data-testid="upload-error">
          {error()}
        </p>
      </Show>
    </form>
  );
}
