/**
 * `file`: files for this field, each uploaded at once to /api/form-files (the attachment rules:
 * allowed types, 20 MB) and kept as `{ id, name }`; the saved form claims them for its
 * document. A file can be removed from the field before saving.
 */
import { createSignal, For, Show } from 'solid-js';
import type { FileRef } from '../../../../forms/index';
import { t } from '../../i18n/i18n';
import type { FieldProps } from '../field-props';
import { appUrl } from '../../mount';
import { uploadRefusal } from '../../upload-refusal';
import { DownloadLink } from '../../components/DownloadLink';

export function FileInput(props: FieldProps) {
  const [error, setError] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const files = () => (Array.isArray(props.value) ? (props.value as FileRef[]) : []);
  const max = () => props.field.rules?.max;

  const upload = async (input: HTMLInputElement) => {
    const chosen = [...(input.files ?? [])];
    input.value = '';
    setError('');
    setBusy(true);
    try {
      let list = files();
      for (const file of chosen) {
        const body = new FormData();
        body.append('file', file);
        const response = await fetch(appUrl('/api/form-files'), { method: 'POST', body, credentials: 'same-origin' });
        if (!response.ok) {
          setError(`${file.name}：${await uploadRefusal(response)}`);
          continue;
        }
        const stored = (await response.json()) as FileRef;
        list = [...list, { id: stored.id, name: stored.name }];
        props.setValue(list);
      }
    } catch {
      setError(t('error.network'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="file-field">
      <Show when={files().length}>
        <ul class="attachments">
          <For each={files()}>
            {(file) => (
              <li>
                <DownloadLink path={`/api/form-files/${encodeURIComponent(file.id)}`} name={file.name} />
                <button type="button" class="link-button" aria-label={t('file.remove', { name: file.name })} onClick={() => props.setValue(files().filter((f) => f.id !== file.id))}>
                  {t('file.removeShort')}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={max() === undefined || files().length < max()!}>
        <input
          type="file"
          id={props.id}
          data-testid={`file-${props.field.key}`}
          multiple={max() === undefined || max()! > 1}
          disabled={busy()}
          aria-invalid={props.invalid}
          aria-describedby={props.errorId}
          onChange={(e) => void upload(e.currentTarget)}
        />
      </Show>
      <p class="muted small">{busy() ? t('doc.uploading') : t('doc.uploadHint')}</p>
      <Show when={error()}>
        <p class="field-error" role="alert" data-testid="file-error">
          {error()}
        </p>
      </Show>
    </div>
  );
}
