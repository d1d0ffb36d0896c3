/**
 * The small review that changes a published document's validity (有效性) after publication:
 * someone proposes 废止 (repealed) or 失效 (expired) with a reason, a legality reviewer
 * who did not propose it approves or rejects. Pure: the server restores the state by value.
 */
import { setup, transition, initialTransition } from 'xstate';
import type { Role } from '../roles';

export interface ValidityActor {
  id: string;
  roles: readonly Role[];
}

export interface ValidityContext {
  proposerId: string;
}

export type ValidityEvent = { type: 'APPROVE'; actor: ValidityActor } | { type: 'REJECT'; actor: ValidityActor };
export type ValidityState = 'pending' | 'approved' | 'rejected';

/** The legality reviewer decides; never the person who proposed the change. */
const canDecide = ({ context, event }: { context: ValidityContext; event: ValidityEvent }) =>
  event.actor.roles.includes('legal') && event.actor.id !== context.proposerId;

export const validityChangeMachine = setup({
  types: { context: {} as ValidityContext, events: {} as ValidityEvent, input: {} as ValidityContext },
  guards: { canDecide },
  actions: { applyValidity: () => {}, notifyProposer: () => {} },
}).createMachine({
  id: 'validity-change',
  initial: 'pending',
  context: ({ input }) => ({ proposerId: input.proposerId }),
  states: {
    pending: {
      on: {
        APPROVE: { guard: 'canDecide', target: 'approved', actions: ['applyValidity', 'notifyProposer'] },
        REJECT: { guard: 'canDecide', target: 'rejected', actions: ['notifyProposer'] },
      },
    },
    approved: { type: 'final' },
    rejected: { type: 'final' },
  },
});

/**
 * The next state of a validity-change request, or null when the event is refused.
 *
 * @example
 * decideValidityChange('pending', { proposerId: 'u1' }, { type: 'APPROVE', actor: { id: 'u2', roles: ['legal'] } });
 * // { state: 'approved', effects: ['applyValidity', 'notifyProposer'] }
 */
export function decideValidityChange(state: ValidityState, context: ValidityContext, event: ValidityEvent): { state: ValidityState; effects: string[] } | null {
  const [initial] = initialTransition(validityChangeMachine, context);
  const current = validityChangeMachine.resolveState({ ...initial, value: state, context });
  const [next, actions] = transition(validityChangeMachine, current, event);
  if (next.value === current.value) return null;
  return { state: next.value as ValidityState, effects: actions.map((a) => a.type) };
}
