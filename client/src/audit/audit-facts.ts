/**
 * What an audit row's detail says, in words an auditor reads: the request number (a link), the
 * account, the opinion or reason, what changed from what to what. Only the fields a person
 * cares about are picked; ids and nested objects stay in the raw record shown beside it.
 */
import { ROLE_LABELS, isRole } from '../../../workflows/roles';
import { APPEAL_KIND_LABELS, APPEAL_OUTCOME_LABELS, REPLY_RESULT_LABELS, REQUEST_CHANNEL_LABELS } from '../../../workflows/requests/request-vocabulary';
import { localized, t, tKnown, type MessageKey } from '../i18n/i18n';
import { validityLabel } from '../i18n/labels';

export interface AuditFact {
  field: string;
  label: string;
  text: string;
  href?: string;
}

export interface AuditRowLike {
  action: string;
  documentId: string | null;
  detail: Record<string, unknown> | null;
  /** The request the row names, by number (the server looks it up from detail.requestId). */
  request?: { id: string; requestNo: string } | null;
}

/** The detail fields shown, in this order; each has an `audit.field.<name>` label. */
const FIELDS = [
  'requestNo', 'channel', 'receivedAt', 'username', 'title', 'name', 'label', 'opinion', 'reason', 'note', 'notes', 'kind', 'masked', 'result',
  'outcome', 'from', 'to', 'before', 'after', 'roles', 'date', 'dueDate', 'publishedOn', 'year', 'url', 'email', 'ip', 'count', 'recipients', 'moved',
] as const;
type Field = (typeof FIELDS)[number];

const fromTable = (table: Record<string, { zh: string; en: string }>, value: string) => (Object.hasOwn(table, value) ? localized(table[value]) : value);

/** One value as text, read with the action's vocabulary (a role key, a validity, a reply result). */
function valueText(action: string, field: Field, value: string): string {
  if (action.startsWith('validity.') && (field === 'from' || field === 'to')) return validityLabel(value);
  if (action.startsWith('user.') && isRole(value)) return localized(ROLE_LABELS[value]);
  if (action.startsWith('privacy.') && field === 'kind') return tKnown('privacy', value);
  if (action === 'request.appeal_added' && field === 'kind') return fromTable(APPEAL_KIND_LABELS, value);
  if (field === 'channel') return fromTable(REQUEST_CHANNEL_LABELS, value);
  if (field === 'outcome') return fromTable(APPEAL_OUTCOME_LABELS, value);
  if (field === 'result') return fromTable(REPLY_RESULT_LABELS, value);
  return value;
}

function asText(action: string, field: Field, value: unknown): string | null {
  if (typeof value === 'string') return value.trim() ? valueText(action, field, value) : null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.length ? value.map((v) => valueText(action, field, v)).join('、') : '—';
  return null;
}

/**
 * The human facts of one row. A document's title is left out when the row links the document.
 * @example auditFacts({ action: 'session.sign_in_failed', documentId: null, detail: { username: 'legal', ip: '10.0.0.8' } })
 *   // [{ field: 'username', label: '账号', text: 'legal' }, { field: 'ip', label: 'IP 地址', text: '10.0.0.8' }]
 */
export function auditFacts(row: AuditRowLike): AuditFact[] {
  const detail = row.request ? { ...row.detail, requestNo: row.request.requestNo, requestId: row.request.id } : row.detail;
  if (!detail) return [];
  const facts: AuditFact[] = [];
  for (const field of FIELDS) {
    if (field === 'title' && row.documentId) continue;
    // A channel's kind (offline/webhook) and a calendar day's kind are codes the row's label already says.
    if (field === 'kind' && !row.action.startsWith('privacy.') && row.action !== 'request.appeal_added') continue;
    // A publication channel's key (a proof's) is not a request channel; the row's label says enough.
    if (field === 'channel' && row.action !== 'request.registered') continue;
    const text = asText(row.action, field, detail[field]);
    if (text === null) continue;
    const href = field === 'requestNo' && typeof detail.requestId === 'string' ? `/requests/${detail.requestId}` : undefined;
    facts.push({ field, label: t(`audit.field.${field}` as MessageKey), text, ...(href ? { href } : {}) });
  }
  return facts;
}
