/**
 * One table of the annual report as the agencies print it: header cells merged across rows
 * and columns, numbers centred. Cells behind a violated identity are marked.
 */
import { For } from 'solid-js';
import type { RouterOutputs } from '../trpc';

export type ReportGrid = RouterOutputs['annualReport']['get']['grids']['zh'][number];

/** Only real spans become attributes, so the stylesheet can tell merged cells from plain ones. */
const span = (n: number | undefined) => (n && n > 1 ? n : undefined);

export function ReportGridTable(props: { grid: ReportGrid; caption: string; violated: ReadonlySet<string> }) {
  return (
    <div class="report-table-wrap">
      <table class={`report-table report-table-${props.grid.key}`} data-testid={`report-table-${props.grid.key}`}>
        <caption class="visually-hidden">{props.caption}</caption>
        <tbody>
          <For each={props.grid.rows}>
            {(row) => (
              <tr>
                <For each={row}>
                  {(cell) =>
                    cell.ref ? (
                      <td colSpan={span(cell.colSpan)} rowSpan={span(cell.rowSpan)} class="num" classList={{ violated: props.violated.has(cell.ref) }} data-ref={cell.ref}>
                        {cell.text}
                      </td>
                    ) : (
                      <th colSpan={span(cell.colSpan)} rowSpan={span(cell.rowSpan)} scope={(cell.colSpan ?? 1) > 1 && !(cell.rowSpan && cell.rowSpan > 1) ? 'colgroup' : undefined} classList={{ 'group-heading': (cell.colSpan ?? 1) === props.grid.width }}>
                        {cell.text}
                      </th>
                    )
                  }
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
