/** 审查任务 on the deadline board: open review steps that are due soon or overdue. */
import { Show } from 'solid-js';
import { DocumentTitleLink } from './DocumentTitleLink';
import { isRole, ROLE_LABELS } from '../../../workflows/roles';
import { localized, t } from '../i18n/i18n';
import type { TaskDeadline } from '../trpc';
import { DeadlineBadge, DueDate } from './DueDate';
import { ListTable } from '../components/ListTable';

/** The person holding the task, or the role it is offered to while nobody has taken it. */
const holderOf = (task: TaskDeadline) => task.assigneeName ?? (isRole(task.role) ? localized(ROLE_LABELS[task.role]) : task.role);

export function TaskDeadlines(props: { tasks: TaskDeadline[] }) {
  return (
    <section class="board-section" data-testid="deadline-tasks">
      <h2>
        {t('deadline.tasks')} <span class="muted small">{props.tasks.length}</span>
      </h2>
      <Show when={props.tasks.length > 0} fallback={<p class="empty empty-small">{t('deadline.sectionEmpty')}</p>}>
        <ListTable
          class="board-table"
          columns={[t('col.title'), t('col.stepShort'), t('col.department'), t('col.assignee'), t('col.dueDate'), t('col.state')]}
          rows={props.tasks}
        >
          {(task) => (
            <tr data-testid="deadline-task-row" class={`row-${task.state}`}>
              <td class="cell-title">
                <DocumentTitleLink documentId={task.documentId} title={task.title} canView={task.canView} />
              </td>
              <td data-label={t('col.stepShort')}>
                <span class="step-label">{localized(task.stepLabel)}</span>
              </td>
              <td data-label={t('col.department')} class="nowrap">{task.departmentName}</td>
              <td data-label={t('col.assignee')}>{holderOf(task)}</td>
              <td data-label={t('col.dueDate')} class="nowrap">
                <DueDate date={task.dueDate} provisional={task.provisional} />
              </td>
              <td data-label={t('col.state')}>
                <DeadlineBadge state={task.state} />
              </td>
            </tr>
          )}
        </ListTable>
      </Show>
    </section>
  );
}
