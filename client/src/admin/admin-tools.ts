import type { MessageKey } from '../i18n/i18n';

/**
 * The administrator's tools, in the order a bureau sets itself up: who works here, how
 * documents are reviewed and what is asked, then the calendar, outward channels and records.
 * One list feeds the 系统管理 home page and the tool bar shown on every admin page.
 */
export const ADMIN_TOOLS: readonly { href: string; label: MessageKey; description: MessageKey }[] = [
  { href: '/admin/users', label: 'nav.users', description: 'admin.users' },
  { href: '/admin/catalog', label: 'nav.catalogAdmin', description: 'admin.catalog' },
  { href: '/admin/workflows', label: 'nav.workflows', description: 'admin.workflows' },
  { href: '/admin/forms', label: 'nav.forms', description: 'admin.forms' },
  { href: '/admin/calendar', label: 'nav.calendar', description: 'admin.calendar' },
  { href: '/admin/reply-templates', label: 'nav.replyTemplates', description: 'admin.replyTemplates' },
  { href: '/admin/channels', label: 'nav.channels', description: 'admin.channels' },
  { href: '/admin/webhooks', label: 'nav.webhooks', description: 'admin.webhooks' },
  { href: '/admin/audit', label: 'nav.audit', description: 'admin.audit' },
];
