import { Show } from 'solid-js';
import type { trpc } from '../trpc';
import { t } from '../i18n/i18n';
import { ListTable } from '../components/ListTable';

export type Report = Awaited<ReturnType<typeof trpc.catalogImport.check.mutate>>;

/** Shown errors; the rest are counted. */
const SHOWN = 100;

/** What the check found: counts, then the first errors with their row numbers and reasons. */
export function ValidationReport(props: { report: Report }) {
  return (
    <>
      <p data-testid="report-counts" class={props.report.errorCount ? 'notice notice-error' : 'notice notice-success'}>
        {props.report.errorCount
          ? t('import.reportErrors', { total: props.report.total, rows: props.report.errorRows, n: props.report.errorCount })
          : t('import.reportOk', { total: props.report.total, open: props.report.counts.open, partial: props.report.counts.partial })}
      </p>
      <Show when={props.report.errors.length > 0}>
        <ListTable testId="report-errors" columns={[t('import.row'), t('import.column'), t('import.reason')]} rows={props.report.errors.slice(0, SHOWN)}>
          {(e) => (
            <tr>
              <td>{t('import.rowNumber', { n: e.rowNumber })}</td>
              <td>{e.column}</td>
              <td>{e.message}</td>
            </tr>
          )}
        </ListTable>
        <Show when={props.report.errorCount > SHOWN}>
          <p class="muted">{t('import.moreErrors', { n: props.report.errorCount - SHOWN })}</p>
        </Show>
        <p>{t('import.fixAndRetry')}</p>
      </Show>
    </>
  );
}
