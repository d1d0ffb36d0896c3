/**
 * 模拟运行: a sample document goes through the draft definition in the browser (pure
 * `simulate`, the real engine, no server). The admin sets the attribute and the conditions,
 * then presses approve / return / reject at each step; the graph highlights the path.
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import { ATTRIBUTE_LABELS, DISCLOSURE_ATTRIBUTES, type DisclosureAttribute } from '../../../forms/disclosure';
import type { WorkflowDefinition } from '../../../workflows/definition';
import { conditionGuards } from '../../../workflows/flow-graph';
import { simulate, type SimulationEvent, type SimulationResult } from '../../../workflows/simulate';
import type { WorkflowRegistry } from '../../../workflows/registry';
import type { RegistryEntry } from '../../../workflows/registry-catalog';
import { guardLabel } from './registry-entries';
import { localized, t } from '../i18n/i18n';
import { SimulationFrame } from './SimulationFrame';
import { returnTargetsOf } from '../workflow-graph/graph-model';

/** Conditions the engine reads from the document's facts; any other is forced by name. */
const FACT_GUARDS = new Set(['hasStatistics', 'isMajorMatter']);

export interface SimulationPath {
  visited: string[];
  current: string | undefined;
}

/** `registry`: the editor's, so plugin guards the server knows can be simulated (forced by name). */
export function createSimulation(definition: () => WorkflowDefinition, registry?: () => WorkflowRegistry) {
  const [attribute, setAttribute] = createSignal<DisclosureAttribute>('open');
  const [conditions, setConditions] = createSignal<Record<string, boolean>>({});
  const [events, setEvents] = createSignal<SimulationEvent[]>([]);
  const result = createMemo<SimulationResult>(() => {
    const on = conditions();
    const facts = { hasStatistics: !!on.hasStatistics, isMajorMatter: !!on.isMajorMatter };
    const guards = Object.fromEntries(Object.entries(on).filter(([name]) => !FACT_GUARDS.has(name)));
    return simulate(definition(), { attribute: attribute(), facts, guards }, events(), registry?.());
  });
  const path = (): SimulationPath => {
    const visits = result().visits.map((v) => v.stepId);
    return { visited: visits, current: visits[visits.length - 1] };
  };
  return { attribute, setAttribute, conditions, setConditions, events, setEvents, result, path };
}

export type Simulation = ReturnType<typeof createSimulation>;

export function SimulationPanel(props: { definition: WorkflowDefinition; simulation: Simulation; registryEntries?: readonly RegistryEntry[] }) {
  const sim = props.simulation;
  const stepOf = (id: string | undefined) => props.definition.steps.find((s) => s.id === id);
  const label = (id: string) => localized(stepOf(id)?.label) || id;
  const current = () => stepOf(sim.path().current);
  const [returnTo, setReturnTo] = createSignal('');
  const push = (event: SimulationEvent) => sim.setEvents([...sim.events(), event]);
  const returnTargets = () => {
    const step = current();
    if (!step || step.kind === 'fill' || step.kind === 'end') return [];
    return returnTargetsOf(step).filter((id) => stepOf(id));
  };
  const approveText = () => {
    const kind = current()?.kind;
    return t(kind === 'fill' ? 'wf.edge.submit' : kind === 'publication' ? 'wf.edge.publish' : 'wf.edge.approve');
  };
  const finished = () => {
    const step = current();
    return !step || step.kind === 'end';
  };
  const toggle = (name: string, on: boolean) => sim.setConditions({ ...sim.conditions(), [name]: on });

  return (
    <SimulationFrame
      intro={t('wfe.simIntro')}
      setup={
        <div class="wf-sim-setup">
          <div class="field">
            <label for="sim-attribute">{t('doc.attribute')}</label>
            <select id="sim-attribute" data-testid="sim-attribute" value={sim.attribute()} onChange={(e) => sim.setAttribute(e.currentTarget.value as DisclosureAttribute)}>
              <For each={DISCLOSURE_ATTRIBUTES}>{(a) => <option value={a}>{localized(ATTRIBUTE_LABELS[a])}</option>}</For>
            </select>
          </div>
          <div class="choices">
            <For each={conditionGuards(props.definition)}>
              {(name) => (
                <label class="choice">
                  <input type="checkbox" data-testid={`sim-condition-${name}`} checked={!!sim.conditions()[name]} onChange={(e) => toggle(name, e.currentTarget.checked)} />
                  <span>{guardLabel(props.registryEntries, name)}</span>
                </label>
              )}
            </For>
          </div>
        </div>
      }
      path={
        <For each={sim.result().visits}>
          {(visit) => (
            <li>
              <Show when={visit.via}>
                <span class="muted">{visit.via === 'approve' ? t('wfe.simApproved') : visit.via === 'reject' ? t('wf.edge.reject') : t('wf.edge.return')} → </span>
              </Show>
              <strong>{label(visit.stepId)}</strong>
            </li>
          )}
        </For>
      }
      stopped={sim.result().stopped}
      actions={
        <Show when={!finished() && !sim.result().stopped}>
          <button type="button" class="button button-primary button-small" data-testid="sim-approve" onClick={() => push('approve')}>
            {approveText()}
          </button>
          <Show when={current()?.kind === 'signoff'}>
            <button type="button" class="button button-small button-danger" data-testid="sim-reject" onClick={() => push('reject')}>
              {t('wf.edge.reject')}
            </button>
          </Show>
          <Show when={returnTargets().length > 0}>
            <span class="inline-field">
              <select aria-label={t('wfe.simReturnTo')} data-testid="sim-return-target" value={returnTo()} onChange={(e) => setReturnTo(e.currentTarget.value)}>
                <option value="">{t('wfe.simReturnTo')}</option>
                <For each={returnTargets()}>{(id) => <option value={id}>{label(id)}</option>}</For>
              </select>
              <button type="button" class="button button-small" data-testid="sim-return" disabled={!returnTo()} onClick={() => push(`return:${returnTo()}`)}>
                {t('wf.edge.return')}
              </button>
            </span>
          </Show>
        </Show>
      }
      eventCount={sim.events().length}
      onUndo={() => sim.setEvents(sim.events().slice(0, -1))}
      onReset={() => sim.setEvents([])}
    />
  );
}
