import { describe, expect, it } from 'vitest';
import { requestFlowDefinition } from '../../../workflows/requests/request-flow.definition';
import { validateRequestFlow } from '../../../workflows/requests/validate-request-flow';
import { addRequestStep, removeRequestStep, setTransitions, updateRequestStep } from './request-editor-ops';

describe('request flow editor operations', () => {
  it('adds a step before the end, with a fresh id, that the validator reports until it is joined', () => {
    const { definition, id } = addRequestStep(requestFlowDefinition, 'closed', { zh: '新步骤', en: 'New step' });
    expect(id).toBe('step_1');
    expect(definition.steps.at(-1)!.id).toBe('closed');
    expect(validateRequestFlow(definition).filter((i) => i.stepId === id).map((i) => i.code).sort()).toEqual(['no_way_out', 'unreachable']);
    const joined = setTransitions(
      setTransitions(definition, 'accepted', [...definition.steps.find((s) => s.id === 'accepted')!.transitions!, { event: 'START_CONSULTATION', to: id }]),
      id,
      [{ event: 'END_CONSULTATION', to: 'accepted' }],
    );
    expect(validateRequestFlow(joined)).toEqual([]);
  });

  it('renames a step everywhere it is a target, and removes a step with the arrows to it', () => {
    const renamed = updateRequestStep(requestFlowDefinition, 'consulting', { id: 'third_party' });
    expect(renamed.steps.find((s) => s.id === 'accepted')!.transitions!.some((t) => t.to === 'third_party')).toBe(true);
    expect(validateRequestFlow(renamed)).toEqual([]);
    const removed = removeRequestStep(requestFlowDefinition, 'consulting');
    expect(removed.steps.some((s) => s.id === 'consulting')).toBe(false);
    expect(validateRequestFlow(removed)).toEqual([]);
    expect(updateRequestStep(requestFlowDefinition, 'consulting', { role: undefined }).steps[3]).not.toHaveProperty('role');
  });
});
