/**
 * Edits of a draft request flow, each returning a new definition (the editor keeps the
 * draft immutable so every change re-validates and redraws). Pure and unit-tested.
 */
import type { RequestFlowDefinition, RequestStepDefinition, RequestTransition } from '../../../workflows/requests/request-flow-definition';

/** Changes one step; a new id is carried into every transition that led to the old one. */
export function updateRequestStep(def: RequestFlowDefinition, id: string, patch: Partial<RequestStepDefinition>): RequestFlowDefinition {
  const renamed = patch.id !== undefined && patch.id !== id ? patch.id : null;
  return {
    ...def,
    steps: def.steps.map((s) => {
      const step = s.id === id ? dropUndefined({ ...s, ...patch }) : s;
      if (!renamed || !step.transitions) return step;
      return { ...step, transitions: step.transitions.map((t) => (t.to === id ? { ...t, to: renamed } : t)) };
    }),
  };
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Adds a handling step after `afterId` (never after the end), with a fresh id.
 * @example addRequestStep(def, 'accepted', { zh: '新步骤', en: 'New step' }).id // 'step_2'
 */
export function addRequestStep(def: RequestFlowDefinition, afterId: string, label: RequestStepDefinition['label']): { definition: RequestFlowDefinition; id: string } {
  let n = 1;
  while (def.steps.some((s) => s.id === `step_${n}`)) n++;
  const id = `step_${n}`;
  const end = def.steps.findIndex((s) => s.kind === 'end');
  const at = Math.min(def.steps.findIndex((s) => s.id === afterId) + 1 || def.steps.length, end === -1 ? def.steps.length : end);
  const step: RequestStepDefinition = { id, kind: 'handling', label, role: 'publisher', transitions: [] };
  return { definition: { ...def, steps: [...def.steps.slice(0, at), step, ...def.steps.slice(at)] }, id };
}

/** Removes a step and the transitions that led to it (the validator then shows what is left stranded). */
export function removeRequestStep(def: RequestFlowDefinition, id: string): RequestFlowDefinition {
  return {
    ...def,
    steps: def.steps.filter((s) => s.id !== id).map((s) => (s.transitions ? { ...s, transitions: s.transitions.filter((t) => t.to !== id) } : s)),
  };
}

/** Replaces a step's transitions. */
export function setTransitions(def: RequestFlowDefinition, id: string, transitions: RequestTransition[]): RequestFlowDefinition {
  return updateRequestStep(def, id, { transitions });
}
