/** A list row's first cell: the document's title linking to its page, its 发文字号 beneath when it has one. */
import { Show } from 'solid-js';
import { A } from '@solidjs/router';

export function DocumentTitleCell(props: { documentId: string; title: string; docNumber: string | null | undefined }) {
  return (
    <td class="cell-title">
      <A href={`/documents/${props.documentId}`}>{props.title}</A>
      <Show when={props.docNumber}>
        <span class="sub">{props.docNumber}</span>
      </Show>
    </td>
  );
}
