/**
 * The drafting form, rendered from the core's `draftDocumentForm` and checked with its
 * `draftDocumentSchema` before sending; the server runs the same schema again and its
 * refusal, if any, is shown as it words it.
 */
import { createResource, createSignal, Show } from 'solid-js';
import { A, useNavigate } from '@solidjs/router';
import { draftDocumentForm, draftDocumentSchema, type DraftDocumentInput, type FieldOption } from '../../../forms/index';
import { trpc } from '../trpc';
import { t } from '../i18n/i18n';
import { errorMessage } from '../errors';
import { useSession } from '../session/SessionProvider';
import { createFormController } from '../forms/form-controller';
import { DefinitionForm } from '../forms/DefinitionForm';
import { serverFieldErrors } from './server-field-errors';

export function DraftEditor(props: { initial: Record<string, unknown>; existing?: { id: string; version: number } }) {
  const session = useSession();
  const navigate = useNavigate();
  const [categories] = createResource(() => trpc.documents.categories.query());
  const [policies] = createResource(() => trpc.documents.policyOptions.query());
  const optionSources = (): Record<string, FieldOption[]> => ({
    categories: (categories.error ? [] : (categories() ?? [])).map((c) => ({ value: c.id, label: { zh: c.nameZh, en: c.nameEn } })),
    policies: (policies.error ? [] : (policies() ?? [])).map((p) => ({ value: p.id, label: { zh: p.label, en: p.label } })),
  });
  const form = createFormController({
    definition: draftDocumentForm,
    schema: draftDocumentSchema,
    initial: props.initial,
    optionSources,
    droppedMessage: (n) => t('redaction.dropped', { n }),
  });
  // A server refusal, shown as worded; the "N fields to fix" line is derived instead, so it
  // disappears as soon as the last field is fixed.
  const [formError, setFormError] = createSignal('');
  const [showInvalid, setShowInvalid] = createSignal(false);
  const invalidCount = () => Object.keys(form.errors()).length;
  const [saving, setSaving] = createSignal(false);

  const focusFirstError = () => {
    const first = draftDocumentForm.fields.find((f) => form.errors()[f.key]);
    const box = first && document.querySelector<HTMLElement>(`[data-field="${first.key}"]`);
    if (!box) return;
    box.scrollIntoView({ block: 'center', behavior: 'smooth' });
    box.querySelector<HTMLElement>('input, select, textarea')?.focus({ preventScroll: true });
  };

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    setFormError('');
    const data = form.validate() as DraftDocumentInput | null;
    if (!data) {
      setShowInvalid(true);
      focusFirstError();
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
          {saving() ? t('form.saving') : t('form.save')}
        </button>
        <A class="button" href={props.existing ? `/documents/${props.existing.id}` : '/mine'}>
          {t('common.cancel')}
        </A>
      </div>
    </form>
  );
}
