/**
 * 步骤设置: the side panel for the selected step. Every input changes the draft at once, so
 * the graph and the validation issues follow as the admin types. The draft and the end
 * states keep their kind; only steps added in this session may take a new id, because
 * published ids are what in-flight documents and migrations refer to.
 */
import { createResource, For, Show } from 'solid-js';
import { trpc } from '../trpc';
import { ROLES, ROLE_LABELS, isRole } from '../../../workflows/roles';
import { SEPARATED_KINDS, type SignerRef, type StepDefinition, type StepKind, type WorkflowDefinition } from '../../../workflows/definition';
import type { DefinitionIssue } from '../../../workflows/validate-definition';
import { StepPanelFrame, StepRoleField } from './StepPanelFrame';
import { localized, t, tKnown } from '../i18n/i18n';
import { canMove } from './editor-ops';
import { guardLabel, registryEntries } from './registry-entries';

/** Kinds an admin may give a working step (the draft is 'fill', end states 'end'). */
const WORKING_KINDS: StepKind[] = ['review', 'signoff', 'decision', 'countersign', 'filing', 'publication'];

/** Conditions offered before the server's registry has answered. */
export const CONDITION_GUARDS = ['hasStatistics', 'isMajorMatter', 'isPublishable'] as const;

export interface EditorUser {
  id: string;
  displayName: string;
  department: string;
}

export interface StepPanelProps {
  definition: WorkflowDefinition;
  step: StepDefinition;
  editableId: boolean;
  issues: readonly DefinitionIssue[];
  users: readonly EditorUser[];
  onChange: (patch: Partial<StepDefinition>) => void;
  onAddAfter: () => void;
  onRemove: () => void;
  onMove: (by: -1 | 1) => void;
}

/** The opinion forms a step may name, fetched once per page load (the editor is for admins). */
let opinionFormsPromise: Promise<{ key: string; title: { zh: string; en: string } }[]> | undefined;
const opinionForms = () =>
  (opinionFormsPromise ??= trpc.forms.list
    .query()
    .then((forms) => forms.filter((f) => f.purpose === 'opinion').map((f) => ({ key: f.key, title: f.title })))
    .catch(() => {
      opinionFormsPromise = undefined;
      return [];
    }));

const signerValue = (s: SignerRef) => ('role' in s ? `role:${s.role}` : `user:${s.userId}`);
function parseSigner(value: string): SignerRef | null {
  const [type, id] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)];
  if (type === 'role' && isRole(id)) return { role: id };
  if (type === 'user' && id) return { userId: id };
  return null;
}

