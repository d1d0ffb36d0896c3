/**
 * A notification's text in the reader's language, built from its kind and stored parameters.
 * The server also stores the Chinese sentence (`message`, which e-mail sends); a row written
 * before parameters existed, or of a kind this build does not know, shows that sentence.
 */
import { localized, t } from '../i18n/i18n';
import type { NotificationItem } from '../trpc';

type Renderable = Pick<NotificationItem, 'kind' | 'message' | 'params'>;

export function notificationText(item: Renderable): string {
  const p = item.params;
  if (!p) return item.message;
  switch (item.kind) {
    case 'task.new':
      return p.step ? t('notification.text.task.new', { title: p.title, step: localized(p.step) }) : item.message;
    case 'task.returned':
      return p.opinion != null ? t('notification.text.task.returned', { title: p.title, opinion: p.opinion }) : item.message;
    case 'task.due_soon':
    case 'task.overdue':
      return p.due ? t(`notification.text.${item.kind}`, { title: p.title, due: p.due }) : item.message;
    default:
      return item.message;
  }
}
