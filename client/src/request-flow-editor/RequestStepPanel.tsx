/**
 * 步骤设置 for a request-flow step: name, kind, role, the deadline shown while a request
 * waits here, and the transitions — event, target step and extra conditions chosen from the
 * registry's request-flow names. The statutory checks of each event are shown, not edited:
 * the compiler always applies them.
 */
import { For, Show } from 'solid-js';
import { REQUEST_DEADLINE_KINDS, REQUEST_STEP_KINDS, type RequestFlowDefinition, type RequestStepDefinition, type RequestStepKind, type RequestTransition } from '../../../workflows/requests/request-flow-definition';
import { REQUEST_EVENT_LABELS } from '../../../workflows/requests/request-registry';
import { REQUEST_EVENT_TYPES, type RequestEventType } from '../../../workflows/requests/request-types';
import type { RegistryEntry } from '../../../workflows/registry-catalog';
import type { DefinitionIssue } from '../../../workflows/validate-definition';
import type { DeadlineKind } from '../../../workflows/requests/request-clocks';
import { StepPanelFrame, StepRoleField } from '../workflow-editor/StepPanelFrame';
import { localized, t, tKnown } from '../i18n/i18n';

/** Kinds an admin may give a step between intake and the end. */
const WORKING_KINDS = REQUEST_STEP_KINDS.filter((k) => k !== 'intake' && k !== 'end');

export interface RequestStepPanelProps {
  definition: RequestFlowDefinition;
  step: RequestStepDefinition;
  editableId: boolean;
  issues: readonly DefinitionIssue[];
  /** The registry's request-flow names (conditions and statutory rules). */
  registry: readonly RegistryEntry[];
  onChange: (patch: Partial<RequestStepDefinition>) => void;
  onAddAfter: () => void;
  onRemove: () => void;
}

export function RequestStepPanel(props: RequestStepPanelProps) {
  const step = () => props.step;
  const fixed = () => step().kind === 'intake' || step().kind === 'end';
  const transitions = () => step().transitions ?? [];
  const conditions = () => props.registry.filter((e) => e.flow === 'request' && e.use === 'condition');
  const rulesOf = (event: RequestEventType) => props.registry.filter((e) => e.flow === 'request' && e.use === 'rule' && e.events?.includes(event));
  const setTransition = (n: number, patch: Partial<RequestTransition>) =>
    props.onChange({ transitions: transitions().map((tr, i) => (i === n ? (Object.fromEntries(Object.entries({ ...tr, ...patch }).filter(([, v]) => v !== undefined)) as unknown as RequestTransition) : tr)) });
  const toggleGuard = (n: number, name: string, on: boolean) => {
    const current = transitions()[n]?.guards ?? [];
    const next = on ? [...current, name] : current.filter((g) => g !== name);
    setTransition(n, { guards: next.length ? next : undefined });
  };
  const fieldIssues = (field: string) => props.issues.filter((i) => i.path[2] === field).map((i) => localized(i.message));

  const buttons = () => (
    <>
      <Show when={step().kind !== 'end'}>
        <button type="button" class="button button-small" data-testid="add-step" onClick={() => props.onAddAfter()}>
          {t('wfe.addAfter')}
        </button>
      </Show>
      <Show when={!fixed()}>
        <button type="button" class="button button-small button-danger" data-testid="remove-step" onClick={() => props.onRemove()}>
          {t('wfe.remove')}
        </button>
      </Show>
    </>
  );

  return (
    <StepPanelFrame step={step()} issues={props.issues} editableId={props.editableId} idHelpFixed={t('rfe.idHelpFixed')} onChange={props.onChange} buttons={buttons()}>
      <Show when={step().kind !== 'end'}>
        <div class="wf-two">
          <div class="field">
            <label for="step-kind">{t('wfe.kind')}</label>
            <Show when={!fixed()} fallback={<p class="muted small">{tKnown('rfe.kind', step().kind)}</p>}>
              <select id="step-kind" data-testid="step-kind" value={step().kind} onChange={(e) => props.onChange({ kind: e.currentTarget.value as RequestStepKind })}>
                <For each={WORKING_KINDS}>{(k) => <option value={k}>{tKnown('rfe.kind', k)}</option>}</For>
              </select>
            </Show>
          </div>
          <StepRoleField role={step().role} issues={fieldIssues('role')} onChange={(role) => props.onChange({ role })} />
        </div>
        <div class="field">
          <label for="step-deadline">{t('rfe.deadline')}</label>
          <select id="step-deadline" data-testid="step-deadline" value={step().deadline ?? 'reply'} onChange={(e) => props.onChange({ deadline: e.currentTarget.value as DeadlineKind })}>
            <For each={REQUEST_DEADLINE_KINDS}>{(d) => <option value={d}>{tKnown('requests.deadline', d)}</option>}</For>
          </select>
        </div>

        <fieldset class="field" data-testid="step-transitions">
          <legend>{t('rfe.transitions')}</legend>
          <p class="help">{t('rfe.transitionsHelp')}</p>
          <For each={transitions()}>
            {(tr, n) => (
              <div class="rf-transition" data-testid="transition-row">
                <div class="rf-transition-row">
                  <select aria-label={t('rfe.event')} data-testid={`transition-event-${n()}`} value={tr.event} onChange={(e) => setTransition(n(), { event: e.currentTarget.value as RequestEventType })}>
                    <For each={REQUEST_EVENT_TYPES}>{(ev) => <option value={ev}>{localized(REQUEST_EVENT_LABELS[ev])}</option>}</For>
                  </select>
                  <span aria-hidden="true">→</span>
                  <select aria-label={t('rfe.target')} data-testid={`transition-to-${n()}`} value={tr.to ?? ''} onChange={(e) => setTransition(n(), { to: e.currentTarget.value || undefined })}>
                    <option value="">{t('rfe.stay')}</option>
                    {/* `selected` too: the select's value is set before these options exist. */}
                    <For each={props.definition.steps}>
                      {(s) => (
                        <option value={s.id} selected={s.id === tr.to}>
                          {localized(s.label) || s.id}
                        </option>
                      )}
                    </For>
                  </select>
                  <button type="button" class="button button-small" onClick={() => props.onChange({ transitions: transitions().filter((_, i) => i !== n()) })}>
                    {t('rfe.removeTransition')}
                  </button>
                </div>
                <Show when={conditions().length > 0}>
                  <div class="choices" data-testid={`transition-guards-${n()}`}>
                    <For each={conditions()}>
                      {(c) => (
                        <label class="choice">
                          <input type="checkbox" value={c.name} checked={(tr.guards ?? []).includes(c.name)} onChange={(e) => toggleGuard(n(), c.name, e.currentTarget.checked)} />
                          <span>{t('rfe.onlyIf', { c: localized(c.label) })}</span>
                        </label>
                      )}
                    </For>
                  </div>
                </Show>
                <Show when={rulesOf(tr.event).length > 0}>
                  <p class="help rf-rules">{t('rfe.rules', { r: rulesOf(tr.event).map((r) => localized(r.label)).join(t('wf.listSep')) })}</p>
                </Show>
              </div>
            )}
          </For>
          <button type="button" class="button button-small" data-testid="add-transition" onClick={() => props.onChange({ transitions: [...transitions(), { event: 'ACCEPT' }] })}>
            {t('rfe.addTransition')}
          </button>
          <For each={fieldIssues('transitions')}>{(m) => <p class="field-error">{m}</p>}</For>
        </fieldset>
      </Show>
    </StepPanelFrame>
  );
}
