/**
 * The audit log's action codes and what they mean, in Chinese and English: the one catalog the
 * audit page, a document's history and the audit export read. A code is `<group>.<what>`; the
 * server writes it through commitChange (server/services/*). audit-actions.test.ts scans the
 * server's sources and fails when an action is written that this catalog does not name.
 */
import type { LocalizedText } from './definition';

/** The groups (first segment of a code), for the filter's "every review action" choices. */
export const AUDIT_GROUP_LABELS = {
  document: { zh: '文件', en: 'Documents' },
  attachment: { zh: '附件', en: 'Attachments' },
  review: { zh: '审查', en: 'Review' },
  privacy: { zh: '个人信息检查', en: 'Personal-information check' },
  redactions: { zh: '删减', en: 'Redactions' },
  validity: { zh: '有效性', en: 'Validity' },
  reminder: { zh: '期限提醒', en: 'Deadline reminders' },
  channel_proof: { zh: '渠道发布凭证', en: 'Channel proofs' },
  annual_report: { zh: '年度报告', en: 'Annual report' },
  session: { zh: '登录', en: 'Sign-in' },
  user: { zh: '用户', en: 'Users' },
  calendar: { zh: '工作日历', en: 'Work calendar' },
  request: { zh: '依申请公开', en: 'Information requests' },
  workflow: { zh: '审查流程', en: 'Review workflows' },
  form: { zh: '表单', en: 'Forms' },
  form_file: { zh: '表单文件', en: 'Form files' },
  channel: { zh: '发布渠道', en: 'Publication channels' },
  deadlines: { zh: '办理期限', en: 'Deadlines' },
  catalog: { zh: '目录与科室', en: 'Catalog and departments' },
  webhook: { zh: 'Webhook', en: 'Webhooks' },
} as const satisfies Record<string, LocalizedText>;
export type AuditGroup = keyof typeof AUDIT_GROUP_LABELS;

