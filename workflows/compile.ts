/**
 * Compiles a definition into an XState v5 machine. Every step is a state; every accepted
 * event is a list of guarded candidate transitions, one per possible target (see
 * transitions.ts), so the machine itself holds the whole flow and @xstate/graph can walk it.
 */
import { and, assign, setup } from 'xstate';
import { DRAFT_STEP, workflowDefinitionSchema, type StepDefinition, type WorkflowDefinition } from './definition';
import { evaluateGuard, guardParams, nextStepId, returnTargetIds } from './flow';
import { defaultRegistry, type GuardParams, type WorkflowRegistry } from './registry';
import { REVIEW_EVENT_TYPES, type DocumentFacts, type ReviewContext, type ReviewEvent } from './review-types';
import { approvalLeavesStepOpen, approvalUnblocksSeat, recordAddedSigner, recordApproval, recordTransfer } from './seat-updates';
import { checksFor, type RuleCheck } from './step-rules';
import { candidates, LEAVE } from './transitions';

/** The rule checks of one event at one step, evaluated as one guard. */
interface RulesParams {
  checks: readonly RuleCheck[];
  step: GuardParams;
}

function stateConfig(def: WorkflowDefinition, step: StepDefinition) {
  const params = guardParams(def, step);
  const on: Record<string, unknown[]> = {};
  for (const type of REVIEW_EVENT_TYPES) {
    const checks = checksFor(step, type);
    if (!checks) continue;
    const rules = { type: 'shenfa.rulesPass', params: { checks, step: params } satisfies RulesParams };
    on[type] = candidates(def, step, type).map((c) => ({
      guard: and([rules, ...c.guards]),
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

// XState's pure `transition` first builds a throwaway actor whose initial snapshot gets no
// input. Answering it with placeholder facts instead of throwing spares an exception, and
// its stack trace, on every transition; that snapshot is discarded unread.
const THROWAWAY_FACTS: DocumentFacts = { hasStatistics: false, isMajorMatter: false, attribute: 'open', categoryCode: '', drafterId: '' };

function assertResolvable(def: WorkflowDefinition, registry: WorkflowRegistry): void {
  for (const step of def.steps) {
    if (step.when && !registry.guards.has(step.when.guard)) throw new Error(`step '${step.id}': unknown guard '${step.when.guard}'`);
    for (const name of step.requires ?? []) {
      if (!registry.guards.has(name)) throw new Error(`step '${step.id}': unknown guard '${name}'`);
    }
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
  // Every candidate of an event repeats the same rule checks; XState hands them the same
  // event and context objects, so the verdict is computed once per transition attempt.
  const verdicts = new WeakMap<ReviewEvent, WeakMap<ReviewContext, Map<RulesParams, boolean>>>();
  guards['shenfa.rulesPass'] = ({ context, event }, p: RulesParams) => {
    const byContext = verdicts.get(event) ?? new WeakMap<ReviewContext, Map<RulesParams, boolean>>();
    verdicts.set(event, byContext);
    const memo = byContext.get(context) ?? new Map<RulesParams, boolean>();
    byContext.set(context, memo);
    let verdict = memo.get(p);
    if (verdict === undefined) {
      verdict = p.checks.every((c) => evaluateGuard(registry, c.guard, context, event, p.step));
      memo.set(p, verdict);
    }
    return verdict;
  };
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
    context: ({ input }) => ({ ...pickFacts(input ?? THROWAWAY_FACTS), round: 0, acted: [], lastReturn: null, seatChanges: [] }),
    // The config is built from data, so its literal types cannot be checked statically.
    states: Object.fromEntries(def.steps.map((s) => [s.id, stateConfig(def, s)])) as never,
  });
}

export type ReviewMachine = ReturnType<typeof buildMachine>;

interface CacheEntry {
  revision: number;
  machine: ReviewMachine;
}
/** Per registry: by the definition's canonical text, and by each object already seen (no parse again). */
const cache = new WeakMap<WorkflowRegistry, { byText: Map<string, CacheEntry>; byObject: WeakMap<WorkflowDefinition, CacheEntry> }>();

/**
 * Validates a definition and compiles it to an XState machine, cached per registry and
 * definition. Cached by content, not by key and version alone: two bureaus' databases served
 * by one process (createShenfa twice) may each hold their own version 2 of the same key, and
 * each gets its own machine. Within one database a stored version never changes.
 * @example const machine = compileWorkflow(releaseReviewDefinition);
 */
export function compileWorkflow(def: WorkflowDefinition, registry: WorkflowRegistry = defaultRegistry): ReviewMachine {
  let compiled = cache.get(registry);
  if (!compiled) cache.set(registry, (compiled = { byText: new Map(), byObject: new WeakMap() }));
  // The same object again (every step of a document): no parse, no comparison.
  const known = compiled.byObject.get(def);
  if (known && known.revision === registry.revision) return known.machine;
  // Compared as parsed, so the same definition read back from the database (keys in the
  // schema's order, unknown keys dropped) is the same machine; a list (the inbox) reads a copy
  // per row, and each copy is parsed once.
  const parsed = workflowDefinitionSchema.parse(def);
  const text = JSON.stringify(parsed);
  let entry = compiled.byText.get(text);
  if (!entry || entry.revision !== registry.revision) {
    assertResolvable(parsed, registry);
    entry = { revision: registry.revision, machine: buildMachine(parsed, registry) };
    compiled.byText.set(text, entry);
  }
  compiled.byObject.set(def, entry);
  return entry.machine;
}
