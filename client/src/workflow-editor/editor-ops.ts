/**
 * The editor's changes to a draft definition, as pure functions returning a new definition
 * (the old one is never mutated, so the graph and validation simply follow). They keep the
 * shape the engine needs where that is mechanical — the draft first, end states last, no
 * dangling references — and leave every judgement to validateDefinition.
 */
import type { StepDefinition, WorkflowDefinition } from '../../../workflows/definition';

type Def = WorkflowDefinition;

const workingRange = (def: Def) => ({ first: 1, last: def.steps.findLastIndex((s) => s.kind !== 'end') });

/**
 * An id not yet used in the definition: `step_2`, `step_3`…
 * @example freshStepId(def) // 'step_1' when none is taken
 */
export function freshStepId(def: Def, base = 'step'): string {
  const taken = new Set(def.steps.map((s) => s.id));
  for (let n = 1; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

/**
 * Inserts a new review step after `afterId` (after the last working step when that is an
 * end state). It may return to every working step before it, like the shipped flow, and
 * has no role yet: validation asks for one.
 * @example addStepAfter(def, 'legality_review', { zh: '新步骤', en: 'New step' }).id // 'step_1'
 */
export function addStepAfter(def: Def, afterId: string, label: StepDefinition['label']): { definition: Def; id: string } {
  const { last } = workingRange(def);
  const at = Math.min(Math.max(def.steps.findIndex((s) => s.id === afterId), 0), last);
  const id = freshStepId(def);
  const earlier = def.steps.slice(0, at + 1).filter((s) => s.kind !== 'end').map((s) => s.id);
  const step: StepDefinition = { id, kind: 'review', label, returnTargets: earlier };
  return { definition: { ...def, steps: [...def.steps.slice(0, at + 1), step, ...def.steps.slice(at + 1)] }, id };
}

/**
 * Removes a working step (never the draft or an end state) and every return to it.
 * @example removeStep(def, 'stats_review').steps.some((s) => s.returnTargets?.includes('stats_review')) // false
 */
export function removeStep(def: Def, id: string): Def {
  const step = def.steps.find((s) => s.id === id);
  if (!step || step.kind === 'fill' || step.kind === 'end') return def;
  return {
    ...def,
    steps: def.steps
      .filter((s) => s.id !== id)
      .map((s) => (s.returnTargets?.includes(id) ? { ...s, returnTargets: s.returnTargets.filter((t) => t !== id) } : s)),
  };
}

/** Whether `id` can move one place up (-1) or down (+1) among the working steps after the draft. */
export function canMove(def: Def, id: string, by: -1 | 1): boolean {
  const { first, last } = workingRange(def);
  const at = def.steps.findIndex((s) => s.id === id);
  return at >= first && at <= last && at + by >= first && at + by <= last;
}

/**
 * Swaps a working step with its neighbour. Return targets that would now point forward are
 * left for validation to point out, rather than silently dropped.
 * @example moveStep(def, 'secrecy_review', -1).steps.map((s) => s.id).indexOf('secrecy_review') // one less
 */
export function moveStep(def: Def, id: string, by: -1 | 1): Def {
  if (!canMove(def, id, by)) return def;
  const at = def.steps.findIndex((s) => s.id === id);
  const steps = [...def.steps];
  [steps[at], steps[at + by]] = [steps[at + by]!, steps[at]!];
  return { ...def, steps };
}

/**
 * Replaces one step's fields; a changed id is followed by every return target naming it.
 * Fields set to undefined are removed, so the JSON stays minimal.
 * @example updateStep(def, 'step_1', { kind: 'countersign', mode: 'all' })
 */
export function updateStep(def: Def, id: string, patch: Partial<StepDefinition>): Def {
  const renamed = patch.id !== undefined && patch.id !== id ? patch.id : null;
  return {
    ...def,
    steps: def.steps.map((s) => {
      if (s.id === id) {
        const next: Record<string, unknown> = { ...s, ...patch };
        for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
        return next as unknown as StepDefinition;
      }
      if (renamed && s.returnTargets?.includes(id)) return { ...s, returnTargets: s.returnTargets.map((t) => (t === id ? renamed : t)) };
      return s;
    }),
  };
}

/** What a migration mapping reads of a definition of either flow family. */
interface StepKinds {
  steps: readonly { id: string; kind: string }[];
}

/**
 * The starting state mapping of a migration: each working step of the old version to the
 * step with the same id in the new one, or '' (not moved) when the new version lacks it.
 * @example defaultMapping(v1, v2).stats_review // 'stats_review', or '' once removed
 */
export function defaultMapping(from: StepKinds, to: StepKinds): Record<string, string> {
  const toIds = new Set(to.steps.filter((s) => s.kind !== 'end').map((s) => s.id));
  return Object.fromEntries(from.steps.filter((s) => s.kind !== 'end').map((s) => [s.id, toIds.has(s.id) ? s.id : '']));
}
