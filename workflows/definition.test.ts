import { describe, expect, it } from 'vitest';
import { compileWorkflow } from './compile';
import { workflowDefinitionSchema, type StepDefinition, type WorkflowDefinition } from './definition';
import { releaseReviewDefinition } from './release-review.definition';
import { jointReview } from './seat-test-helpers';

const clone = (): WorkflowDefinition => JSON.parse(JSON.stringify(releaseReviewDefinition)) as WorkflowDefinition;
const withSteps = (edit: (steps: StepDefinition[]) => void): WorkflowDefinition => {
  const def = clone();
  edit(def.steps);
  return def;
};
const messages = (input: unknown): string[] => {
  const result = workflowDefinitionSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};
const step = (def: WorkflowDefinition, id: string) => def.steps.find((s) => s.id === id)!;

describe('workflowDefinitionSchema', () => {
  it('accepts the default definition and its JSON round trip', () => {
    expect(messages(releaseReviewDefinition)).toEqual([]);
    expect(workflowDefinitionSchema.parse(clone())).toEqual(releaseReviewDefinition);
  });

  it('accepts signers: a countersign (会签) and an any-mode sign-off (或签) naming a person', () => {
    expect(messages(jointReview)).toEqual([]);
    expect(workflowDefinitionSchema.parse(JSON.parse(JSON.stringify(jointReview)))).toEqual(jointReview);
    // Two seats of one role: two different people of that role must approve.
    expect(messages(withSteps((s) => void Object.assign(s[4]!, { signers: [{ role: 'leader' }, { role: 'leader' }] })))).toEqual([]);
  });

  it.each<[string, unknown, RegExp]>([
    ['a missing key', { ...clone(), key: undefined }, /^key/],
    ['a bad key', { ...clone(), key: 'Release Review' }, /kebab/],
    ['version 0', { ...clone(), version: 0 }, /^version/],
    ['a missing English name', { ...clone(), name: { zh: '审查' } }, /^name\.en/],
    ['no steps', { ...clone(), steps: [] }, /^steps/],
    ['an unknown kind', withSteps((s) => void Object.assign(s[1]!, { kind: 'vote' })), /^steps\.1\.kind/],
    ['an unknown role', withSteps((s) => void Object.assign(s[1]!, { role: 'mayor' })), /^steps\.1\.role/],
    ['a negative time limit', withSteps((s) => void Object.assign(s[1]!, { dueWorkingDays: -1 })), /dueWorkingDays/],
    ['a first step that is not the draft', withSteps((s) => void s.shift()), /first step must be 'draft'/],
    ['a second fill step', withSteps((s) => void Object.assign(s[2]!, { kind: 'fill' })), /only the first step/],
    ['a duplicate step id', withSteps((s) => void Object.assign(s[3]!, { id: 'legality_review' })), /duplicate step id/],
    ['a missing end state', withSteps((s) => void s.splice(s.findIndex((x) => x.id === 'rejected'), 1)), /'rejected' is missing/],
    ['an unknown end state', withSteps((s) => void s.push({ id: 'archived', kind: 'end', label: { zh: '归档', en: 'Archived' } })), /unknown end state/],
    ['an end id on a working step', withSteps((s) => void Object.assign(s[1]!, { id: 'published' })), /reserved/],
    ['a working step after an end', withSteps((s) => void s.push({ ...s[2]!, id: 'late_review', returnTargets: [] })), /end steps come after/],
    ['a review without a role', withSteps((s) => void delete s[2]!.role), /needs a role/],
    ['published without a role', withSteps((s) => void delete s.find((x) => x.id === 'published')!.role), /needs a role/],
    ['a conditional draft', withSteps((s) => void Object.assign(s[0]!, { when: { guard: 'hasStatistics' } })), /cannot be conditional/],
    ['a return target that comes later', withSteps((s) => void Object.assign(s[2]!, { returnTargets: ['secrecy_review'] })), /not an earlier step/],
    ['a return target that is the step itself', withSteps((s) => void Object.assign(s[2]!, { returnTargets: ['legality_review'] })), /not an earlier step/],
    ['a return target that does not exist', withSteps((s) => void Object.assign(s[2]!, { returnTargets: ['nowhere'] })), /not an earlier step/],
    ['publication before filing', withSteps((s) => void s.splice(6, 2, s[7]!, s[6]!)), /publication step must be the last/],
    ['a countersign with one signer', withSteps((s) => void Object.assign(s[2]!, { kind: 'countersign', signers: [{ role: 'legal' }] })), /at least two signers/],
    ['a countersign without signers', withSteps((s) => void Object.assign(s[2]!, { kind: 'countersign' })), /at least two signers/],
    ['signers on a filing step', withSteps((s) => void Object.assign(s[6]!, { signers: [{ role: 'publisher' }] })), /^steps\.6\.signers: only review/],
    ['a mode without two signers', withSteps((s) => void Object.assign(s[2]!, { mode: 'any' })), /^steps\.2\.mode: mode needs at least two signers/],
    ['an unknown mode', withSteps((s) => void Object.assign(s[2]!, { signers: [{ role: 'legal' }, { role: 'secrecy' }], mode: 'most' })), /^steps\.2\.mode/],
    ['a person named twice', withSteps((s) => void Object.assign(s[4]!, { signers: [{ userId: 'u1' }, { userId: 'u1' }] })), /'u1' is named twice/],
    ['a signer with a role and a person', withSteps((s) => void Object.assign(s[2]!, { signers: [{ role: 'legal', userId: 'u1' }] })), /^steps\.2\.signers\.0/],
    ['a signer with an unknown role', withSteps((s) => void Object.assign(s[2]!, { signers: [{ role: 'mayor' }] })), /^steps\.2\.signers\.0/],
    ['an empty signer list', withSteps((s) => void Object.assign(s[2]!, { signers: [] })), /^steps\.2\.signers/],
  ])('rejects %s', (_name, input, expected) => {
    expect(messages(input).join('\n')).toMatch(expected);
  });
});

