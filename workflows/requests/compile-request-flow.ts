/**
 * Compiles a request-flow definition into an XState v5 machine over a working-day calendar.
 * Each step is a state; each transition becomes a guarded XState transition whose guard is
 * `inOrder`, the event's statutory checks and the definition's own conditions, all named
 * guards of the registry, and whose action is the event's named record action.
 */
import { and, assign, setup } from 'xstate';
import { CLOCK_EVENTS, type ClockEvent } from '../clocks/index';
import type { IsoDate, WorkCalendar } from '../calendar/index';
import type { Role } from '../roles';
import { REQUEST_EVENTS } from './request-clocks';
import { requestFlowDefinitionSchema, type RequestFlowDefinition, type RequestStepDefinition } from './request-flow-definition';
import { ACTION_OF_EVENT, defaultRequestRegistry, RULE_OF_EVERY_EVENT, RULES_OF_EVENT, type RequestFlowRegistry } from './request-registry';
import type { RequestContext, RequestEvent } from './request-types';

type Args = { context: RequestContext; event: RequestEvent };
interface StepParams {
  id: string;
  role?: Role | undefined;
}

const record = (context: RequestContext, name: string, date: IsoDate, days?: number): ClockEvent[] => [...context.clock, days === undefined ? { name, date } : { name, date, days }];

/** The record actions, by the names ACTION_OF_EVENT gives them. */
const RECORD_ACTIONS = {
  recordAccepted: assign({ clock: ({ context, event }: Args) => record(context, REQUEST_EVENTS.accepted, event.date) }),
  recordCorrectionAsked: assign({ correctionAsked: true, clock: ({ context, event }: Args) => record(context, REQUEST_EVENTS.correctionNotified, event.date) }),
  recordCorrected: assign({ clock: ({ context, event }: Args) => record(context, CLOCK_EVENTS.requestCorrected, event.date) }),
  closeUncorrected: assign({
    clock: ({ context, event }: Args) => record(context, REQUEST_EVENTS.closed, event.date),
    outcome: ({ event }: Args) => ({ result: 'other' as const, subReason: 'no_correction_in_time' as const, closedOn: event.date, repliedOn: null }),
  }),
  recordConsultationStarted: assign({ clock: ({ context, event }: Args) => record(context, CLOCK_EVENTS.consultationStarted, event.date) }),
  recordConsultationEnded: assign({ clock: ({ context, event }: Args) => record(context, CLOCK_EVENTS.consultationEnded, event.date) }),
  recordExtensionAsked: assign({
    clock: ({ context, event }: Args) => record(context, REQUEST_EVENTS.extensionRequested, event.date, event.type === 'REQUEST_EXTENSION' ? event.days : undefined),
    extension: ({ event }: Args) => ({ requestedBy: event.actor.id, days: event.type === 'REQUEST_EXTENSION' ? event.days : 0, approvedBy: null }),
  }),
  recordExtensionApproved: assign({
    clock: ({ context, event }: Args) => record(context, CLOCK_EVENTS.requestExtended, event.date, context.extension!.days),
    extension: ({ context, event }: Args) => ({ ...context.extension!, approvedBy: event.actor.id }),
  }),
  recordFeeNotified: assign({ feeNotified: true, clock: ({ context, event }: Args) => record(context, CLOCK_EVENTS.feeNotified, event.date) }),
  recordFeePaid: assign({ clock: ({ context, event }: Args) => record(context, REQUEST_EVENTS.feePaid, event.date) }),
  closeFeeUnpaid: assign({
    clock: ({ context, event }: Args) => record(context, REQUEST_EVENTS.closed, event.date),
    outcome: ({ event }: Args) => ({ result: 'other' as const, subReason: 'fee_unpaid_in_time' as const, closedOn: event.date, repliedOn: null }),
  }),
  recordDraft: assign({
    clock: ({ context, event }: Args) => record(context, REQUEST_EVENTS.replyDrafted, event.date),
    reply: ({ event }: Args) => (event.type === 'DRAFT_REPLY' ? { result: event.result, subReason: event.subReason, draftedBy: event.actor.id, reviewedBy: null } : null),
  }),
  recordReview: assign({
    clock: ({ context, event }: Args) => record(context, REQUEST_EVENTS.replyReviewed, event.date),
    reply: ({ context, event }: Args) => ({ ...context.reply!, reviewedBy: event.actor.id }),
  }),
  recordSent: assign({
    clock: ({ context, event }: Args) => record(context, REQUEST_EVENTS.replySent, event.date),
    outcome: ({ context, event }: Args) => ({ result: context.reply!.result, subReason: context.reply!.subReason, closedOn: event.date, repliedOn: event.date }),
  }),
};

/** The named request actions, for the registry listing. */
export const REQUEST_ACTION_NAMES = Object.keys(RECORD_ACTIONS);

