/**
 * The frame of a step panel, for either flow family: the heading, the step's issues, its id
 * (editable only while the step is new: documents and requests in flight are mapped by id)
 * and its names in both languages; the family's own fields go inside, its buttons below.
 * StepRoleField is the role choice both families' steps have.
 */
import { For, Show, type JSX } from 'solid-js';
import type { LocalizedText } from '../../../workflows/definition';
import { isRole, ROLE_LABELS, ROLES, type Role } from '../../../workflows/roles';
import type { DefinitionIssue } from '../../../workflows/validate-definition';
import { localized, t } from '../i18n/i18n';

export interface StepPanelFrameProps {
  step: { id: string; label: LocalizedText };
  issues: readonly DefinitionIssue[];
  editableId: boolean;
  /** Why a published step's id is fixed, in the family's words. */
  idHelpFixed: string;
  onChange: (patch: { id?: string; label?: LocalizedText }) => void;
  children: JSX.Element;
  buttons: JSX.Element;
}

export function StepPanelFrame(props: StepPanelFrameProps) {
  const step = () => props.step;
  return (
    <section class="card wf-step-panel" data-testid="step-panel" aria-labelledby="step-panel-title">
      <h2 id="step-panel-title">{t('wfe.stepTitle', { name: localized(step().label) || step().id })}</h2>
      <Show when={props.issues.length > 0}>
        <ul class="wf-panel-issues" data-testid="step-issues">
          <For each={props.issues}>{(i) => <li>{localized(i.message)}</li>}</For>
        </ul>
      </Show>
      <div class="field">
        <label for="step-id">{t('wfe.id')}</label>
        <input id="step-id" data-testid="step-id" value={step().id} readOnly={!props.editableId} onChange={(e) => props.onChange({ id: e.currentTarget.value.trim() })} />
        <p class="help">{props.editableId ? t('wfe.idHelpNew') : props.idHelpFixed}</p>
      </div>
      <div class="wf-two">
        <div class="field">
          <label for="step-label-zh">{t('wfe.labelZh')}</label>
          <input id="step-label-zh" data-testid="step-label-zh" value={step().label.zh} onInput={(e) => props.onChange({ label: { ...step().label, zh: e.currentTarget.value } })} />
        </div>
        <div class="field">
          <label for="step-label-en">{t('wfe.labelEn')}</label>
          <input id="step-label-en" data-testid="step-label-en" value={step().label.en} onInput={(e) => props.onChange({ label: { ...step().label, en: e.currentTarget.value } })} />
        </div>
      </div>
      {props.children}
      <div class="buttons wf-step-buttons">{props.buttons}</div>
    </section>
  );
}

/** Who handles a step: one of the roles, with the step's issues about it. */
export function StepRoleField(props: { role: Role | undefined; issues: readonly string[]; onChange: (role: Role | undefined) => void }) {
  return (
    <div class="field">
      <label for="step-role">{t('wfe.role')}</label>
      <select id="step-role" data-testid="step-role" value={props.role ?? ''} onChange={(e) => props.onChange(isRole(e.currentTarget.value) ? e.currentTarget.value : undefined)}>
        <option value="">{t('form.select')}</option>
        <For each={ROLES}>{(r) => <option value={r}>{localized(ROLE_LABELS[r])}</option>}</For>
      </select>
      <For each={props.issues}>{(m) => <p class="field-error">{m}</p>}</For>
    </div>
  );
}
