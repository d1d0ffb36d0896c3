/**
 * 模拟运行 for the request flow: a sample request goes through the draft definition in the
 * browser (pure simulateRequestFlow, the compiled machine, no server). The admin presses one
 * of the events the current step offers; the graph highlights the path.
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { RequestFlowDefinition } from '../../../workflows/requests/request-flow-definition';
import { REQUEST_EVENT_LABELS } from '../../../workflows/requests/request-registry';
import type { RequestEventType } from '../../../workflows/requests/request-types';
import { offeredEvents, simulateRequestFlow } from '../../../workflows/simulate';
import type { RegistryEntry } from '../../../workflows/registry-catalog';
import { formatIsoDate } from '../i18n/format';
import { localized, t } from '../i18n/i18n';
import { SimulationFrame } from '../workflow-editor/SimulationFrame';

export function createRequestSimulation(definition: () => RequestFlowDefinition) {
  const [events, setEvents] = createSignal<RequestEventType[]>([]);
  const [forced, setForced] = createSignal<Record<string, boolean>>({});
  const result = createMemo(() => simulateRequestFlow(definition(), events(), { guards: forced() }));
  const path = () => result().visits.map((v) => v.stepId);
  return { events, setEvents, forced, setForced, result, path, current: () => path().at(-1) };
}

export type RequestSimulation = ReturnType<typeof createRequestSimulation>;

export function RequestSimulationPanel(props: { definition: RequestFlowDefinition; simulation: RequestSimulation; registry: readonly RegistryEntry[] }) {
  const sim = props.simulation;
  const label = (id: string) => localized(props.definition.steps.find((s) => s.id === id)?.label) || id;
  const used = createMemo(() => {
    const names = new Set(props.definition.steps.flatMap((s) => (s.transitions ?? []).flatMap((tr) => tr.guards ?? [])));
    return props.registry.filter((e) => e.flow === 'request' && e.use === 'condition' && names.has(e.name));
  });
  const offered = () => {
    const id = sim.current();
    return id && !sim.result().stopped ? offeredEvents(props.definition, id) : [];
  };
  return (
    <SimulationFrame
      intro={t('rfe.simIntro')}
      setup={
        <Show when={used().length > 0}>
          <div class="choices">
            <For each={used()}>
              {(c) => (
                <label class="choice">
                  <input type="checkbox" data-testid={`sim-condition-${c.name}`} checked={sim.forced()[c.name] !== false} onChange={(e) => sim.setForced({ ...sim.forced(), [c.name]: e.currentTarget.checked })} />
                  <span>{localized(c.label)}</span>
                </label>
              )}
            </For>
          </div>
        </Show>
      }
      path={
        <For each={sim.result().visits}>
          {(visit) => (
            <li>
              <Show when={visit.via}>{(via) => <span class="muted">{localized(REQUEST_EVENT_LABELS[via()])} → </span>}</Show>
              <strong>{label(visit.stepId)}</strong>
              <span class="muted small"> {formatIsoDate(visit.state.context.clock.at(-1)?.date ?? visit.state.context.receivedOn)}</span>
            </li>
          )}
        </For>
      }
      stopped={sim.result().stopped}
      actions={
        <For each={offered()}>
          {(event) => (
            <button type="button" class="button button-small" data-testid={`sim-event-${event}`} onClick={() => sim.setEvents([...sim.events(), event])}>
              {localized(REQUEST_EVENT_LABELS[event])}
            </button>
          )}
        </For>
      }
      eventCount={sim.events().length}
      onUndo={() => sim.setEvents(sim.events().slice(0, -1))}
      onReset={() => sim.setEvents([])}
    />
  );
}
