/**
 * Named guards and actions. Definitions refer to guards by name (`when: { guard }`) and the
 * compiled machine refers to rules and effects by name, so a definition stays JSON and a
 * plugin can add names. Action names are only names: the server runs them after its commit.
 */
import { isPublishable } from '../forms/disclosure';
import type { LocalizedText } from './definition';
import type { Role } from './roles';
import { REVIEW_EFFECTS, type ReviewContext, type ReviewEvent } from './review-types';
import { SEAT_GUARDS } from './seat-guards';
import type { StepSeating } from './seats';

/** Step data the compiler passes to every guard it calls. */
export interface GuardParams {
  stepId: string;
  role?: Role;
  /** Ids of the steps under separation of duties (review, signoff, decision, countersign). */
  separatedStepIds: readonly string[];
  /** The step's declared seats; none for the draft and end states. */
  seating: StepSeating;
}

/**
 * A pure predicate. `event` is undefined when a condition is evaluated outside an event
 * (e.g. listing return targets); at SUBMIT, `context` already carries the submitted facts.
 */
export type WorkflowGuard = (context: ReviewContext, event: ReviewEvent | undefined, params: GuardParams) => boolean;

/** How a definition may use a guard: as a step's `when`, or in a step's `requires`. */
export type GuardUse = 'condition' | 'requirement';

/** What the editor shows of a guard: its name in words and where it fits. */
export interface GuardInfo {
  label: LocalizedText;
  use: GuardUse;
}

export interface WorkflowRegistry {
  readonly guards: Map<string, WorkflowGuard>;
  readonly actions: Set<string>;
  /** Labels of the guards a definition may name; the engine's own rule guards have none. */
  readonly info?: Map<string, GuardInfo>;
  /** Bumped by every registration, so a compiled machine is never reused across changes. */
  revision: number;
}

// Plain identifiers only: dotted names are the compiler's own ('shenfa.*').
const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
function assertName(name: string): void {
  if (!NAME.test(name)) throw new Error(`'${name}' is not a valid guard or action name`);
}

const actorOf = (event: ReviewEvent | undefined) => event?.actor;

/** Guards the engine's rules rely on; their names appear in every compiled machine. */
const RULE_GUARDS: Record<string, WorkflowGuard> = {
  isDocumentDrafter: (ctx, event) => actorOf(event)?.id === ctx.drafterId,
  holdsStepRole: (_ctx, event, params) => !!params.role && !!actorOf(event)?.roles.includes(params.role),
  notOwnDocument: (ctx, event) => !!actorOf(event) && actorOf(event)?.id !== ctx.drafterId,
  notAlreadyActed: (ctx, event, params) =>
    !ctx.acted.some((a) => a.userId === actorOf(event)?.id && params.separatedStepIds.includes(a.stepId)),
  nobodyActed: (ctx) => ctx.acted.length === 0 && ctx.lastReturn === null,
  ...SEAT_GUARDS,
};

/** Names of the engine's own guards: never offered to a definition. */
export const RULE_GUARD_NAMES: readonly string[] = Object.keys(RULE_GUARDS);

/** Conditions a definition may name in `when`. */
const CONDITION_GUARDS: Record<string, WorkflowGuard> = {
  hasStatistics: (ctx) => ctx.hasStatistics,
  isMajorMatter: (ctx) => ctx.isMajorMatter,
  isPublishable: (ctx) => isPublishable(ctx.attribute),
};

const CONDITION_LABELS: Record<keyof typeof CONDITION_GUARDS, LocalizedText> = {
  hasStatistics: { zh: '含统计数据', en: 'Contains statistics' },
  isMajorMatter: { zh: '属重大事项', en: 'Major matter' },
  isPublishable: { zh: '可公开', en: 'Publishable' },
};

/**
 * A fresh registry holding the built-in guards and effect names; extend it for one plugin
 * without touching the default.
 * @example const reg = createRegistry(); registerGuard('isBudget', (c) => c.categoryCode === 'budget', reg);
 */
export function createRegistry(): WorkflowRegistry {
  return {
    guards: new Map(Object.entries({ ...RULE_GUARDS, ...CONDITION_GUARDS })),
    actions: new Set(REVIEW_EFFECTS),
    info: new Map(Object.entries(CONDITION_LABELS).map(([name, label]) => [name, { label, use: 'condition' as const }])),
    revision: 0,
  };
}

/** The guards every registry starts with; none of them reads the document's text. */
const BUILT_IN_GUARD_NAMES: ReadonlySet<string> = new Set([...Object.keys(RULE_GUARDS), ...Object.keys(CONDITION_GUARDS)]);

/**
 * True when a step of `definition` names a guard a plugin registered (in `requires` or `when`).
 * Only such a guard may read `event.document`, the text an approval or publication carries, so
 * the server loads a document's text for a step only when its definition is one of these (or
 * the step itself reads the text: submission, the secrecy review, publication).
 * @example namesPluginGuards({ ...def, steps: [{ ...step, requires: ['noSensitiveWords'] }] }) // true
 */
export function namesPluginGuards(definition: { steps: readonly { when?: { guard: string }; requires?: readonly string[] }[] }): boolean {
  const isPlugin = (name: string) => !BUILT_IN_GUARD_NAMES.has(name);
  // Asked at every approval: no arrays built on the way.
  return definition.steps.some((step) => (step.when !== undefined && isPlugin(step.when.guard)) || (step.requires?.some(isPlugin) ?? false));
}

/** The registry used when none is passed. */
export const defaultRegistry: WorkflowRegistry = createRegistry();

/**
 * Adds a named guard. Names are never replaced, so a plugin cannot weaken a built-in rule.
 * `info` gives the editor its label and use; without it the editor shows the bare name.
 * @example registerGuard('isNormativeDocument', (ctx) => ctx.categoryCode.startsWith('gfxwj'), defaultRegistry, { label: { zh: '规范性文件', en: 'Normative document' }, use: 'condition' });
 */
export function registerGuard(name: string, fn: WorkflowGuard, registry: WorkflowRegistry = defaultRegistry, info?: GuardInfo): void {
  assertName(name);
  if (registry.guards.has(name)) throw new Error(`guard '${name}' is already registered`);
  registry.guards.set(name, fn);
  if (info) registry.info?.set(name, info);
  registry.revision += 1;
}

/**
 * Adds a named effect the server may run after a transition.
 * @example registerAction('notifyWebhook');
 */
export function registerAction(name: string, registry: WorkflowRegistry = defaultRegistry): void {
  assertName(name);
  if (registry.actions.has(name)) return;
  registry.actions.add(name);
  registry.revision += 1;
}
