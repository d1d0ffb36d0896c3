/**
 * The guarded candidate transitions of one event at one step, in the order XState tries
 * them, with the context updates and effect names each runs. Acting on one seat of several
 * (an approval that leaves the step open, a transfer, an added signer) is a transition
 * without a target: it changes the context only.
 */
import { DRAFT_STEP, SEPARATED_KINDS, stepById, type StepDefinition, type WorkflowDefinition } from './definition';
import { CONCLUDED, declaredReturnTargets, guardParams, stepIdsFrom } from './flow';
import type { ReviewEventType } from './review-types';

type ActionRef = string | { type: string; params: object };
export interface Candidate {
  /** Undefined: the document stays at the step. */
  target?: string;
  guards: { type: string; params: object }[];
  actions: ActionRef[];
}

const ARRIVAL_EFFECTS: Record<string, string[]> = {
  published: ['recordPublication'],
  withdrawn: ['recordWithdrawal'],
  concluded: ['notifyDrafterConcluded'],
  rejected: ['notifyDrafterRejected'],
};

function arrivalEffects(def: WorkflowDefinition, to: string, via: ReviewEventType): string[] {
  const base = to === DRAFT_STEP ? [via === 'RECALL' ? 'notifyRecalled' : 'notifyDrafterReturned'] : (ARRIVAL_EFFECTS[to] ?? ['notifyAssignees']);
  return [...base, ...(stepById(def, to)?.effects ?? [])];
}

// Whoever moves the document off a step closes the seats of its visit.
export const LEAVE = 'shenfa.leaveStep';

/**
 * The candidates of an event at a step; the rule checks of `checksFor` come on top of each.
 * @example candidates(def, stepById(def, 'legality_review')!, 'RETURN').map((c) => c.target) // ['draft', 'stats_review']
 */
export function candidates(def: WorkflowDefinition, step: StepDefinition, type: ReviewEventType): Candidate[] {
  const params = guardParams(def, step);
  const approval = { type: 'shenfa.recordApproval', params };
  const fixed = (target: string, actions: ActionRef[]): Candidate[] => [
    { target, guards: [], actions: [...actions, LEAVE, ...arrivalEffects(def, target, type)] },
  ];
  const stays = (actions: ActionRef[], guards: Candidate['guards'] = []): Candidate => ({ guards, actions });
  switch (type) {
    case 'SUBMIT':
    case 'APPROVE': {
      const after = def.steps.slice(def.steps.indexOf(step) + 1).filter((s) => s.kind !== 'end');
      const flows = [...after.map((s) => s.id), CONCLUDED].map((to) => ({
        target: to,
        guards: [{ type: 'shenfa.flowsTo', params: { from: step.id, to } }],
        actions: [type === 'SUBMIT' ? 'shenfa.startRound' : approval, LEAVE, ...arrivalEffects(def, to, type)],
      }));
      // Filing and publication have one seat that nobody can add to: their approval always moves on.
      if (type === 'SUBMIT' || !SEPARATED_KINDS.includes(step.kind)) return flows;
      // Tried in order: an approval that leaves seats open keeps the document here.
      const open = { type: 'shenfa.staysOpen', params };
      return [
        stays([approval, 'notifyAssignees'], [open, { type: 'shenfa.unblocksSeat', params }]),
        stays([approval], [open]),
        ...flows,
      ];
    }
    case 'RETURN':
      return declaredReturnTargets(step).map((to) => ({
        target: to,
        guards: [{ type: 'shenfa.returnsTo', params: { from: step.id, to } }],
        actions: [
          { type: 'shenfa.recordReturn', params: { fromStep: step.id, toStep: to, dropStepIds: stepIdsFrom(def, to) } },
          LEAVE,
          ...arrivalEffects(def, to, type),
        ],
      }));
    case 'PUBLISH':
      return fixed('published', [approval]);
    case 'REJECT':
      return fixed('rejected', []);
    case 'RECALL':
      return fixed(DRAFT_STEP, ['shenfa.recordRecall']);
    case 'WITHDRAW_PUBLICATION':
      return fixed('withdrawn', []);
    case 'TRANSFER':
      return [stays([{ type: 'shenfa.recordTransfer', params }, 'notifyAssignees'])];
    case 'ADD_SIGNER':
      return [stays([{ type: 'shenfa.recordAddedSigner', params }, 'notifyAssignees'])];
  }
}
