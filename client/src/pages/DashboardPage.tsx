/**
 * /dashboard — 统计概览 for leaders and the disclosure office: where documents stand, what
 * is late by section, publications per month, requests by status and how long each review
 * step takes. The filters live in the URL, so a view can be bookmarked or sent on.
 */
import { createResource, For } from 'solid-js';
import { useSearchParams } from '@solidjs/router';
import { trpc } from '../trpc';
import { t } from '../i18n/i18n';
import { AsyncView } from '../components/AsyncView';
import { usePageTitle } from '../components/page-title';
import { BarChart } from '../dashboard/BarChart';
import { statusLabel } from '../requests/request-labels';

const COLORS = { primary: '#1f5296', overdue: '#b42318', soon: '#d68a00', ok: '#2e7d32', muted: '#7a8699' };

function defaultRange(): { from: string; to: string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

export function DashboardPage() {
  usePageTitle(() => t('dashboard.title'));
  const [params, setParams] = useSearchParams<{ from?: string; to?: string; dept?: string }>();
  const range = defaultRange();
  const filter = () => ({ from: params.from || range.from, to: params.to || range.to, departmentId: params.dept || undefined });
  const [summary, { refetch }] = createResource(filter, (f) => trpc.dashboard.summary.query(f));
  return (
    <section class="dashboard">
      <h1>{t('dashboard.title')}</h1>
      <form class="filters dashboard-filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('dashboard.from')}
          <input type="date" data-testid="dashboard-from" value={filter().from} onChange={(e) => setParams({ from: e.currentTarget.value || undefined })} />
        </label>
        <label>
          {t('dashboard.to')}
          <input type="date" data-testid="dashboard-to" value={filter().to} onChange={(e) => setParams({ to: e.currentTarget.value || undefined })} />
        </label>
        <label>
          {t('dashboard.department')}
          <select data-testid="dashboard-department" value={params.dept ?? ''} onChange={(e) => setParams({ dept: e.currentTarget.value || undefined })}>
            <option value="">{t('dashboard.allDepartments')}</option>
            <For each={summary.latest?.departments ?? []}>
              {(d) => (
                <option value={d.id} selected={d.id === params.dept}>
                  {d.name}
                </option>
              )}
            </For>
          </select>
        </label>
      </form>
      <AsyncView resource={summary} onRetry={refetch}>
        {(s) => (
          <div class="dashboard-grid">
            <BarChart
              testId="chart-steps"
              title={t('dashboard.perStep')}
              firstColumn={t('dashboard.step')}
              emptyText={t('dashboard.none')}
              horizontal
              labels={s().documentsPerStep.map((r) => r.label)}
              series={[{ label: t('dashboard.documents'), values: s().documentsPerStep.map((r) => r.count), color: COLORS.primary }]}
            />
            <BarChart
              testId="chart-deadlines"
              title={t('dashboard.deadlines', { today: s().today })}
              firstColumn={t('dashboard.department')}
              emptyText={t('dashboard.noDeadlines')}
              horizontal
              labels={s().deadlinesByDepartment.map((r) => r.department)}
              series={[
                { label: t('dashboard.overdue'), values: s().deadlinesByDepartment.map((r) => r.overdue), color: COLORS.overdue },
                { label: t('dashboard.dueSoon'), values: s().deadlinesByDepartment.map((r) => r.dueSoon), color: COLORS.soon },
              ]}
            />
            <BarChart
              testId="chart-publications"
              title={t('dashboard.publications')}
              firstColumn={t('dashboard.month')}
              emptyText={t('dashboard.none')}
              labels={s().publicationsPerMonth.map((r) => r.month)}
              series={[{ label: t('dashboard.published'), values: s().publicationsPerMonth.map((r) => r.count), color: COLORS.ok }]}
            />
            <BarChart
              testId="chart-requests"
              title={t('dashboard.requests')}
              firstColumn={t('dashboard.status')}
              emptyText={t('dashboard.noRequests')}
              horizontal
              labels={s().requestsByStatus.map((r) => statusLabel(r.status, r.label))}
              series={[{ label: t('dashboard.count'), values: s().requestsByStatus.map((r) => r.count), color: COLORS.muted }]}
            />
            <BarChart
              testId="chart-durations"
              title={t('dashboard.durations')}
              firstColumn={t('dashboard.step')}
              emptyText={t('dashboard.none')}
              horizontal
              unit={t('dashboard.hours')}
              labels={s().stepDurations.map((r) => `${r.label}（${r.count}）`)}
              series={[
                { label: t('dashboard.median'), values: s().stepDurations.map((r) => r.medianHours), color: COLORS.primary },
                { label: t('dashboard.slowest'), values: s().stepDurations.map((r) => r.slowestHours), color: COLORS.overdue },
              ]}
            />
          </div>
        )}
      </AsyncView>
    </section>
  );
}
