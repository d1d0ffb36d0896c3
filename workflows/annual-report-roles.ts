/** Who prepares the annual report: the disclosure office (信息中心/公开办, role publisher) and admins. */
import type { Role } from './roles';

export const ANNUAL_REPORT_ROLES: readonly Role[] = ['admin', 'publisher'];
