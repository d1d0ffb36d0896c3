import { describe, expect, it } from 'vitest';
import { releaseReviewDefinition as def } from '../../../workflows/release-review.definition';
import { validateDefinition } from '../../../workflows/validate-definition';
import { addStepAfter, canMove, defaultMapping, freshStepId, moveStep, removeStep, updateStep } from './editor-ops';

const ids = (d: typeof def) => d.steps.map((s) => s.id);
const label = { zh: '新步骤', en: 'New step' };

describe('editor operations', () => {
  it('adds a step right after the chosen one, returning to every working step before it', () => {
    const { definition, id } = addStepAfter(def, 'legality_review', label);
    expect(id).toBe('step_1');
    expect(ids(definition).slice(0, 5)).toEqual(['draft', 'stats_review', 'legality_review', 'step_1', 'secrecy_review']);
    expect(definition.steps[3]!.returnTargets).toEqual(['draft', 'stats_review', 'legality_review']);
    expect(def.steps).toHaveLength(12); // the original is untouched
  });

  it('adds before the end states when an end state is selected', () => {
    const { definition } = addStepAfter(def, 'withdrawn', label);
    expect(ids(definition).slice(7, 10)).toEqual(['publication', 'step_1', 'published']);
  });

  it('a new step is reported as unassigned until it has a role, then validates', () => {
    const { definition, id } = addStepAfter(def, 'legality_review', label);
    expect(validateDefinition(definition).some((i) => i.stepId === id)).toBe(true);
    const countersign = updateStep(definition, id, { kind: 'countersign', role: 'leader', signers: [{ role: 'stats' }], mode: 'all' });
    expect(validateDefinition(countersign).some((i) => i.stepId === id && i.code === 'countersign_signers')).toBe(true);
    const fixed = updateStep(countersign, id, { signers: [{ role: 'stats' }, { role: 'leader' }] });
    expect(validateDefinition(fixed)).toEqual([]);
  });

  it('removes a step and every return to it, never the draft or an end state', () => {
    const without = removeStep(def, 'stats_review');
    expect(ids(without)).not.toContain('stats_review');
    expect(without.steps.some((s) => s.returnTargets?.includes('stats_review'))).toBe(false);
    expect(removeStep(def, 'draft')).toBe(def);
    expect(removeStep(def, 'published')).toBe(def);
  });

  it('moves working steps among themselves only', () => {
    expect(canMove(def, 'stats_review', -1)).toBe(false);
    expect(canMove(def, 'publication', 1)).toBe(false);
    expect(canMove(def, 'draft', 1)).toBe(false);
    const moved = moveStep(def, 'secrecy_review', -1);
    expect(ids(moved).slice(1, 4)).toEqual(['stats_review', 'secrecy_review', 'legality_review']);
    // secrecy may no longer return to legality, which now comes after it: validation says so.
    expect(validateDefinition(moved).some((i) => i.stepId === 'secrecy_review' && i.code === 'return_not_earlier')).toBe(true);
  });

  it('renaming a step follows every return target; undefined fields are dropped', () => {
    const renamed = updateStep(def, 'legality_review', { id: 'legal_check', dueWorkingDays: undefined });
    expect(ids(renamed)).toContain('legal_check');
    expect(renamed.steps.find((s) => s.id === 'legal_check')).not.toHaveProperty('dueWorkingDays');
    expect(renamed.steps.find((s) => s.id === 'secrecy_review')!.returnTargets).toContain('legal_check');
    expect(freshStepId(renamed)).toBe('step_1');
  });

  it('maps each old working step to the same step of the new version, or to nothing when it is gone', () => {
    const v2 = { ...removeStep(addStepAfter(def, 'legality_review', label).definition, 'stats_review'), version: 2 };
    const mapping = defaultMapping(def, v2);
    expect(Object.keys(mapping)).toEqual(def.steps.filter((s) => s.kind !== 'end').map((s) => s.id));
    expect(mapping.legality_review).toBe('legality_review');
    expect(mapping.stats_review).toBe('');
  });
});
