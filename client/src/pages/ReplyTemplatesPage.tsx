/** /admin/reply-templates — 答复书模板: one editable template per reply result. Admins only (the server refuses others). */
import { createResource, createSignal, For, Show } from 'solid-js';
import { trpc, type RouterOutputs } from '../trpc';
import { t } from '../i18n/i18n';
import { errorMessage } from '../errors';
import { AsyncView } from '../components/AsyncView';
import { usePageTitle } from '../components/page-title';
import { resultLabel } from '../requests/request-labels';

type Template = RouterOutputs['requests']['templates'][number];

function TemplateForm(props: { template: Template; onSaved: () => Promise<unknown> }) {
  const [title, setTitle] = createSignal(props.template.title);
  const [body, setBody] = createSignal(props.template.body);
  const [message, setMessage] = createSignal<{ ok: boolean; text: string } | null>(null);
  const save = async () => {
    setMessage(null);
    try {
      await trpc.requests.saveTemplate.mutate({ result: props.template.result, title: title(), body: body() });
      setMessage({ ok: true, text: t('templates.saved') });
      await props.onSaved();
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    }
  };
  return (
    <section class="card" data-testid={`template-${props.template.result}`}>
      <h2>
        {resultLabel(props.template.result)} <span class="badge">{props.template.customised ? t('templates.customised') : t('templates.default')}</span>
      </h2>
      <Show when={message()}>
        {(m) => <p class={`notice ${m().ok ? 'notice-success' : 'notice-error'}`} role="status">{m().text}</p>}
      </Show>
      <label class="field">
        <span>{t('requests.letterTitle')}</span>
        <input value={title()} onInput={(e) => setTitle(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('requests.letterBody')}</span>
        <textarea class="textarea-long" rows={10} value={body()} onInput={(e) => setBody(e.currentTarget.value)} />
      </label>
      <div class="form-actions">
        <button type="button" class="button button-primary" onClick={save}>{t('templates.save')}</button>
      </div>
    </section>
  );
}

export function ReplyTemplatesPage() {
  usePageTitle(() => t('templates.title'));
  const [templates, { refetch }] = createResource(() => trpc.requests.templates.query());
  return (
    <section class="reply-templates">
      <h1>{t('templates.title')}</h1>
      <p class="page-intro">{t('templates.intro')}</p>
      <AsyncView resource={templates} onRetry={refetch}>
        {(list) => <For each={list()}>{(template) => <TemplateForm template={template} onSaved={async () => refetch()} />}</For>}
      </AsyncView>
    </section>
  );
}
