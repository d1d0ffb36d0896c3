/** Role keys, defined once. A user holds one or more. */
export const ROLES = ['admin', 'drafter', 'stats', 'legal', 'secrecy', 'leader', 'publisher'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '管理员', en: 'Administrator' },
  drafter: { zh: '起草人', en: 'Drafter' },
  stats: { zh: '统计口径审查', en: 'Statistics reviewer' },
  legal: { zh: '合法性审查', en: 'Legality reviewer' },
  secrecy: { zh: '保密审查', en: 'Secrecy reviewer' },
  leader: { zh: '分管领导', en: 'Leader' },
  publisher: { zh: '信息中心/公开办', en: 'Publisher' },
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
