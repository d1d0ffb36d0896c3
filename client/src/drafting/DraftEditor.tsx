/**
 * The drafting form, rendered from a form definition version (the category's latest for a
 * new document, the pinned one for an edit) and checked with that version's compiled schema
 * before sending; the server runs the same schema again and its refusal, if any, is shown as
 * it words it.
 */
import { createEffect, createResource, createSignal, on, Show } from 'solid-js';
import { A, useNavigate } from '@solidjs/router';
import { compileFormSchema, getFieldType, type FieldOption, type FormDefinition } from '../../../forms/index';
import { trpc } from '../trpc';
import { t } from '../i18n/i18n';
import { errorMessage } from '../errors';
import { useSession } from '../session/SessionProvider';
import { createFormController } from '../forms/form-controller';
import { DefinitionForm } from '../forms/DefinitionForm';
import { serverFieldErrors } from './server-field-errors';

/** The department and person lists, fetched only when the form has a picker. */
export function pickerSources(definition: FormDefinition) {
  const needed = definition.fields.some((f) => getFieldType(f.type)?.defaultOptionsSource !== undefined && f.optionsSource === undefined);
  const [pickers] = createResource(
    () => needed || undefined,
    () => trpc.forms.pickerOptions.query(),
  );
  return (): Record<string, FieldOption[]> => {
    const lists = pickers.error ? undefined : pickers();
    return {
      departments: (lists?.departments ?? []).map((d) => ({ value: d.id, label: { zh: d.name, en: d.name } })),
      people: (lists?.people ?? []).map((p) => ({ value: p.id, label: { zh: p.name, en: p.name } })),
    };
  };
}

export function DraftEditor(props: {
  definition: FormDefinition;
  initial: Record<string, unknown>;
  existing?: { id: string; version: number };
  /** A new document follows its category's form: told when the category changes, with the values so far. */
  onCategoryChange?: (categoryId: string | null, values: Record<string, unknown>) => void;
  /**
   * The form builder's live preview: this very form, but "save" only validates and reports,
   * and every change of values is reported so a rebuilt preview keeps them.
   */
  preview?: { onValid: (data: Record<string, unknown>) => void; onValues: (values: Record<string, unknown>) => void };
}) {
  const session = useSession();
  const navigate = useNavigate();
  const definition = props.definition;
  const [categories] = createResource(() => trpc.documents.categories.query());
  // The builder's preview (an admin) has no policies of its own to link.
  const [policies] = createResource(() => (props.preview ? undefined : true), () => trpc.documents.policyOptions.query());
  const pickers = pickerSources(definition);
  const optionSources = (): Record<string, FieldOption[]> => ({
    categories: (categories.error ? [] : (categories() ?? [])).map((c) => ({ value: c.id, label: { zh: c.nameZh, en: c.nameEn } })),
    policies: (policies.error ? [] : (policies() ?? [])).map((p) => ({ value: p.id, label: { zh: p.label, en: p.label } })),
    ...pickers(),
  });
  const form = createFormController({
    definition,
    schema: compileFormSchema(definition),
    initial: props.initial,
    optionSources,
    droppedMessage: (n) => t('redaction.dropped', { n }),
  });
  createEffect(() => props.preview?.onValues(form.snapshot()));
  createEffect(
    on(
      () => form.value('categoryId'),
      (categoryId) => props.onCategoryChange?.((categoryId as string | null) ?? null, form.snapshot()),
      { defer: true },
    ),
  );
  // A server refusal, shown as worded; the "N fields to fix" line is derived instead, so it
  // disappears as soon as the last field is fixed.
  const [formError, setFormError] = createSignal('');
  const [showInvalid, setShowInvalid] = createSignal(false);
  const invalidCount = () => Object.keys(form.errors()).length;
  const [saving, setSaving] = createSignal(false);

  const focusFirstError = () => {
    const first = definition.fields.find((f) => form.errors()[f.key]);
    const box = first && document.querySelector<HTMLElement>(`[data-field="${first.key}"]`);
    if (!box) return;
    box.scrollIntoView({ block: 'center', behavior: 'smooth' });
    box.querySelector<HTMLElement>('input, select, textarea')?.focus({ preventScroll: true });
  };

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    setFormError('');
    const data = form.validate() as Record<string, unknown> | null;
    if (!data) {
      setShowInvalid(true);
      focusFirstError();
      return;
    }
    if (props.preview) {
      props.preview.onValid(data);
      return;
    }
    setSaving(true);
    try {
      const saved = props.existing
        ? await trpc.documents.update.mutate({ id: props.existing.id, expectedVersion: props.existing.version, data })
        : await trpc.documents.create.mutate(data);
      session.inboxChanged();
      navigate(`/documents/${saved.id}`);
    } catch (error) {
      // Not session.expired() on UNAUTHORIZED: that would leave the page and lose the
      // draft. The message says to sign in again; doing so in another tab and saving works.
      setFormError(errorMessage(error));
      form.setServerErrors(serverFieldErrors(error));
      focusFirstError();
    } finally {
      setSaving(false);
    }
  };

  return (
    <form class="card draft-form" onSubmit={save} noValidate>
      <DefinitionForm form={form} />
      <Show when={showInvalid() && !formError() && invalidCount() > 0}>
        <p class="notice notice-error" role="alert" data-testid="form-invalid">
          {t('form.invalid', { n: invalidCount() })}
        </p>
      </Show>
      <Show when={formError()}>
        <p class="notice notice-error" role="alert" data-testid="form-error">
          {formError()}
        </p>
      </Show>
      <div class="form-actions">
        <button type="submit" class="button button-primary" data-testid="save-draft" disabled={saving()}>
          {props.preview ? t('fb.previewSubmit') : saving() ? t('form.saving') : t('form.save')}
        </button>
        <Show when={!props.preview}>
          <A class="button" href={props.existing ? `/documents/${props.existing.id}` : '/mine'}>
            {t('common.cancel')}
          </A>
        </Show>
      </div>
    </form>
  );
}
