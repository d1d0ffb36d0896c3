import { describe, expect, it } from 'vitest';
import { REQUEST_STEP_KINDS, type RequestFlowDefinition } from './request-flow-definition';
import { requestFlowDefinition as v1 } from './request-flow.definition';
import { withLeaderSignoff } from './request-flow-samples';
import { PUBLIC_STATUS_OF_KIND, publicRequestStatus } from './public-request-status';

describe('publicRequestStatus', () => {
  it('tells the applicant of the shipped steps what the status page always said', () => {
    const zh = Object.fromEntries(v1.steps.map((s) => [s.id, publicRequestStatus(v1, s.id).label.zh]));
    expect(zh).toEqual({
      registered: '已收到，待审查',
      awaiting_correction: '待申请人补正',
      accepted: '办理中',
      consulting: '办理中（征求第三方或有关机关意见，该期间不计入答复期限）',
      fee_pending: '待申请人缴纳信息处理费',
      reply_drafted: '办理中',
      reply_reviewed: '办理中',
      closed: '已办结',
    });
  });

  it('labels a step an admin added by its kind, never by its internal label or id', () => {
    const v2 = withLeaderSignoff();
    expect(publicRequestStatus(v2, 'reply_signed')).toEqual({ label: { zh: '办理中', en: 'Being handled' }, showReplyDue: true });
    const withOwnWait: RequestFlowDefinition = {
      ...v1,
      steps: v1.steps.map((s) => (s.id === 'fee_pending' ? { ...s, id: 'fee_desk_wang', label: { zh: '王科长处核定收费', en: 'Fee at Wang’s desk' } } : s)),
    };
    const shown = publicRequestStatus(withOwnWait, 'fee_desk_wang');
    expect(shown).toEqual({ label: { zh: '待申请人缴纳信息处理费', en: 'Waiting for your payment of the processing fee' }, showReplyDue: false });
    expect(JSON.stringify(shown)).not.toMatch(/王|Wang|fee_desk/);
  });

  it('reads a step the flow does not know as being handled, and has zh and en for every kind', () => {
    expect(publicRequestStatus(v1, 'nowhere').label.zh).toBe('办理中');
    for (const kind of REQUEST_STEP_KINDS) expect(PUBLIC_STATUS_OF_KIND[kind].zh && PUBLIC_STATUS_OF_KIND[kind].en).toBeTruthy();
  });

  it('hides the reply’s last day only while the applicant owes a correction or a fee', () => {
    expect(v1.steps.filter((s) => !publicRequestStatus(v1, s.id).showReplyDue).map((s) => s.id)).toEqual(['awaiting_correction', 'fee_pending']);
  });
});
