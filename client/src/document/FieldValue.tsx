/**
 * One form value as the server words it (extra fields of the drafting form, opinion forms):
 * plain text, rich text (HTML the server has sanitised with its allowlist, so it may be
 * rendered as markup), files with download links (the server checks who may download), or a
 * repeating group as a small table. `zhOnly` for the printed review sheet, which is Chinese.
 */
import { For, Match, Switch } from 'solid-js';
import { localized } from '../i18n/i18n';
import { formatSize } from '../i18n/format';
import type { DocumentView } from '../trpc';
import { DownloadLink } from '../components/DownloadLink';
import '../forms/form-fields.css';

export type FieldValueView = DocumentView['extraFields'][number];

export function FieldValue(props: { field: FieldValueView; zhOnly?: boolean }) {
  const text = (l: { zh: string; en: string }) => (props.zhOnly ? l.zh : localized(l));
  return (
    <Switch fallback={<span class="pre">{text(props.field.text)}</span>}>
      {/* Sanitised on the server (server/services/rich-text.ts) before it was stored and again before it was sent. */}
      <Match when={props.field.html !== undefined}>
        <div class="rich-text" innerHTML={props.field.html} />
      </Match>
      <Match when={props.field.files}>
        {(files) => (
          <ul class="attachments">
            <For each={files()}>
              {(file) => (
                <li>
                  <DownloadLink path={`/api/form-files/${encodeURIComponent(file.id)}`} name={file.name} />
                  <span class="muted small">{formatSize(file.size)}</span>
                </li>
              )}
            </For>
          </ul>
        )}
      </Match>
      <Match when={props.field.table}>
        {(table) => (
          <table class="group-table group-table-view">
            <thead>
              <tr>
                <For each={table().columns}>{(c) => <th scope="col">{text(c)}</th>}</For>
              </tr>
            </thead>
            <tbody>
              <For each={table().rows}>
                {(row) => (
                  <tr>
                    <For each={row}>{(cell) => <td>{text(cell)}</td>}</For>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        )}
      </Match>
    </Switch>
  );
}
