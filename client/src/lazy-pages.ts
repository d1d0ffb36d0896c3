/**
 * The staff app's pages other than sign-in and the inbox, each its own chunk, loaded when first
 * opened (App.tsx routes to them), so the initial download stays small. The forms runtime (zod,
 * the field-type plugins: ./forms/forms-runtime.ts) loads beside the first such page and has
 * run before it renders; the pages of the first bundle show no form.
 */
import { lazy, type Component } from 'solid-js';

const formsRuntime = () => import('./forms/forms-runtime');
function page<K extends string>(load: () => Promise<Record<K, Component>>, name: K) {
  return lazy(() => Promise.all([formsRuntime(), load()]).then(([, module]) => ({ default: module[name] })));
}
export const MyDocumentsPage = page(() => import('./pages/MyDocumentsPage'), 'MyDocumentsPage');
export const DraftFormPage = page(() => import('./pages/DraftFormPage'), 'DraftFormPage');
const documentPage = () => import('./pages/DocumentPage');
export const DocumentPage = page(documentPage, 'DocumentPage');
export const ReviewSheetPage = page(() => import('./pages/ReviewSheetPage'), 'ReviewSheetPage');
export const DeadlinesPage = page(() => import('./pages/DeadlinesPage'), 'DeadlinesPage');
export const NotificationsPage = page(() => import('./pages/NotificationsPage'), 'NotificationsPage');
export const CalendarAdminPage = page(() => import('./pages/CalendarAdminPage'), 'CalendarAdminPage');
export const RequestsPage = page(() => import('./pages/RequestsPage'), 'RequestsPage');
export const RequestPage = page(() => import('./pages/RequestPage'), 'RequestPage');
export const ReplyTemplatesPage = page(() => import('./pages/ReplyTemplatesPage'), 'ReplyTemplatesPage');
export const AnnualReportPage = page(() => import('./pages/AnnualReportPage'), 'AnnualReportPage');
export const AccountPage = page(() => import('./pages/AccountPage'), 'AccountPage');
export const UsersAdminPage = page(() => import('./pages/UsersAdminPage'), 'UsersAdminPage');
// The workflow editor (and elkjs behind its graph) loads only when an admin opens it.
export const WorkflowListPage = page(() => import('./pages/WorkflowListPage'), 'WorkflowListPage');
export const WorkflowEditorPage = page(() => import('./pages/WorkflowEditorPage'), 'WorkflowEditorPage');
export const DashboardPage = page(() => import('./pages/DashboardPage'), 'DashboardPage');
export const AuditLogPage = page(() => import('./pages/AuditLogPage'), 'AuditLogPage');
export const FormListPage = page(() => import('./pages/FormListPage'), 'FormListPage');
export const CatalogAdminPage = page(() => import('./pages/CatalogAdminPage'), 'CatalogAdminPage');
export const FormBuilderPage = page(() => import('./pages/FormBuilderPage'), 'FormBuilderPage');
export const ChannelsAdminPage = page(() => import('./pages/ChannelsAdminPage'), 'ChannelsAdminPage');
export const WebhooksAdminPage = page(() => import('./pages/WebhooksAdminPage'), 'WebhooksAdminPage');
export const CatalogImportPage = page(() => import('./pages/CatalogImportPage'), 'CatalogImportPage');
export const AdminHomePage = page(() => import('./pages/AdminHomePage'), 'AdminHomePage');
export const ChannelProofsPage = page(() => import('./pages/ChannelProofsPage'), 'ChannelProofsPage');

/**
 * Fetches the document page's scripts (and the forms runtime it needs) while the browser has
 * nothing else to do: from 我的待办 nearly every visit ends in opening a document, which then
 * waits for no script. Through the plain imports, not the page's `preload`: a failed preload
 * would stay the page's answer, while a failed import here leaves opening it to try again.
 */
export function preloadDocumentPage(): void {
  const load = () => void Promise.all([formsRuntime(), documentPage()]).catch(() => undefined);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 200);
}
