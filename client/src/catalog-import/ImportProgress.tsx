import { Show } from 'solid-js';
import type { trpc } from '../trpc';
import { t } from '../i18n/i18n';
import { appUrl } from '../mount';

export type JobView = Awaited<ReturnType<typeof trpc.catalogImport.status.query>>;

/** The server's progress as a bar (reading and checking the file again, then writing the rows); then the result. */
export function ImportProgress(props: { job: JobView }) {
  // A failed run stops where it was; 100% only once everything is written.
  const percent = () => (props.job.phase === 'done' ? 100 : Math.min(99, Math.floor(props.job.share * 100)));
  const label = () => {
    const j = props.job;
    if (j.phase === 'validating' || j.phase === 'uploaded') return t('import.phaseValidating', { n: j.done });
    if (j.phase === 'writing') return t('import.phaseWriting', { done: j.done, total: j.total });
    if (j.phase === 'done') return t('import.phaseDone');
    return t('import.phaseFailed');
  };
  return (
    <div class="import-progress">
      <label for="import-progress-bar">{label()}</label>
      <progress id="import-progress-bar" data-testid="import-progress-bar" max="100" value={percent()} aria-valuetext={`${percent()}%`} />
      <span class="import-percent">{percent()}%</span>
      <Show when={props.job.phase === 'done' && props.job.result}>
        {(r) => (
          <p class="notice notice-success" data-testid="import-result">
            {t('import.result', { n: r().imported, first: r().firstIndexNumber ?? '', last: r().lastIndexNumber ?? '' })}{' '}
            <a href={appUrl('/public')} rel="external">{t('import.viewCatalog')}</a>
          </p>
        )}
      </Show>
      <Show when={props.job.phase === 'failed'}>
        <p class="notice notice-error" role="alert" data-testid="import-failed">{props.job.error}</p>
      </Show>
    </div>
  );
}
