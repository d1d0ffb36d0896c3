/** 已调整的日期: every day the admin set apart from the holiday package, in date order. */
import { Show } from 'solid-js';
import { trpc, type CalendarSettings } from '../trpc';
import { t, tKnown } from '../i18n/i18n';
import { formatIsoDate } from '../i18n/format';
import { ListTable } from '../components/ListTable';
import type { CalendarActions } from './calendar-actions';

export function OverrideTable(props: { settings: CalendarSettings; actions: CalendarActions }) {
  const restore = (date: string) =>
    props.actions.run(t('calendar.daySaved', { date: formatIsoDate(date, true), kind: t('calendar.kind.default') }), () =>
      trpc.deadlines.setDay.mutate({ date, kind: 'default', note: '' }),
    );
  return (
    <section class="card" data-testid="calendar-overrides">
      <h2>{t('calendar.overrides')}</h2>
      <Show when={props.settings.overrides.length > 0} fallback={<p class="muted">{t('calendar.overridesEmpty')}</p>}>
        <ListTable class="override-table" columns={[t('calendar.date'), t('calendar.kind'), t('calendar.note')]} actions rows={props.settings.overrides}>
          {(o) => (
            <tr data-testid="calendar-override-row">
              <td class="cell-title nowrap">{formatIsoDate(o.date, true)}</td>
              <td data-label={t('calendar.kind')}>
                <span class={`badge badge-day-${o.kind}`}>{tKnown('calendar.kind', o.kind)}</span>
              </td>
              <td data-label={t('calendar.note')}>{o.note || '—'}</td>
              <td class="cell-actions">
                <button type="button" class="link-button" data-testid="calendar-restore" disabled={props.actions.busy()} onClick={() => restore(o.date)}>
                  {t('calendar.restore')}
                </button>
              </td>
            </tr>
          )}
        </ListTable>
      </Show>
    </section>
  );
}
