/**
 * The form builder's live preview of an opinion form: the very fields a reviewer will see in
 * the action panel, with a button that validates them as the approval would.
 */
import { createEffect, createSignal, Show } from 'solid-js';
import type { FormDefinition } from '../../../forms/index';
import { t } from '../i18n/i18n';
import { DefinitionForm } from './DefinitionForm';
import { createOpinionFormController } from './opinion-form';

export function OpinionFormPreview(props: { definition: FormDefinition; initial?: Record<string, unknown>; onValid: () => void; onValues: (values: Record<string, unknown>) => void }) {
  const form = createOpinionFormController(props.definition, props.initial);
  const [invalid, setInvalid] = createSignal(false);
  createEffect(() => props.onValues(form.snapshot()));
  return (
    <form
      class="card draft-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const ok = form.validate() !== null;
        setInvalid(!ok);
        if (ok) props.onValid();
      }}
    >
      <DefinitionForm form={form} idPrefix="preview" />
      <Show when={invalid() && Object.keys(form.errors()).length > 0}>
        <p class="notice notice-error" role="alert" data-testid="form-invalid">
          {t('form.invalid', { n: Object.keys(form.errors()).length })}
        </p>
      </Show>
      <div class="form-actions">
        <button type="submit" class="button button-primary" data-testid="save-draft">
          {t('fb.previewSubmit')}
        </button>
      </div>
    </form>
  );
}
