/**
 * Who does what with information requests. Requests carry applicants' personal data, so only
 * the disclosure office (publisher = 信息中心/公开办), admins and leaders see them.
 */
import type { Role } from '../roles';
import { EXTENSION_APPROVER_ROLE } from './request-types';

/** Register, accept, ask for correction, consult, draft and send replies: the disclosure office. */
export const REQUEST_HANDLER_ROLES = ['publisher', 'admin'] as const satisfies readonly Role[];
/** Read the register and the requests. */
export const REQUEST_READER_ROLES = ['publisher', 'admin', 'leader'] as const satisfies readonly Role[];
/** Review a reply letter (someone other than its drafter; the machine checks that). */
export const REPLY_REVIEWER_ROLES = ['publisher', 'admin', 'leader'] as const satisfies readonly Role[];
/** Approve an extension: 信息公开工作机构负责人, played by the leader role. */
export const EXTENSION_APPROVER_ROLES = [EXTENSION_APPROVER_ROLE] as const;
/** Edit the reply-letter templates. */
export const TEMPLATE_EDITOR_ROLES = ['admin'] as const satisfies readonly Role[];
