/**
 * /deadlines — 临期超期: review tasks, statutory disclosure clocks and (for request readers)
 * information requests that are due soon or overdue. The server decides the scope (the whole
 * bureau for 公开办, leaders and admins, one's own section otherwise) and the state; the page
 * only filters by 科室, kept in the address so a filtered board can be bookmarked or sent on.
 * Requests belong to no 科室: a 科室 filter leaves them out, of the list and of the counts.
 * Each list holds at most the server's limit of the most urgent rows (the board's cost must not
 * grow with a backlog); when one was cut, the page says its counts cover only what is listed.
 */
import { createResource, For, Show } from 'solid-js';
import { useSearchParams } from '@solidjs/router';
import { trpc, type DeadlineBoard } from '../trpc';
import { t } from '../i18n/i18n';
import { formatIsoDate } from '../i18n/format';
import { AsyncView } from '../components/AsyncView';
import { usePageTitle } from '../components/page-title';
import { TaskDeadlines } from '../deadlines/TaskDeadlines';
import { DocumentDeadlines } from '../deadlines/DocumentDeadlines';
import { RequestDeadlines } from '../requests/RequestDeadlines';
import { useSession } from '../session/SessionProvider';
import { REQUEST_READER_ROLES } from '../../../workflows/requests/request-roles';

/** Each 科室 on the board with how many rows it has, most first. */
function departmentsOf(board: DeadlineBoard): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const row of [...board.tasks, ...board.documents]) counts.set(row.departmentName, (counts.get(row.departmentName) ?? 0) + 1);
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh-CN'));
}

export function DeadlinesPage() {
  usePageTitle(() => t('deadline.title'));
  const [board, { refetch }] = createResource(() => trpc.deadlines.board.query());
  const session = useSession();
  const canReadRequests = () => session.user()?.roles.some((r) => (REQUEST_READER_ROLES as readonly string[]).includes(r)) ?? false;
  const [params, setParams] = useSearchParams<{ dept?: string }>();
  const department = () => params.dept ?? '';
  const pick = <T extends { departmentName: string }>(rows: T[]) => (department() ? rows.filter((r) => r.departmentName === department()) : rows);

  return (
    <section>
      <AsyncView resource={board} onRetry={refetch}>
        {(b) => {
          const tasks = () => pick(b().tasks);
          const documents = () => pick(b().documents);
          const requests = () => (department() ? [] : b().requests);
          const count = (state: string) => [...tasks(), ...documents(), ...requests()].filter((r) => r.state === state).length;
          const any = () => b().tasks.length + b().documents.length + b().requests.length > 0;
          return (
            <>
              <div class="page-head">
                <div>
                  <h1>{t('deadline.title')}</h1>
                  <p class="muted small page-sub">
                    {t('deadline.asOf', { date: formatIsoDate(b().today, true) })} · {t('deadline.legend')}
                  </p>
                </div>
                <Show when={b().tasks.length + b().documents.length > 0}>
                  <label class="inline-field">
                    <span>{t('deadline.department')}</span>
                    <select data-testid="deadline-department" value={department()} onChange={(e) => setParams({ dept: e.currentTarget.value || undefined })}>
                      <option value="">{t('deadline.allDepartments')}</option>
                      <For each={departmentsOf(b())}>
                        {(d) => (
                          <option value={d.name} selected={d.name === department()}>
                            {d.name}（{d.count}）
                          </option>
                        )}
                      </For>
                    </select>
                  </label>
                </Show>
              </div>
              <Show when={any()} fallback={<p class="empty" data-testid="deadline-empty">{t('deadline.empty')}</p>}>
                <p class="board-summary" data-testid="deadline-summary">
                  <span class="summary-chip summary-overdue">{t('deadline.countOverdue', { n: count('overdue') })}</span>
                  <span class="summary-chip summary-due_soon">{t('deadline.countDueSoon', { n: count('due_soon') })}</span>
                </p>
                <Show when={b().more.tasks || b().more.documents || (b().more.requests && !department())}>
                  <p class="muted small" data-testid="deadline-more">{t('deadline.more', { n: b().limit })}</p>
                </Show>
                <TaskDeadlines tasks={tasks()} />
                <DocumentDeadlines documents={documents()} />
              </Show>
              <RequestDeadlines requests={requests()} show={!department() && canReadRequests()} />
            </>
          );
        }}
      </AsyncView>
    </section>
  );
}
