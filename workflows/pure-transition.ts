/**
 * XState's pure `transition(machine, snapshot, event)`, minus its cost per call.
 */
import { createActor, type AnyStateMachine, type ExecutableActionObject } from 'xstate';
import type { ReviewMachine } from './compile';
import type { ReviewEvent } from './review-types';

// XState's pure `transition` builds a throwaway actor, with its initial snapshot, on every
// call just to hand the machine a scope. Our machines spawn nothing, send nothing and have no
// delays, so one inert scope per compiled machine serves every call; only where the actions
// are collected is per call.
type MachineScope = Parameters<ReviewMachine['transition']>[2];
const inertScopes = new WeakMap<ReviewMachine, Omit<MachineScope, 'actionExecutor'>>();
function inertScope(machine: ReviewMachine) {
  let scope = inertScopes.get(machine);
  if (!scope) {
    // As XState's own inert scope: without input (the machine answers with placeholder facts), never started.
    const self = createActor(machine as unknown as AnyStateMachine) as unknown as MachineScope['self'];
    scope = { self, system: self.system, id: '', sessionId: '', logger: () => {}, defer: () => {}, emit: () => {}, stopChild: () => {} };
    inertScopes.set(machine, scope);
  }
  return scope;
}

/** XState's `transition(machine, snapshot, event)`, without an actor per call. */
export function pureTransition(machine: ReviewMachine, snapshot: ReturnType<ReviewMachine['resolveState']>, event: ReviewEvent) {
  const actions: ExecutableActionObject[] = [];
  const scope: MachineScope = { ...inertScope(machine), actionExecutor: (action: ExecutableActionObject) => void actions.push(action) };
  const next = machine.transition(snapshot, event, scope);
  return [next, actions] as const;
}