describe('compileWorkflow', () => {
  it('caches the machine per key and version', () => {
    expect(compileWorkflow(releaseReviewDefinition)).toBe(compileWorkflow(releaseReviewDefinition));
    expect(compileWorkflow(clone())).toBe(compileWorkflow(releaseReviewDefinition));
    // Read back from storage: parsed, keys in the schema's order. Still the same definition.
    expect(compileWorkflow(workflowDefinitionSchema.parse(clone()) as WorkflowDefinition)).toBe(compileWorkflow(releaseReviewDefinition));
  });

  it('compiles another database’s definition under the same key and version to its own machine, and keeps both', () => {
    const shipped = compileWorkflow(releaseReviewDefinition);
    const changed = clone();
    step(changed, 'legality_review').label.zh = '合法性审核';
    const other = compileWorkflow(changed);
    expect(other).not.toBe(shipped);
    expect(compileWorkflow(clone())).toBe(shipped);
    expect(compileWorkflow(structuredClone(changed))).toBe(other);
  });

  it('refuses definitions the schema rejects', () => {
    expect(() => compileWorkflow({ ...clone(), key: 'broken', steps: [] })).toThrow();
  });

  it('refuses guards and effects the registry does not know', () => {
    const unknownGuard = { ...clone(), key: 'unknown-guard' };
    step(unknownGuard, 'stats_review').when = { guard: 'isFullMoon' };
    expect(() => compileWorkflow(unknownGuard)).toThrow(/unknown guard 'isFullMoon'/);
    const unknownEffect = { ...clone(), key: 'unknown-effect' };
    step(unknownEffect, 'published').effects = ['ringBell'];
    expect(() => compileWorkflow(unknownEffect)).toThrow(/unknown effect 'ringBell'/);
  });
});
