/**
 * A board row's title: a link to the document for those who may open it, plain text for
 * overseers who only see that a deadline runs (the server says which via `canView`).
 */
import { Show } from 'solid-js';
import { A } from '@solidjs/router';

export function DocumentTitleLink(props: { documentId: string; title: string; canView: boolean }) {
  return (
    <Show when={props.canView} fallback={<span>{props.title}</span>}>
      <A href={`/documents/${props.documentId}`}>{props.title}</A>
    </Show>
  );
}
