/**
 * An annual-report table on the public page, as a real HTML table: a caption, the header
 * rows in <thead>, row labels as row headers, numbers right-aligned. Spans are kept as the
 * agencies print them. On a phone the table scrolls sideways inside its own box (focusable,
 * so it scrolls from the keyboard too) instead of squeezing every label to one character.
 */
import { html, raw } from 'hono/html';
import { fragment, type HtmlFragment } from './layout';
import type { Grid, GridCell } from '../../report/report-grid';

export interface PublicReportTable {
  caption: string;
  grid: Grid;
}

/** colspan/rowspan attributes for real spans only; the values are numbers, so raw is safe. */
function spans(cell: GridCell): HtmlFragment {
  const parts = [(cell.colSpan ?? 1) > 1 ? ` colspan="${Math.trunc(cell.colSpan!)}"` : '', (cell.rowSpan ?? 1) > 1 ? ` rowspan="${Math.trunc(cell.rowSpan!)}"` : ''];
  return raw(parts.join(''));
}
const isHeaderRow = (row: GridCell[]) => row.every((c) => !c.ref);

function headerCell(cell: GridCell, grid: Grid, inDataRow: boolean): HtmlFragment {
  const scope = inDataRow ? ((cell.rowSpan ?? 1) > 1 ? 'rowgroup' : 'row') : (cell.colSpan ?? 1) > 1 ? 'colgroup' : 'col';
  const kind = inDataRow ? 'row-label' : (cell.colSpan ?? 1) === grid.width ? 'group-heading' : 'col-heading';
  return fragment(html`<th scope="${scope}" class="${kind}"${spans(cell)}>${cell.text}</th>`);
}

function renderRow(row: GridCell[], grid: Grid): HtmlFragment {
  const dataRow = !isHeaderRow(row);
  return fragment(html`<tr>${row.map((cell) =>
    cell.ref
      ? html`<td class="num" data-ref="${cell.ref}"${spans(cell)}>${cell.text}</td>`
      : headerCell(cell, grid, dataRow),
  )}</tr>`);
}

/**
 * Leading header rows form the <thead>; a header row after data rows (the next block of the
 * Article 20 table) opens a new <tbody>, so each block keeps its own column headings.
 */
function bodies(grid: Grid): { head: GridCell[][]; bodies: GridCell[][][] } {
  let first = grid.rows.findIndex((r) => !isHeaderRow(r));
  if (first < 0) first = grid.rows.length;
  const out: GridCell[][][] = [];
  grid.rows.slice(first).forEach((row, i, rows) => {
    if (i === 0 || (isHeaderRow(row) && !isHeaderRow(rows[i - 1]!))) out.push([]);
    out[out.length - 1]!.push(row);
  });
  return { head: grid.rows.slice(0, first), bodies: out };
}

/**
 * @example renderReportTable({ caption: '收到和处理政府信息公开申请情况', grid }, 2)
 * // <figure class="report-table-figure"><div … tabindex="0"><table><caption>表2　收到和处理…
 */
export function renderReportTable(table: PublicReportTable, number: number): HtmlFragment {
  const { head, bodies: groups } = bodies(table.grid);
  const id = `report-table-${table.grid.key}`;
  return fragment(html`<p class="report-table-hint" aria-hidden="true">表格较宽，可左右滑动查看</p>
<div class="report-table-scroll" role="region" aria-labelledby="${id}-caption" tabindex="0">
  <table class="report-table report-table-${table.grid.key}" id="${id}">
    <caption id="${id}-caption">表${number}　${table.caption}</caption>
    ${head.length ? html`<thead>${head.map((r) => renderRow(r, table.grid))}</thead>` : ''}
    ${groups.map((rows) => html`<tbody>${rows.map((r) => renderRow(r, table.grid))}</tbody>`)}
  </table>
</div>`);
}
