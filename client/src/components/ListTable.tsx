/**
 * The table the staff app's lists share (`list-table`): a header row of column labels over one
 * row per item. One component so every list gets the same markup, which the shared CSS (and
 * its narrow-screen layout, keyed on `data-label`) relies on; each caller still renders its
 * own `<tr>`, since rows differ (some hold inputs with their own state).
 */
import { For, Show, type Accessor, type JSX } from 'solid-js';

export function ListTable<T>(props: {
  /** Header labels, in column order. */
  columns: readonly string[];
  /** Adds a last, unlabelled header cell over the rows' buttons. */
  actions?: boolean;
  rows: readonly T[];
  /** Extra classes after `list-table`. */
  class?: string;
  testId?: string;
  children: (row: T, index: Accessor<number>) => JSX.Element;
}) {
  return (
    <table class={props.class ? `list-table ${props.class}` : 'list-table'} data-testid={props.testId}>
      <thead>
        <tr>
          <For each={props.columns}>{(label) => <th>{label}</th>}</For>
          <Show when={props.actions}>
            <th />
          </Show>
        </tr>
      </thead>
      <tbody>
        <For each={props.rows}>{props.children}</For>
      </tbody>
    </table>
  );
}