/** Every action code the server writes, with its label; the key order is the filter's order. */
export const AUDIT_ACTION_LABELS = {
  'document.created': { zh: '起草文件', en: 'Document drafted' },
  'document.edited': { zh: '修改文件', en: 'Document edited' },
  'document.imported': { zh: '导入存量文件', en: 'Document imported' },
  'attachment.added': { zh: '上传附件', en: 'Attachment uploaded' },
  'attachment.removed': { zh: '删除附件', en: 'Attachment removed' },
  'review.submit': { zh: '提交审查', en: 'Submitted for review' },
  'review.recall': { zh: '撤回审查', en: 'Recalled from review' },
  'review.approve': { zh: '审查同意', en: 'Approved' },
  'review.return': { zh: '退回修改', en: 'Returned for changes' },
  'review.reject': { zh: '不予通过', en: 'Rejected' },
  'review.publish': { zh: '发布', en: 'Published' },
  'review.withdraw_publication': { zh: '撤稿', en: 'Publication withdrawn' },
  'review.transfer': { zh: '转办', en: 'Task transferred' },
  'review.add_signer': { zh: '加签', en: 'Signer added' },
  'privacy.masked': { zh: '遮盖个人信息', en: 'Personal information masked' },
  'privacy.justified': { zh: '说明保留个人信息', en: 'Personal information kept, with reason' },
  'redactions.revised': { zh: '确认删减内容', en: 'Redactions confirmed' },
  'validity.proposed': { zh: '提出有效性变更', en: 'Validity change proposed' },
  'validity.approved': { zh: '同意有效性变更', en: 'Validity change approved' },
  'validity.rejected': { zh: '不同意有效性变更', en: 'Validity change rejected' },
  'reminder.due_soon': { zh: '临期提醒', en: 'Due-soon reminder' },
  'reminder.overdue': { zh: '超期提醒', en: 'Overdue reminder' },
  'channel_proof.added': { zh: '上传渠道发布凭证', en: 'Channel publication proof uploaded' },
  'annual_report.saved': { zh: '保存年度报告', en: 'Annual report saved' },
  'annual_report.document_created': { zh: '年度报告提交为待审文件', en: 'Annual report turned into a document for review' },
  'annual_report.tables_recorded': { zh: '年度报告表格存档', en: 'Annual report tables recorded' },
  'session.signed_in': { zh: '登录', en: 'Signed in' },
  'session.sign_in_failed': { zh: '登录失败', en: 'Sign-in failed' },
  'session.signed_out': { zh: '退出登录', en: 'Signed out' },
  'session.signed_out_everywhere': { zh: '退出所有设备', en: 'Signed out on every device' },
  'user.created': { zh: '创建用户', en: 'User created' },
  'user.provisioned_from_host': { zh: '由宿主系统开通用户', en: 'User provisioned by the host system' },
  'user.roles_changed': { zh: '变更用户角色', en: 'User roles changed' },
  'user.password_changed': { zh: '修改密码', en: 'Password changed' },
  'user.mail_settings': { zh: '修改邮件提醒设置', en: 'E-mail reminder settings changed' },
  'calendar.day_set': { zh: '设置节假日或调休', en: 'Calendar day set' },
  'calendar.day_cleared': { zh: '恢复日历默认安排', en: 'Calendar day reset' },
  'request.registered': { zh: '登记申请', en: 'Request registered' },
  'request.accept': { zh: '受理申请', en: 'Request accepted' },
  'request.request_correction': { zh: '一次性告知补正', en: 'Correction asked for' },
  'request.receive_correction': { zh: '收到补正', en: 'Correction received' },
  'request.close_uncorrected': { zh: '逾期未补正，终止处理', en: 'Closed: not corrected in time' },
  'request.start_consultation': { zh: '开始征求意见', en: 'Consultation started' },
  'request.end_consultation': { zh: '征求意见结束', en: 'Consultation ended' },
  'request.request_extension': { zh: '申请延期答复', en: 'Extension asked for' },
  'request.approve_extension': { zh: '批准延期答复', en: 'Extension approved' },
  'request.notify_fee': { zh: '发出收费通知', en: 'Fee notice sent' },
  'request.record_fee_paid': { zh: '登记已缴费', en: 'Fee payment recorded' },
  'request.close_fee_unpaid': { zh: '逾期未缴费，终止处理', en: 'Closed: fee not paid in time' },
  'request.draft_reply': { zh: '起草答复书', en: 'Reply drafted' },
  'request.review_reply': { zh: '审核通过答复书', en: 'Reply approved' },
  'request.send_reply': { zh: '送达答复书', en: 'Reply sent' },
  'request.letter_edited': { zh: '修改答复书', en: 'Reply letter edited' },
  'request.template_saved': { zh: '保存答复书模板', en: 'Reply template saved' },
  'request.document_linked': { zh: '申请关联公开文件', en: 'Document linked to a request' },
  'request.appeal_added': { zh: '登记复议或诉讼', en: 'Appeal recorded' },
  'request.appeal_decided': { zh: '登记复议或诉讼结果', en: 'Appeal outcome recorded' },
  'request.migrate': { zh: '申请改用新版办理流程', en: 'Request moved to a new flow version' },
  'workflow.publish': { zh: '发布审查流程新版本', en: 'Review workflow version published' },
  'workflow.migrate': { zh: '文件改用新版审查流程', en: 'Document moved to a new workflow version' },
  'form.publish': { zh: '发布表单新版本', en: 'Form version published' },
  'form_file.uploaded': { zh: '上传表单文件', en: 'Form file uploaded' },
  'form_file.discarded': { zh: '清理未使用的表单文件', en: 'Unused form file discarded' },
  'channel.add': { zh: '新增发布渠道', en: 'Publication channel added' },
  'channel.update': { zh: '修改发布渠道', en: 'Publication channel changed' },
  'channel.reorder': { zh: '调整发布渠道顺序', en: 'Publication channels reordered' },
  'deadlines.recomputed': { zh: '重新计算办理期限', en: 'Deadlines recomputed' },
  'catalog.category.create': { zh: '新增目录分类', en: 'Catalog category added' },
  'catalog.category.update': { zh: '修改目录分类', en: 'Catalog category changed' },
  'catalog.department.create': { zh: '新增科室', en: 'Department added' },
  'catalog.department.rename': { zh: '科室更名', en: 'Department renamed' },
  'catalog.imported': { zh: '导入存量目录', en: 'Catalog imported' },
  'webhook.create': { zh: '新增 Webhook 订阅', en: 'Webhook added' },
  'webhook.retry': { zh: '重发 Webhook 消息', en: 'Webhook delivery retried' },
} as const satisfies Record<`${AuditGroup}.${string}`, LocalizedText>;
export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as AuditAction[];

export function isAuditAction(code: string): code is AuditAction {
  return Object.hasOwn(AUDIT_ACTION_LABELS, code);
}

/**
 * The label of an action code; undefined for a code this catalog does not know (a newer
 * server, a plugin), which callers show as the raw code.
 * @example auditActionLabel('review.approve')?.zh // '审查同意'
 */
export function auditActionLabel(code: string): LocalizedText | undefined {
  return isAuditAction(code) ? AUDIT_ACTION_LABELS[code] : undefined;
}

/**
 * The label of a group, from a code or a filter prefix ('review.' or 'review.approve').
 * @example auditGroupLabel('request.')?.en // 'Information requests'
 */
export function auditGroupLabel(codeOrPrefix: string): LocalizedText | undefined {
  const group = codeOrPrefix.split('.')[0] ?? '';
  return Object.hasOwn(AUDIT_GROUP_LABELS, group) ? AUDIT_GROUP_LABELS[group as AuditGroup] : undefined;
}