function stateConfig(step: RequestStepDefinition) {
  if (step.kind === 'end') return { type: 'final' as const };
  const params: StepParams = { id: step.id, ...(step.role ? { role: step.role } : {}) };
  const on: Record<string, unknown[]> = {};
  for (const t of step.transitions ?? []) {
    const names = [RULE_OF_EVERY_EVENT, ...RULES_OF_EVENT[t.event], ...(t.guards ?? [])];
    (on[t.event] ??= []).push({
      guard: and(names.map((type) => ({ type, params }))),
      ...(t.to ? { target: t.to } : {}),
      actions: ACTION_OF_EVENT[t.event],
    });
  }
  return { on };
}

function assertResolvable(def: RequestFlowDefinition, registry: RequestFlowRegistry): void {
  for (const step of def.steps) {
    for (const t of step.transitions ?? []) {
      for (const name of t.guards ?? []) if (!registry.guards.has(name)) throw new Error(`step '${step.id}': unknown guard '${name}'`);
    }
  }
}

function buildMachine(def: RequestFlowDefinition, calendar: WorkCalendar, registry: RequestFlowRegistry) {
  const guards: Record<string, (args: Args, params: StepParams) => boolean> = {};
  for (const [name, entry] of registry.guards) guards[name] = ({ context, event }, step) => entry.fn(context, event, { calendar, step });
  return setup({
    types: { context: {} as RequestContext, events: {} as RequestEvent, input: {} as { receivedOn: IsoDate } },
    guards: guards as never,
    actions: RECORD_ACTIONS as never,
  }).createMachine({
    id: `${def.key}-v${def.version}`,
    initial: def.steps[0]!.id,
    context: ({ input }) => ({
      receivedOn: input.receivedOn,
      clock: [{ name: CLOCK_EVENTS.requestReceived, date: input.receivedOn }],
      correctionAsked: false,
      extension: null,
      feeNotified: false,
      reply: null,
      outcome: null,
    }),
    // The config is built from data, so its literal types cannot be checked statically.
    states: Object.fromEntries(def.steps.map((s) => [s.id, stateConfig(s)])) as never,
  });
}

export type RequestMachine = ReturnType<typeof buildMachine>;

interface CacheEntry {
  revision: number;
  machine: RequestMachine;
}
const cache = new WeakMap<WorkCalendar, WeakMap<RequestFlowRegistry, Map<string, CacheEntry>>>();
const byObject = new WeakMap<RequestFlowDefinition, WeakMap<WorkCalendar, WeakMap<RequestFlowRegistry, CacheEntry>>>();

function remember(def: RequestFlowDefinition, calendar: WorkCalendar, registry: RequestFlowRegistry, entry: CacheEntry): void {
  const byCalendar = byObject.get(def) ?? new WeakMap<WorkCalendar, WeakMap<RequestFlowRegistry, CacheEntry>>();
  byObject.set(def, byCalendar);
  const byRegistry = byCalendar.get(calendar) ?? new WeakMap<RequestFlowRegistry, CacheEntry>();
  byCalendar.set(calendar, byRegistry);
  byRegistry.set(registry, entry);
}

/**
 * Validates a request-flow definition and compiles it, cached per calendar, registry and
 * definition: by content, not by key and version alone, since two bureaus' databases served
 * by one process may each hold their own version of the same key (as compileWorkflow).
 * @example const machine = compileRequestFlow(requestFlowDefinition, calendar);
 */
export function compileRequestFlow(def: RequestFlowDefinition, calendar: WorkCalendar, registry: RequestFlowRegistry = defaultRequestRegistry): RequestMachine {
  // The same definition object again (every step of a request, every button of its page):
  // no parse, no comparison. Definitions are values: callers build a new object to change one.
  const known = byObject.get(def)?.get(calendar)?.get(registry);
  if (known && known.revision === registry.revision) return known.machine;
  const byRegistry = cache.get(calendar) ?? new WeakMap<RequestFlowRegistry, Map<string, CacheEntry>>();
  cache.set(calendar, byRegistry);
  const byKey = byRegistry.get(registry) ?? new Map<string, CacheEntry>();
  byRegistry.set(registry, byKey);
  const parsed = requestFlowDefinitionSchema.parse(def) as RequestFlowDefinition;
  const json = JSON.stringify(parsed);
  const hit = byKey.get(json);
  if (hit && hit.revision === registry.revision) {
    remember(def, calendar, registry, hit);
    return hit.machine;
  }
  assertResolvable(parsed, registry);
  const entry = { revision: registry.revision, machine: buildMachine(parsed, calendar, registry) };
  byKey.set(json, entry);
  remember(def, calendar, registry, entry);
  return entry.machine;
}