export function StepPanel(props: StepPanelProps) {
  const step = () => props.step;
  const working = () => step().kind !== 'fill' && step().kind !== 'end';
  const seated = () => SEPARATED_KINDS.includes(step().kind);
  const signers = () => step().signers ?? [];
  const earlier = () => {
    const at = props.definition.steps.findIndex((s) => s.id === step().id);
    return props.definition.steps.slice(0, Math.max(at, 0)).filter((s) => s.kind !== 'end');
  };
  // The registry's conditions (plugins included), plus one the definition already names.
  const [registry] = createResource(registryEntries);
  const reviewNames = (use: 'condition' | 'requirement') => (registry() ?? []).filter((e) => e.flow === 'review' && e.use === use).map((e) => e.name);
  const guards = () => [...new Set([...(registry()?.length ? reviewNames('condition') : CONDITION_GUARDS), ...(step().when ? [step().when!.guard] : [])])];
  const requirements = () => [...new Set([...reviewNames('requirement'), ...(step().requires ?? [])])];
  const toggleRequirement = (name: string, on: boolean) => {
    const next = on ? [...(step().requires ?? []), name] : (step().requires ?? []).filter((r) => r !== name);
    props.onChange({ requires: next.length ? next : undefined });
  };
  const fieldIssues = (field: string) => props.issues.filter((i) => i.path[2] === field).map((i) => localized(i.message));

  const [forms] = createResource(opinionForms);
  const setSigners = (next: SignerRef[]) => {
    props.onChange({ signers: next.length ? next : undefined, mode: next.length > 1 ? (step().mode ?? 'all') : undefined });
  };
  const changeKind = (kind: StepKind) => {
    // Signers belong to review-like steps only; the rest of the step stays as typed.
    props.onChange({ kind, ...(SEPARATED_KINDS.includes(kind) ? {} : { signers: undefined, mode: undefined, opinionForm: undefined }) });
  };
  const addSigner = () => {
    const used = new Set(signers().map(signerValue));
    const role = ROLES.find((r) => r !== 'admin' && r !== 'drafter' && !used.has(`role:${r}`)) ?? 'leader';
    setSigners([...signers(), { role }]);
  };

  const buttons = () => (
    <>
      <button type="button" class="button button-small" data-testid="add-step" onClick={() => props.onAddAfter()}>
        {t('wfe.addAfter')}
      </button>
      <Show when={working()}>
        <button type="button" class="button button-small" data-testid="move-up" disabled={!canMove(props.definition, step().id, -1)} onClick={() => props.onMove(-1)}>
          {t('wfe.moveUp')}
        </button>
        <button type="button" class="button button-small" data-testid="move-down" disabled={!canMove(props.definition, step().id, 1)} onClick={() => props.onMove(1)}>
          {t('wfe.moveDown')}
        </button>
        <button type="button" class="button button-small button-danger" data-testid="remove-step" onClick={() => props.onRemove()}>
          {t('wfe.remove')}
        </button>
      </Show>
    </>
  );

  return (
    <StepPanelFrame step={step()} issues={props.issues} editableId={props.editableId} idHelpFixed={t('wfe.idHelpFixed')} onChange={props.onChange} buttons={buttons()}>
      <Show when={working()} fallback={<p class="muted small">{t('wfe.fixedKind', { kind: tKnown('wf.kind', step().kind) })}</p>}>
        <div class="wf-two">
          <div class="field">
            <label for="step-kind">{t('wfe.kind')}</label>
            <select id="step-kind" data-testid="step-kind" value={step().kind} onChange={(e) => changeKind(e.currentTarget.value as StepKind)}>
              <For each={WORKING_KINDS}>{(k) => <option value={k}>{tKnown('wf.kind', k)}</option>}</For>
            </select>
          </div>
          <StepRoleField role={step().role} issues={fieldIssues('role')} onChange={(role) => props.onChange({ role })} />
        </div>

        <Show when={seated()}>
          <fieldset class="field wf-signers" data-testid="step-signers">
            <legend>{t('wfe.signers')}</legend>
            <p class="help">{t('wfe.signersHelp')}</p>
            <For each={signers()}>
              {(signer, n) => (
                <div class="wf-signer-row" data-testid="signer-row">
                  <select
                    aria-label={t('wfe.signerN', { n: n() + 1 })}
                    data-testid={`signer-${n()}`}
                    value={signerValue(signer)}
                    onChange={(e) => {
                      const next = parseSigner(e.currentTarget.value);
                      if (next) setSigners(signers().map((s, i) => (i === n() ? next : s)));
                    }}
                  >
                    <optgroup label={t('wfe.byRole')}>
                      <For each={ROLES}>{(r) => <option value={`role:${r}`}>{localized(ROLE_LABELS[r])}</option>}</For>
                    </optgroup>
                    <Show when={props.users.length > 0}>
                      <optgroup label={t('wfe.byPerson')}>
                        <For each={props.users}>{(u) => <option value={`user:${u.id}`}>{`${u.displayName} · ${u.department}`}</option>}</For>
                      </optgroup>
                    </Show>
                  </select>
                  <button type="button" class="button button-small" onClick={() => setSigners(signers().filter((_, i) => i !== n()))}>
                    {t('wfe.removeSigner')}
                  </button>
                </div>
              )}
            </For>
            <button type="button" class="button button-small" data-testid="add-signer" onClick={addSigner}>
              {t('wfe.addSigner')}
            </button>
            <For each={fieldIssues('signers')}>{(m) => <p class="field-error">{m}</p>}</For>
            <Show when={signers().length > 1}>
              <div class="choices" role="radiogroup" aria-label={t('wfe.mode')} data-testid="step-mode">
                <label class="choice">
                  <input type="radio" name="step-mode" value="all" checked={(step().mode ?? 'all') === 'all'} onChange={() => props.onChange({ mode: 'all' })} />
                  <span>{t('wfe.modeAll')}</span>
                </label>
                <label class="choice">
                  <input type="radio" name="step-mode" value="any" checked={step().mode === 'any'} onChange={() => props.onChange({ mode: 'any' })} />
                  <span>{t('wfe.modeAny')}</span>
                </label>
              </div>
            </Show>
          </fieldset>
        </Show>

        <div class="wf-two">
          <div class="field">
            <label for="step-condition">{t('wfe.condition')}</label>
            <select
              id="step-condition"
              data-testid="step-condition"
              value={step().when?.guard ?? ''}
              onChange={(e) => props.onChange({ when: e.currentTarget.value ? { guard: e.currentTarget.value, ...(step().when?.not ? { not: true } : {}) } : undefined })}
            >
              <option value="">{t('wfe.always')}</option>
              <For each={guards()}>{(g) => <option value={g}>{guardLabel(registry(), g)}</option>}</For>
            </select>
            <Show when={step().when}>
              <label class="choice">
                <input type="checkbox" data-testid="step-condition-not" checked={!!step().when?.not} onChange={(e) => props.onChange({ when: { guard: step().when!.guard, ...(e.currentTarget.checked ? { not: true } : {}) } })} />
                <span>{t('wfe.conditionNot')}</span>
              </label>
            </Show>
          </div>
          <div class="field">
            <label for="step-due">{t('wfe.due')}</label>
            <input
              id="step-due"
              type="number"
              min="1"
              step="1"
              data-testid="step-due"
              value={step().dueWorkingDays ?? ''}
              onInput={(e) => {
                const n = Number.parseInt(e.currentTarget.value, 10);
                props.onChange({ dueWorkingDays: Number.isFinite(n) ? n : undefined });
              }}
            />
          </div>
        </div>

        <Show when={seated()}>
          <div class="field">
            <label for="step-opinion-form">{t('wfe.opinionForm')}</label>
            <select id="step-opinion-form" data-testid="step-opinion-form" value={step().opinionForm ?? ''} onChange={(e) => props.onChange({ opinionForm: e.currentTarget.value || undefined })}>
              <option value="">{t('wfe.opinionFormNone')}</option>
              <For each={forms() ?? []}>
                {(f) => (
                  <option value={f.key} selected={f.key === step().opinionForm}>
                    {localized(f.title)}（{f.key}）
                  </option>
                )}
              </For>
              {/* A form named by the definition but not (or no longer) an opinion form still shows, so the issue is visible. */}
              <Show when={step().opinionForm && !(forms() ?? []).some((f) => f.key === step().opinionForm)}>
                <option value={step().opinionForm} selected>
                  {step().opinionForm}
                </option>
              </Show>
            </select>
            <p class="help">{t('wfe.opinionFormHelp')}</p>
            <For each={fieldIssues('opinionForm')}>{(m) => <p class="field-error">{m}</p>}</For>
          </div>
        </Show>

        <Show when={requirements().length > 0}>
          <fieldset class="field" data-testid="step-requires">
            <legend>{t('wfe.requires')}</legend>
            <p class="help">{t('wfe.requiresHelp')}</p>
            <div class="choices">
              <For each={requirements()}>
                {(name) => (
                  <label class="choice">
                    <input type="checkbox" value={name} data-testid={`step-requires-${name}`} checked={(step().requires ?? []).includes(name)} onChange={(e) => toggleRequirement(name, e.currentTarget.checked)} />
                    <span>{guardLabel(registry(), name)}</span>
                  </label>
                )}
              </For>
            </div>
            <For each={fieldIssues('requires')}>{(m) => <p class="field-error">{m}</p>}</For>
          </fieldset>
        </Show>

        <fieldset class="field" data-testid="step-returns">
          <legend>{t('wfe.returns')}</legend>
          <div class="choices">
            <For each={earlier()}>
              {(target) => (
                <label class="choice">
                  <input
                    type="checkbox"
                    value={target.id}
                    checked={(step().returnTargets ?? ['draft']).includes(target.id)}
                    onChange={(e) => {
                      const current = step().returnTargets ?? ['draft'];
                      const next = e.currentTarget.checked ? earlier().map((s) => s.id).filter((id) => id === target.id || current.includes(id)) : current.filter((id) => id !== target.id);
                      props.onChange({ returnTargets: next });
                    }}
                  />
                  <span>{localized(target.label)}</span>
                </label>
              )}
            </For>
          </div>
          <For each={fieldIssues('returnTargets')}>{(m) => <p class="field-error">{m}</p>}</For>
        </fieldset>
      </Show>
    </StepPanelFrame>
  );
}
