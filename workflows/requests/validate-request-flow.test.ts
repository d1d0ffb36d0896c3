/** Each static rule of the request flow, with one definition that breaks it. */
import { describe, expect, it } from 'vitest';
import { validateDefinition } from '../validate-definition';
import type { RequestFlowDefinition } from './request-flow-definition';
import { requestFlowDefinition } from './request-flow.definition';
import { withStep } from './request-flow-samples';
import { validateRequestFlow } from './validate-request-flow';

const codes = (def: unknown) => validateRequestFlow(def).map((i) => i.code);
const only = (def: unknown, code: string) => validateRequestFlow(def).filter((i) => i.code === code);

describe('request-flow validation', () => {
  it('passes the shipped flow, also through validateDefinition', () => {
    expect(validateRequestFlow(requestFlowDefinition)).toEqual([]);
    expect(validateDefinition(requestFlowDefinition)).toEqual([]);
  });

  it('every step assigned: a step without a role', () => {
    const [issue] = only(withStep('consulting', (s) => delete s.role), 'unassigned');
    expect(issue).toMatchObject({ stepId: 'consulting', path: ['steps', 3, 'role'] });
    expect(issue!.message.zh).toBe('步骤「征求意见中」（consulting）：该步骤没有指定办理角色');
  });

  it('every step reachable: consultation that nothing starts', () => {
    const def = withStep('accepted', (s) => (s.transitions = s.transitions!.filter((t) => t.event !== 'START_CONSULTATION')));
    const [issue] = only(def, 'unreachable');
    expect(issue!.stepId).toBe('consulting');
    expect(issue!.message.zh).toContain('步骤「征求意见中」（consulting）：从登记开始无法到达该步骤');
  });

  it('no step without a way out: a fee step that can only wait', () => {
    const def = withStep('fee_pending', (s) => (s.transitions = []));
    const [issue] = only(def, 'no_way_out');
    expect(issue!.stepId).toBe('fee_pending');
    expect(issue!.message.zh).toContain('步骤「等待缴费」（fee_pending）：没有出口');
    // An extension alone does not lead anywhere either.
    expect(only(withStep('consulting', (s) => (s.transitions = s.transitions!.filter((t) => t.event !== 'END_CONSULTATION'))), 'no_way_out')[0]!.stepId).toBe('consulting');
  });

  it('an end reachable from every step: two steps that only lead to each other', () => {
    const def = structuredClone(requestFlowDefinition);
    const consulting = def.steps.find((s) => s.id === 'consulting')!;
    consulting.transitions = [{ event: 'END_CONSULTATION', to: 'fee_pending' }];
    const fee = def.steps.find((s) => s.id === 'fee_pending')!;
    fee.transitions = [{ event: 'RECORD_FEE_PAID', to: 'consulting' }];
    const issues = only(def, 'no_end_reachable');
    expect(issues.map((i) => i.stepId).sort()).toEqual(['consulting', 'fee_pending']);
    expect(issues[0]!.message.zh).toMatch(/^步骤「.+」（.+）：从该步骤无法到达办结$/);
  });

  it('a reply passes the reply-letter review: sending straight from the draft', () => {
    const def = withStep('reply_drafted', (s) => s.transitions!.push({ event: 'SEND_REPLY', to: 'closed' }));
    const [issue] = only(def, 'reply_unreviewed');
    expect(issue!.stepId).toBe('reply_drafted');
    expect(issue!.message.zh).toContain('步骤「答复书待审核」（reply_drafted）：答复书可以未经审核');
  });

  it('a reply passes the review after its last drafting: a redraft that skips review', () => {
    const def = withStep('reply_reviewed', (s) => (s.transitions = [{ event: 'DRAFT_REPLY', to: 'reply_reviewed' }, { event: 'SEND_REPLY', to: 'closed' }]));
    expect(only(def, 'reply_unreviewed').map((i) => i.stepId)).toEqual(['reply_reviewed']);
  });

  it('abandonment only while waiting for a correction or the fee', () => {
    const def = withStep('accepted', (s) => s.transitions!.push({ event: 'CLOSE_FEE_UNPAID', to: 'closed' }));
    const [issue] = only(def, 'abandon_not_waiting');
    expect(issue).toMatchObject({ stepId: 'accepted', path: ['steps', 2, 'transitions', 5, 'event'] });
    expect(issue!.message.zh).toBe('步骤「已受理办理中」（accepted）：「逾期未缴费，终止」只能在等待缴费的步骤中进行');
    const wrongWait = withStep('fee_pending', (s) => s.transitions!.push({ event: 'CLOSE_UNCORRECTED', to: 'closed' }));
    expect(only(wrongWait, 'abandon_not_waiting')[0]!.message.zh).toContain('只能在等待补正的步骤中进行');
  });

  it('only registered conditions', () => {
    const def = withStep('accepted', (s) => (s.transitions![0]!.guards = ['isFullMoon']));
    const [issue] = only(def, 'unknown_guard');
    expect(issue!.message.zh).toBe('步骤「已受理办理中」（accepted）：引用了未注册的条件「isFullMoon」');
  });

  it('structure: starts with intake, one end named closed, targets exist', () => {
    const noIntake = withStep('registered', (s) => (s.kind = 'handling'));
    expect(codes(noIntake)).toContain('first_step');
    const twoEnds: RequestFlowDefinition = structuredClone(requestFlowDefinition);
    twoEnds.steps.push({ id: 'abandoned', kind: 'end', label: { zh: '终止', en: 'Abandoned' } });
    expect(codes(twoEnds)).toContain('end_missing');
    const badTarget = withStep('accepted', (s) => (s.transitions![0]!.to = 'nowhere'));
    const [issue] = validateRequestFlow(badTarget);
    expect(issue).toMatchObject({ code: 'unknown_target', stepId: 'accepted' });
    expect(issue!.message.zh).toBe('步骤「已受理办理中」（accepted）：流转目标「nowhere」不存在');
    expect(validateRequestFlow({ ...requestFlowDefinition, steps: [{ id: 'registered', kind: 'intake', label: { zh: '登记', en: 'R' }, transitions: [{ event: 'PARTY' }] }] })[0]!.message.zh).toMatch(/事件/);
  });
});
