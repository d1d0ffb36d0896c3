/**
 * Compiles a definition into an XState v5 machine. Every step is a state; every accepted
 * event is a list of guarded candidate transitions, one per possible target, so the machine
 * itself holds the whole flow and @xstate/graph can walk it. Acting on one seat of several
 * (an approval that leaves the step open, a transfer, an added signer) is a transition
 * without a target: it changes the context only.
 */
import { and, assign, setup } from 'xstate';
import { DRAFT_STEP, stepById, workflowDefinitionSchema, type StepDefinition, type WorkflowDefinition } from './definition';
import { CONCLUDED, declaredReturnTargets, evaluateGuard, guardParams, nextStepId, returnTargetIds, stepIdsFrom } from './flow';
import { defaultRegistry, type GuardParams, type WorkflowRegistry } from './registry';
import { REVIEW_EVENT_TYPES, type DocumentFacts, type ReviewContext, type ReviewEvent, type ReviewEventType } from './review-types';
import { approvalLeavesStepOpen, approvalUnblocksSeat, recordAddedSigner, recordApproval, recordTransfer } from './seat-updates';
import { checksFor } from './step-rules';

type ActionRef = string | { type: string; params: object };
interface Candidate {
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
const LEAVE = 'shenfa.leaveStep';

function candidates(def: WorkflowDefinition, step: StepDefinition, type: ReviewEventType): Candidate[] {
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
      if (type === 'SUBMIT') return flows;
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

function stateConfig(def: WorkflowDefinition, step: StepDefinition) {
  const params = guardParams(def, step);
  const on: Record<string, unknown[]> = {};
  for (const type of REVIEW_EVENT_TYPES) {
    const checks = checksFor(step, type);
    if (!checks) continue;
    const rules = checks.map((c) => ({ type: c.guard, params }));
    on[type] = candidates(def, step, type).map((c) => ({
      guard: and([...rules, ...c.guards]),
      ...(c.target ? { target: c.target } : {}),
      actions: c.actions,
    }));
  }
  const final = step.kind === 'end' && step.id !== 'published';
  return final ? { type: 'final' as const } : { on };
}

// Only the known fields are stored, whatever else the caller's object carries.
const pickFacts = (f: DocumentFacts): DocumentFacts => ({
  hasStatistics: f.hasStatistics,
  isMajorMatter: f.isMajorMatter,
  attribute: f.attribute,
  categoryCode: f.categoryCode,
  drafterId: f.drafterId,
});

function assertResolvable(def: WorkflowDefinition, registry: WorkflowRegistry): void {
  for (const step of def.steps) {
    if (step.when && !registry.guards.has(step.when.guard)) throw new Error(`step '${step.id}': unknown guard '${step.when.guard}'`);
    for (const name of step.effects ?? []) {
      if (!registry.actions.has(name)) throw new Error(`step '${step.id}': unknown effect '${name}'`);
    }
  }
}

function buildMachine(def: WorkflowDefinition, registry: WorkflowRegistry) {
  type Args = { context: ReviewContext; event: ReviewEvent };
  const guards: Record<string, (args: Args, params: never) => boolean> = {};
  for (const name of registry.guards.keys()) {
    guards[name] = ({ context, event }, params: GuardParams) => evaluateGuard(registry, name, context, event, params);
  }
  guards['shenfa.flowsTo'] = ({ context, event }, p: { from: string; to: string }) =>
    nextStepId(def, p.from, context, event, registry) === p.to;
  guards['shenfa.returnsTo'] = ({ context, event }, p: { from: string; to: string }) =>
    event.type === 'RETURN' && event.target === p.to && returnTargetIds(def, p.from, context, registry).includes(p.to);
  guards['shenfa.staysOpen'] = ({ context, event }, p: GuardParams) => approvalLeavesStepOpen(context, event, p);
  guards['shenfa.unblocksSeat'] = ({ context, event }, p: GuardParams) => approvalUnblocksSeat(context, event, p);

  // Effects are names only: a pure transition returns them and the server runs them later.
  const effects = Object.fromEntries([...registry.actions].map((name) => [name, () => {}]));

  return setup({
    types: { context: {} as ReviewContext, events: {} as ReviewEvent, input: {} as DocumentFacts },
    guards,
    actions: {
      ...effects,
      'shenfa.startRound': assign(({ context, event }) =>
        event.type === 'SUBMIT'
          ? { ...pickFacts(event.facts), drafterId: context.drafterId, round: context.round + 1, acted: [], lastReturn: null }
          : {},
      ),
      'shenfa.recordApproval': assign(({ context, event }, p: GuardParams) => recordApproval(context, event, p)),
      'shenfa.recordTransfer': assign(({ context, event }, p: GuardParams) => recordTransfer(context, event, p)),
      'shenfa.recordAddedSigner': assign(({ context, event }, p: GuardParams) => recordAddedSigner(context, event, p)),
      [LEAVE]: assign({ seatChanges: [] }),
      'shenfa.recordReturn': assign(({ context, event }, p: { fromStep: string; toStep: string; dropStepIds: string[] }) => ({
        acted: context.acted.filter((a) => !p.dropStepIds.includes(a.stepId)),
        lastReturn: { fromStep: p.fromStep, toStep: p.toStep, byUserId: event.actor.id },
      })),
      'shenfa.recordRecall': assign({ acted: [], lastReturn: null }),
    },
  }).createMachine({
    id: `${def.key}-v${def.version}`,
    initial: DRAFT_STEP,
    context: ({ input }) => ({ ...pickFacts(input), round: 0, acted: [], lastReturn: null, seatChanges: [] }),
    // The config is built from data, so its literal types cannot be checked statically.
    states: Object.fromEntries(def.steps.map((s) => [s.id, stateConfig(def, s)])) as never,
  });
}

export type ReviewMachine = ReturnType<typeof buildMachine>;

interface CacheEntry {
  def: WorkflowDefinition;
  json: string;
  revision: number;
  machine: ReviewMachine;
}
const cache = new WeakMap<WorkflowRegistry, Map<string, CacheEntry>>();

/**
 * Validates a definition and compiles it to an XState machine, cached per key and version
 * (and registry). A definition changed without a version bump is an error, because stored
 * documents are pinned to key + version.
 * @example const machine = compileWorkflow(releaseReviewDefinition);
 */
export function compileWorkflow(def: WorkflowDefinition, registry: WorkflowRegistry = defaultRegistry): ReviewMachine {
  const byKey = cache.get(registry) ?? new Map<string, CacheEntry>();
  cache.set(registry, byKey);
  const cacheKey = `${def.key}@${def.version}`;
  const hit = byKey.get(cacheKey);
  if (hit && hit.revision === registry.revision) {
    if (hit.def === def) return hit.machine;
    const json = JSON.stringify(def);
    if (hit.json === json) return hit.machine;
    throw new Error(`workflow ${cacheKey} changed without a new version`);
  }
  const parsed = workflowDefinitionSchema.parse(def);
  assertResolvable(parsed, registry);
  const machine = buildMachine(parsed, registry);
  byKey.set(cacheKey, { def, json: JSON.stringify(def), revision: registry.revision, machine });
  return machine;
}
