/**
 * /admin/calendar — 工作日历 for the admin: the years the calendar knows, days set apart
 * from the holiday package, and the forms to change either. The server allows only admins
 * and recomputes every open deadline after each change.
 */
import { createResource, Show } from 'solid-js';
import { trpc } from '../trpc';
import { t } from '../i18n/i18n';
import { AsyncView } from '../components/AsyncView';
import { usePageTitle } from '../components/page-title';
import { createCalendarActions } from '../calendar/calendar-actions';
import { YearsPanel } from '../calendar/YearsPanel';
import { DayForm } from '../calendar/DayForm';
import { OverrideTable } from '../calendar/OverrideTable';

export function CalendarAdminPage() {
  usePageTitle(() => t('calendar.title'));
  const [settings, { refetch }] = createResource(() => trpc.deadlines.calendar.query());
  const actions = createCalendarActions(refetch);
  return (
    <section class="calendar-admin">
      <h1>{t('calendar.title')}</h1>
      <p class="page-intro">{t('calendar.intro')}</p>
      <AsyncView resource={settings} onRetry={refetch}>
        {(s) => (
          <>
            <div aria-live="polite">
              <Show when={actions.error()}>
                <p class="notice notice-error" role="alert" data-testid="calendar-error">
                  {actions.error()}
                </p>
              </Show>
              <Show when={actions.done()}>
                <p class="notice notice-success" role="status" data-testid="calendar-done">
                  {actions.done()}
                </p>
              </Show>
            </div>
            <div class="calendar-layout">
              <div>
                <DayForm settings={s()} actions={actions} />
                <OverrideTable settings={s()} actions={actions} />
              </div>
              <YearsPanel settings={s()} actions={actions} />
            </div>
          </>
        )}
      </AsyncView>
    </section>
  );
}
