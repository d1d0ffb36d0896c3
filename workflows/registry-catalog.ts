/**
 * The names a definition may use, with their labels and the flow family they belong to: what
 * the workflow editor offers. Built from the live registries, so a plugin's guard (e.g.
 * 'noSensitiveWords') appears as soon as the server installs it.
 */
import type { LocalizedText } from './definition';
import { defaultRegistry, RULE_GUARD_NAMES, type WorkflowRegistry } from './registry';
import { defaultRequestRegistry, RULES_OF_EVENT, type RequestFlowRegistry } from './requests/request-registry';
import type { RequestEventType } from './requests/request-types';

export const FLOW_FAMILIES = ['review', 'request'] as const;
export type FlowFamily = (typeof FLOW_FAMILIES)[number];

export interface RegistryEntry {
  name: string;
  label: LocalizedText;
  flow: FlowFamily;
  /**
   * condition: a review step's `when` or a request transition's `guards`; requirement: a
   * review step's `requires`; rule: a request event's statutory check, always applied.
   */
  use: 'condition' | 'requirement' | 'rule';
  /** For a rule: the request events it is attached to. */
  events?: RequestEventType[];
}

/**
 * Every guard a definition may name or will see applied, review flow first.
 * @example registryCatalog().find((e) => e.name === 'hasStatistics') // { flow: 'review', use: 'condition', label: { zh: '含统计数据', … } }
 */
export function registryCatalog(review: WorkflowRegistry = defaultRegistry, request: RequestFlowRegistry = defaultRequestRegistry): RegistryEntry[] {
  const out: RegistryEntry[] = [];
  for (const name of review.guards.keys()) {
    if (RULE_GUARD_NAMES.includes(name)) continue;
    const info = review.info?.get(name);
    out.push({ name, flow: 'review', label: info?.label ?? { zh: name, en: name }, use: info?.use ?? 'requirement' });
  }
  for (const [name, entry] of request.guards) {
    const events = (Object.keys(RULES_OF_EVENT) as RequestEventType[]).filter((e) => RULES_OF_EVENT[e].includes(name));
    out.push({ name, flow: 'request', label: entry.label, use: entry.use, ...(entry.use === 'rule' && events.length ? { events } : {}) });
  }
  return out;
}

/**
 * The labels of one family's names, by name: how a graph writes a condition, a plugin's too.
 * @example guardLabelsOf(registryCatalog()).hasStatistics // { zh: '含统计数据', en: … }
 */
export function guardLabelsOf(entries: readonly RegistryEntry[], flow: FlowFamily = 'review'): Record<string, LocalizedText> {
  return Object.fromEntries(entries.filter((e) => e.flow === flow).map((e) => [e.name, e.label]));
}
