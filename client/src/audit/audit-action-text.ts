/**
 * Audit action codes in words. Kept out of i18n/labels.ts (which the inbox's first download
 * carries) so the catalog of every action travels only with the pages that show them: the
 * audit log and a document's history.
 */
import { auditActionLabel, auditGroupLabel } from '../../../workflows/audit-actions';
import { localized } from '../i18n/i18n';

/** An audit action code in words ('review.approve' → 审查同意); an unknown code shows as itself. */
export const auditActionText = (code: string) => localized(auditActionLabel(code)) || code;
/** An audit group from a code or a filter prefix ('review.' → 审查). */
export const auditGroupText = (codeOrPrefix: string) => localized(auditGroupLabel(codeOrPrefix)) || codeOrPrefix.split('.')[0] || codeOrPrefix;
