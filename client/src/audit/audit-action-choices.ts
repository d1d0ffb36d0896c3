/**
 * The audit page's action filter: the actions the log holds, grouped (审查, 依申请公开…) in the
 * catalog's order, each group led by "every action of the group" (a prefix filter 'review.').
 * Codes the catalog does not know (a plugin's) keep their place at the end of their group.
 */
import { AUDIT_ACTIONS, AUDIT_GROUP_LABELS } from '../../../workflows/audit-actions';

export interface AuditActionGroup {
  /** The filter value for the whole group, e.g. 'review.'. */
  prefix: string;
  actions: string[];
}

const rank = <T>(list: readonly T[], item: T) => {
  const i = list.indexOf(item);
  return i < 0 ? list.length : i;
};

/** @example groupAuditActions(['review.approve', 'document.created']) // [{ prefix: 'document.', … }, { prefix: 'review.', … }] */
export function groupAuditActions(actions: readonly string[]): AuditActionGroup[] {
  const groups = Object.keys(AUDIT_GROUP_LABELS);
  const byGroup = new Map<string, string[]>();
  for (const action of actions) {
    const group = action.split('.')[0] ?? action;
    byGroup.set(group, [...(byGroup.get(group) ?? []), action]);
  }
  return [...byGroup.entries()]
    .sort(([a], [b]) => rank(groups, a) - rank(groups, b) || a.localeCompare(b))
    .map(([group, list]) => ({
      prefix: `${group}.`,
      actions: [...list].sort((a, b) => rank<string>(AUDIT_ACTIONS, a) - rank<string>(AUDIT_ACTIONS, b) || a.localeCompare(b)),
    }));
}
