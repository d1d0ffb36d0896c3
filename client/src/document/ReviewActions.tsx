/**
 * A reviewer's decision at their step: the five checks (五关), an opinion, then 同意,
 * 退回 (to a step the server lists) or, for the leader, 不予通过; below, folded away,
 * 转办 and 加签 (HandOverActions). Which buttons appear is the server's `can` map; whether
 * the checks suffice is the server's call too.
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import { FIVE_CHECKS, type FiveCheck } from '../../../forms/disclosure';
import { trpc, type DocumentView } from '../trpc';
import { localized, t } from '../i18n/i18n';
import { checkLabel } from '../i18n/labels';
import type { DocumentActions } from './document-actions';
import { HandOverActions } from './HandOverActions';
import type { FormDefinition } from '../../../forms/index';
import { DefinitionForm } from '../forms/DefinitionForm';
import type { FormController } from '../forms/form-controller';
import { createOpinionFormController } from '../forms/opinion-form';

/** The step's opinion form (审查意见表), filled with the decision; validated here and again on the server. */
function OpinionFormFields(props: { definition: FormDefinition; onController: (c: FormController) => void }) {
  const form = createOpinionFormController(props.definition);
  props.onController(form);
  return (
    <fieldset class="opinion-form" data-testid="opinion-form">
      <legend>{localized(props.definition.title)}</legend>
      <DefinitionForm form={form} idPrefix="opinion-form" />
    </fieldset>
  );
}

const noChecks = () => Object.fromEntries(FIVE_CHECKS.map((k) => [k, false])) as Record<FiveCheck, boolean>;

export function ReviewActions(props: { doc: DocumentView; actions: DocumentActions }) {
  const [checks, setChecks] = createSignal(noChecks());
  const [opinion, setOpinion] = createSignal('');
  const [chosenTarget, setChosenTarget] = createSignal('');
  // The first target (usually 起草) unless the user picked one that is still offered.
  const target = createMemo(() => {
    const ids = props.doc.returnTargets.map((r) => r.id);
    return ids.includes(chosenTarget()) ? chosenTarget() : (ids[0] ?? '');
  });
  const taskId = () => props.doc.openTask?.id ?? '';
  let opinionForm: FormController | undefined;
  /** `{ opinionForm }` to send, {} when the step has none, null (after saying why) when it is not filled in correctly. */
  const opinionFormValues = (): { opinionForm?: Record<string, unknown> } | null => {
    if (!props.doc.opinionForm) return {};
    if (!opinionForm || opinionForm.validate() === null) {
      props.actions.refuse(t('action.opinionFormInvalid'));
      return null;
    }
    return { opinionForm: opinionForm.snapshot() };
  };
  const busy = () => !!props.actions.busy();

  const finished = (ok: boolean) => {
    if (!ok) return;
    setOpinion('');
    setChecks(noChecks());
  };
  const needOpinion = () => {
    if (opinion().trim()) return false;
    props.actions.refuse(t('action.opinionRequired'));
    return true;
  };

  const approve = async () => {
    const form = opinionFormValues();
    if (!form) return;
    finished(
      await props.actions.run(t('action.approve'), (to) =>
        trpc.review.approve.mutate({ ...to, taskId: taskId(), opinion: opinion(), checks: checks(), ...form }),
      ),
    );
  };
  const sendBack = async () => {
    if (needOpinion()) return;
    const form = opinionFormValues();
    if (!form) return;
    finished(
      await props.actions.run(t('action.return'), (to) =>
        trpc.review.return.mutate({ ...to, taskId: taskId(), opinion: opinion(), target: target(), ...form }),
      ),
    );
  };
  const reject = async () => {
    if (needOpinion()) return;
    finished(await props.actions.run(t('action.reject'), (to) => trpc.review.reject.mutate({ ...to, taskId: taskId(), opinion: opinion() })));
  };

  return (
    <Show when={props.doc.can.approve || props.doc.can.return || props.doc.can.reject || props.doc.can.transfer || props.doc.can.addSigner}>
      <div class="action-group review-actions">
        {/* 加签在我之后 is an approval too: HandOverActions sends these same checks. */}
        <Show when={props.doc.can.approve}>
          <fieldset class="checks">
            <legend>{t('action.checks')}</legend>
            <For each={FIVE_CHECKS}>
              {(key) => (
                <label class="choice">
                  <input
                    type="checkbox"
                    name={`check-${key}`}
                    checked={checks()[key]}
                    onChange={(e) => setChecks({ ...checks(), [key]: e.currentTarget.checked })}
                  />
                  <span>{checkLabel(key)}</span>
                </label>
              )}
            </For>
          </fieldset>
        </Show>
        <Show when={(props.doc.can.approve || props.doc.can.return) && props.doc.opinionForm} keyed>
          {(definition) => <OpinionFormFields definition={definition as FormDefinition} onController={(c) => (opinionForm = c)} />}
        </Show>
        <label for="review-opinion">{t('action.opinion')}</label>
        <textarea
          id="review-opinion"
          data-testid="opinion"
          rows={4}
          placeholder={t('action.opinionPlaceholder')}
          value={opinion()}
          onInput={(e) => setOpinion(e.currentTarget.value)}
        />
        <div class="buttons">
          <Show when={props.doc.can.approve}>
            <button type="button" class="button button-primary" data-testid="approve" disabled={busy()} onClick={approve}>
              {t('action.approve')}
            </button>
          </Show>
          <Show when={props.doc.can.reject}>
            <button type="button" class="button button-danger" data-testid="reject" disabled={busy()} onClick={reject}>
              {t('action.reject')}
            </button>
          </Show>
        </div>
        <Show when={props.doc.can.reject}>
          <p class="muted small" data-testid="reject-hint">
            {t('action.rejectHint')}
          </p>
        </Show>
        <Show when={props.doc.can.return && props.doc.returnTargets.length > 0}>
          <div class="return-row">
            <label for="return-target">{t('action.returnTarget')}</label>
            <select id="return-target" data-testid="return-target" value={target()} onChange={(e) => setChosenTarget(e.currentTarget.value)}>
              <For each={props.doc.returnTargets}>
                {(r) => (
                  <option value={r.id} selected={r.id === target()}>
                    {localized(r.name)}
                  </option>
                )}
              </For>
            </select>
            <button type="button" class="button button-warning" data-testid="return" disabled={busy()} onClick={sendBack}>
              {t('action.return')}
            </button>
          </div>
        </Show>
        <HandOverActions doc={props.doc} actions={props.actions} checks={checks} opinionForm={opinionFormValues} onApproved={() => finished(true)} />
      </div>
    </Show>
  );
}
