import { describe, expect, it } from 'vitest';
import type { StepDefinition, WorkflowDefinition } from './definition';
import { deadEnds, reachableFrom, stepChecks, type FlowEdge } from './flow-graph';
import { createRegistry, registerGuard } from './registry';
import { releaseReviewDefinition } from './release-review.definition';
import { jointReview } from './seat-test-helpers';
import { validateDefinition } from './validate-definition';

const clone = (): WorkflowDefinition => JSON.parse(JSON.stringify(releaseReviewDefinition)) as WorkflowDefinition;
const withSteps = (edit: (steps: StepDefinition[]) => void): WorkflowDefinition => {
  const def = clone();
  edit(def.steps);
  return def;
};
const step = (steps: StepDefinition[], id: string) => steps.find((s) => s.id === id)!;
/** Removes a step and every return target naming it. */
const without = (id: string) => (steps: StepDefinition[]) => {
  steps.splice(steps.findIndex((s) => s.id === id), 1);
  for (const s of steps) if (s.returnTargets) s.returnTargets = s.returnTargets.filter((t) => t !== id);
};
const codes = (input: unknown, registry = createRegistry()) => validateDefinition(input, registry).map((i) => i.code);

describe('validateDefinition', () => {
  it('accepts the shipped release-review flow', () => {
    expect(validateDefinition(releaseReviewDefinition)).toEqual([]);
  });

  it('does not count a seat named by person as a sign-off unless the step declares it', () => {
    // The joint-review fixture's 或签 lets the director, named personally, sign alone.
    expect(validateDefinition(jointReview).map((i) => i.message.zh)).toEqual([
      '步骤「发布」（publication）：文件可以在最后一次修改内容后未经领导签批即到达发布（条件：主动公开；路径：起草 → 法规科、办公室会签 → 领导或签 → 发布）',
    ]);
    const declared = JSON.parse(JSON.stringify(jointReview)) as WorkflowDefinition;
    declared.steps[2]!.checks = ['signoff'];
    expect(validateDefinition(declared)).toEqual([]);
  });

  it('gives Chinese and English messages naming the step, with its path', () => {
    const [issue] = validateDefinition(withSteps((s) => void delete step(s, 'secrecy_review').role));
    expect(issue).toEqual({
      stepId: 'secrecy_review',
      path: ['steps', 3, 'role'],
      code: 'unassigned',
      message: { zh: '步骤「保密审查」（secrecy_review）：该步骤没有指定办理角色', en: "step 'secrecy_review': this step needs a role" },
    });
  });

  it('never throws on garbage', () => {
    for (const input of [null, 42, 'x', [], {}, { steps: [null] }, { steps: 'no' }]) {
      const issues = validateDefinition(input);
      expect(issues.length).toBeGreaterThan(0);
      for (const i of issues) expect(i.message.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it.each<[string, WorkflowDefinition | unknown, string]>([
    ['a bad key', { ...clone(), key: 'Release Review' }, 'invalid_format'],
    ['a missing name', { ...clone(), name: undefined }, 'invalid_type'],
    ['an unknown kind', withSteps((s) => void Object.assign(s[1]!, { kind: 'vote' })), 'invalid_value'],
    ['a first step that is not the draft', withSteps((s) => void s.shift()), 'first_step'],
    ['a missing end state', withSteps((s) => void s.splice(s.findIndex((x) => x.id === 'rejected'), 1)), 'end_missing'],
    ['a working step after an end', withSteps((s) => void s.push({ ...s[2]!, id: 'late_review', returnTargets: [] })), 'end_order'],
    ['publication before filing', withSteps((s) => void s.splice(6, 2, s[7]!, s[6]!)), 'publication_last'],
    ['a duplicate step id', withSteps((s) => void Object.assign(s[3]!, { id: 'legality_review' })), 'duplicate_id'],
    ['a second fill step', withSteps((s) => void Object.assign(s[2]!, { kind: 'fill' })), 'fill_not_first'],
    ['an unknown end state', withSteps((s) => void s.push({ id: 'archived', kind: 'end', label: { zh: '归档', en: 'Archived' } })), 'unknown_end'],
    ['an end id on a working step', withSteps((s) => void Object.assign(s[1]!, { id: 'published' })), 'reserved_id'],
    ['a step nobody is assigned to', withSteps((s) => void delete s[2]!.role), 'unassigned'],
    ['a conditional draft', withSteps((s) => void Object.assign(s[0]!, { when: { guard: 'hasStatistics' } })), 'not_conditional'],
    ['an end step with returns', withSteps((s) => void Object.assign(step(s, 'concluded'), { returnTargets: ['draft'] })), 'cannot_return'],
    ['a return target that comes later', withSteps((s) => void Object.assign(s[2]!, { returnTargets: ['secrecy_review'] })), 'return_not_earlier'],
    ['checks on a filing step', withSteps((s) => void Object.assign(step(s, 'filing'), { checks: ['legality'] })), 'checks_not_allowed'],
    ['signers on a filing step', withSteps((s) => void Object.assign(step(s, 'filing'), { signers: [{ role: 'publisher' }] })), 'signers_not_allowed'],
    ['a countersign with one signer', withSteps((s) => void Object.assign(s[2]!, { kind: 'countersign', signers: [{ role: 'legal' }] })), 'countersign_signers'],
    ['a mode without two signers', withSteps((s) => void Object.assign(s[2]!, { mode: 'any' })), 'mode_signers'],
    ['a person named twice', withSteps((s) => void Object.assign(s[4]!, { signers: [{ userId: 'u1' }, { userId: 'u1' }] })), 'signer_twice'],
    ['a condition on an unregistered guard', withSteps((s) => void Object.assign(s[1]!, { when: { guard: 'isFullMoon' } })), 'unknown_guard'],
    ['a requirement on an unregistered guard', withSteps((s) => void Object.assign(s[2]!, { requires: ['isFullMoon'] })), 'unknown_guard'],
    ['an unregistered effect', withSteps((s) => void Object.assign(step(s, 'published'), { effects: ['ringBell'] })), 'unknown_effect'],
    ['a step no document can reach', withSteps((s) => void Object.assign(step(s, 'filing'), { when: { guard: 'isPublishable', not: true } })), 'unreachable'],
    ['publication without legality review', withSteps(without('legality_review')), 'missing_check'],
    ['publication without secrecy review', withSteps(without('secrecy_review')), 'missing_check'],
    ['publication without leader sign-off', withSteps(without('leader_signoff')), 'missing_check'],
    ['legality review only for documents with statistics', withSteps((s) => void Object.assign(step(s, 'legality_review'), { when: { guard: 'hasStatistics' } })), 'missing_check'],
  ])('refuses %s', (_name, input, code) => {
    expect(codes(input)).toContain(code);
  });

  it('names the publication step, the missing review, the conditions and the path', () => {
    const issues = validateDefinition(withSteps((s) => void Object.assign(step(s, 'legality_review'), { when: { guard: 'isMajorMatter' } })));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.stepId).toBe('publication');
    expect(issues[0]!.message.zh).toBe(
      '步骤「发布」（publication）：文件可以在最后一次修改内容后未经合法性审查即到达发布（条件：主动公开；含统计数据：否；重大事项：否；路径：起草 → 保密审查 → 分管领导审批 → 信息中心备案 → 发布）',
    );
  });

  it('does not count a 或签 (any) of legal and secrecy as both reviews, but a 会签 (all) as both', () => {
    const joint = (mode: 'all' | 'any') =>
      withSteps((s) => {
        without('secrecy_review')(s);
        Object.assign(step(s, 'legality_review'), { kind: 'countersign', signers: [{ role: 'legal' }, { role: 'secrecy' }], mode });
      });
    expect(codes(joint('all'))).toEqual([]);
    expect(validateDefinition(joint('any')).map((i) => i.message.zh).join('\n')).toMatch(/未经合法性审查[\s\S]*未经保密审查/);
  });

  it('accepts reviews declared by `checks`, and refuses a sign-off by a leader in a plain review', () => {
    const declared = withSteps((s) => {
      without('secrecy_review')(s);
      Object.assign(step(s, 'legality_review'), { checks: ['legality', 'secrecy'] });
    });
    expect(codes(declared)).toEqual([]);
    const leaderReview = withSteps((s) => void Object.assign(step(s, 'leader_signoff'), { kind: 'review' }));
    expect(validateDefinition(leaderReview)[0]?.message.zh).toMatch(/未经领导签批/);
    expect([...stepChecks({ id: 'x', kind: 'signoff', role: 'leader', label: { zh: 'x', en: 'x' } })]).toEqual(['signoff']);
  });

  it('refuses a registry that would let non-public and on-request documents reach publication', () => {
    const leaky = createRegistry();
    leaky.guards.set('isPublishable', () => true);
    const found = codes(releaseReviewDefinition, leaky);
    expect(found).toContain('non_public_published');
    expect(found).toContain('no_conclusion');
    const messages = validateDefinition(releaseReviewDefinition, leaky).map((i) => i.message.zh).join('\n');
    expect(messages).toMatch(/「不予公开」的文件可以到达发布/);
    expect(messages).toMatch(/「依申请公开」的文件无法审结/);
  });

  it('accepts a plugin guard once registered, enumerating both of its answers', () => {
    const registry = createRegistry();
    registerGuard('isBudget', (ctx) => ctx.categoryCode === 'yjs', registry);
    const def = withSteps((s) => void Object.assign(step(s, 'stats_review'), { when: { guard: 'isBudget' } }));
    expect(codes(def)).toEqual(['unknown_guard']);
    expect(codes(def, registry)).toEqual([]);
  });
});

describe('deadEnds', () => {
  const def = clone();
  it('finds a step without a move out, and steps from which no end can be reached', () => {
    const graph = new Map<string, FlowEdge[]>([
      ['draft', [{ event: 'submit', to: 'legality_review' }]],
      ['legality_review', [{ event: 'approve', to: 'secrecy_review' }, { event: 'return', to: 'draft' }]],
      ['secrecy_review', [{ event: 'return', to: 'legality_review' }]],
      ['leader_signoff', []],
    ]);
    const reached = new Set([...reachableFrom(graph, 'draft'), 'leader_signoff']);
    expect(deadEnds(def, graph, reached)).toEqual({ noExit: ['leader_signoff'], noEnd: ['draft', 'legality_review', 'secrecy_review'] });
  });
});
