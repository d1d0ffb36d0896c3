import { For, Show } from 'solid-js';
import { t } from '../i18n/i18n';
import { formatSize } from '../i18n/format';
import type { DocumentView } from '../trpc';
import { AttachmentUpload } from './AttachmentUpload';
import { DownloadLink } from '../components/DownloadLink';

export function AttachmentList(props: { doc: DocumentView; onUploaded: () => unknown }) {
  return (
    <section class="card">
      <h2>{t('doc.attachments')}</h2>
      <Show when={props.doc.attachments.length > 0} fallback={<p class="muted">{t('doc.attachmentsEmpty')}</p>}>
        <ul class="attachments">
          <For each={props.doc.attachments}>
            {(file) => (
              <li>
                <DownloadLink path={`/api/attachments/${encodeURIComponent(file.id)}`} name={file.name} />
                <span class="muted small">{formatSize(file.size)}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.doc.can.uploadAttachment}>
        <AttachmentUpload documentId={props.doc.id} onUploaded={props.onUploaded} />
      </Show>
    </section>
  );
}
