/** The identities that do not hold, each with the records that break it (requests link to their page). */
import { For, Show } from 'solid-js';
import { A } from '@solidjs/router';
import { t, tKnown } from '../i18n/i18n';
import type { RouterOutputs } from '../trpc';

type Violation = RouterOutputs['annualReport']['get']['violations'][number];

export function ViolationList(props: { violations: Violation[]; rowLabel: (row: string) => string; columnLabel: (column: string) => string }) {
  return (
    <section class="card report-violations" data-testid="report-violations" role="alert">
      <h2>{t('report.violations', { n: props.violations.length })}</h2>
      <p class="muted">{t('report.violationsHint')}</p>
      <ol>
        <For each={props.violations}>
          {(v) => (
            <li>
              <strong>{tKnown('report.identity', v.kind)}</strong>
              <span>{t('report.violationCell', { row: props.rowLabel(v.row), column: props.columnLabel(v.column), expected: v.expected, actual: v.actual })}</span>
              <Show when={v.causes.length > 0}>
                <span class="violation-causes">
                  {t('report.causes')}
                  <For each={v.causes}>
                    {(c) => (v.table === 'requests' ? <A href={`/requests/${c.id}`} data-testid="violation-cause">{c.label}</A> : <span data-testid="violation-cause">{c.label}</span>)}
                  </For>
                </span>
              </Show>
            </li>
          )}
        </For>
      </ol>
    </section>
  );
}
