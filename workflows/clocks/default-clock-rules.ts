/**
 * The default time limits of the Regulations on Open Government Information (2019) and
 * related laws, as listed in the domain notes. An agency copies and adjusts them.
 */
import { CLOCK_EVENTS as E } from './clock-events';
import type { ClockRule } from './clock-rule';

export const DEFAULT_CLOCK_RULES: readonly ClockRule[] = [
  {
    key: 'proactive_disclosure',
    label: { zh: '主动公开（信息形成或变更之日起 20 个工作日）', en: 'Proactive disclosure (20 working days from formation or change)' },
    start: E.documentFormed,
    unit: 'working_days',
    length: 20,
    restartOn: [E.documentChanged],
  },
  {
    key: 'licensing_decision',
    label: { zh: '行政许可决定公示（7 个工作日）', en: 'Licensing decision publicised (7 working days)' },
    start: E.decisionMade,
    unit: 'working_days',
    length: 7,
  },
  {
    key: 'penalty_decision',
    label: { zh: '行政处罚决定公示（7 个工作日）', en: 'Penalty decision publicised (7 working days)' },
    start: E.decisionMade,
    unit: 'working_days',
    length: 7,
  },
  {
    key: 'other_enforcement_decision',
    label: { zh: '其他行政执法决定公示（20 个工作日）', en: 'Other enforcement decision publicised (20 working days)' },
    start: E.decisionMade,
    unit: 'working_days',
    length: 20,
  },
  {
    // A local rule ("published together, at the latest 3 working days later"): adjust `length`.
    key: 'policy_interpretation',
    label: { zh: '政策解读（政策文件发布后 3 个工作日内）', en: 'Policy interpretation (3 working days after the policy)' },
    start: E.policyPublished,
    unit: 'working_days',
    length: 3,
  },
  {
    key: 'penalty_takedown',
    label: { zh: '变更、撤销的行政处罚决定撤回并说明理由（3 日）', en: 'Changed or revoked penalty taken down with reasons (3 days)' },
    start: E.penaltyChanged,
    unit: 'calendar_days',
    length: 3,
  },
  {
    key: 'budget_final_accounts',
    label: { zh: '预决算公开（批准后 20 日）', en: 'Budget and final accounts (20 days after approval)' },
    start: E.budgetApproved,
    unit: 'calendar_days',
    length: 20,
  },
  {
    key: 'request_reply',
    label: { zh: '依申请公开答复（收到申请之日起 20 个工作日，可延长 20 个工作日）', en: 'Request reply (20 working days, extendable by 20)' },
    start: E.requestReceived,
    unit: 'working_days',
    length: 20,
    pauses: [{ from: E.consultationStarted, until: E.consultationEnded }],
    restartOn: [E.requestCorrected],
    extensions: [{ on: E.requestExtended, length: 20 }],
  },
  {
    key: 'request_correction_notice',
    label: { zh: '一次性告知补正（收到申请之日起 7 个工作日）', en: 'Correction notice (7 working days from receipt)' },
    start: E.requestReceived,
    unit: 'working_days',
    length: 7,
  },
  {
    key: 'consultation_reply',
    label: { zh: '第三方或其他机关提出意见（15 个工作日）', en: 'Consultation answer (15 working days)' },
    start: E.consultationStarted,
    unit: 'working_days',
    length: 15,
  },
  {
    // Local rules set this one; 20 working days is the common choice.
    key: 'fee_payment',
    label: { zh: '缴纳信息处理费（收到通知之日起 20 个工作日）', en: 'Processing fee paid (20 working days from notice)' },
    start: E.feeNotified,
    unit: 'working_days',
    length: 20,
  },
];

/**
 * A fresh copy of one default rule, safe to adjust.
 * `defaultClockRule('request_reply').length` → 20
 */
export function defaultClockRule(key: string): ClockRule {
  const rule = DEFAULT_CLOCK_RULES.find((r) => r.key === key);
  if (!rule) throw new Error(`未知的时限规则：${key}`);
  return structuredClone(rule);
}
