/**
 * 新增渠道: an offline channel (a reading point, the archive, the library: people post the
 * document there and the publisher uploads a proof) or another portal pushed by webhook. The
 * key is optional (the server makes one from the English name); a webhook channel's signing
 * secret is shown here once.
 */
import { createSignal, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { trpc } from '../trpc';
import { t } from '../i18n/i18n';
import { errorMessage } from '../errors';

type Kind = 'offline' | 'webhook';

export function NewChannelForm(props: { onAdded: () => void }) {
  const blank = () => ({ kind: 'offline' as Kind, key: '', labelZh: '', labelEn: '', effectZh: '', effectEn: '', url: '' });
  const [input, setInput] = createStore(blank());
  const [message, setMessage] = createSignal<{ ok: boolean; text: string; secret?: string } | null>(null);
  const [saving, setSaving] = createSignal(false);
  const problem = () => {
    if (!input.labelZh.trim() || !input.labelEn.trim()) return t('channels.labelRequired');
    if (input.kind === 'webhook' && !/^https?:\/\/\S+$/.test(input.url.trim())) return t('channels.urlRequired');
    return null;
  };
  const add = async (event: SubmitEvent) => {
    event.preventDefault();
    const wrong = problem();
    if (wrong) {
      setMessage({ ok: false, text: wrong });
      return;
    }
    setSaving(true);
    setMessage(null);
    const common = { key: input.key.trim() || undefined, label: { zh: input.labelZh.trim(), en: input.labelEn.trim() }, effect: { zh: input.effectZh.trim(), en: input.effectEn.trim() } };
    try {
      const added: { key: string; secret?: string } =
        input.kind === 'webhook' ? await trpc.channels.addWebhook.mutate({ ...common, url: input.url.trim() }) : await trpc.channels.addOffline.mutate(common);
      setMessage({ ok: true, text: t('channels.added', { label: common.label.zh, key: added.key }), ...(added.secret ? { secret: added.secret } : {}) });
      setInput(blank());
      props.onAdded();
    } catch (error) {
      setMessage({ ok: false, text: errorMessage(error) });
    } finally {
      setSaving(false);
    }
  };
  return (
    <form class="channel-new" onSubmit={add} noValidate data-testid="new-channel">
      <h3>{t('channels.new')}</h3>
      <fieldset class="channel-kind">
        <legend>{t('channels.newKind')}</legend>
        <label class="choice">
          <input type="radio" name="channel-kind" value="offline" checked={input.kind === 'offline'} onChange={() => setInput('kind', 'offline')} />
          <span>{t('channels.newOffline')}</span>
        </label>
        <label class="choice">
          <input type="radio" name="channel-kind" value="webhook" data-testid="new-channel-webhook" checked={input.kind === 'webhook'} onChange={() => setInput('kind', 'webhook')} />
          <span>{t('channels.newWebhook')}</span>
        </label>
      </fieldset>
      <div class="channel-new-grid">
        <label>
          <span>{t('channels.labelZh')}</span>
          <input data-testid="new-channel-label-zh" value={input.labelZh} onInput={(e) => setInput('labelZh', e.currentTarget.value)} />
        </label>
        <label>
          <span>{t('channels.labelEn')}</span>
          <input data-testid="new-channel-label-en" value={input.labelEn} onInput={(e) => setInput('labelEn', e.currentTarget.value)} />
        </label>
        <label>
          <span>{t('channels.key')}</span>
          <input class="mono" data-testid="new-channel-key" value={input.key} placeholder="county_archive" onInput={(e) => setInput('key', e.currentTarget.value)} />
          <span class="muted small">{t('channels.keyHint')}</span>
        </label>
        <Show when={input.kind === 'webhook'}>
          <label>
            <span>{t('channels.url')}</span>
            <input type="url" data-testid="new-channel-url" value={input.url} placeholder="https://www.example.gov.cn/hooks/shenfa" onInput={(e) => setInput('url', e.currentTarget.value)} />
          </label>
        </Show>
        <label>
          <span>{t('channels.effectZh')}</span>
          <textarea rows={2} value={input.effectZh} placeholder={t('channels.effectHint')} onInput={(e) => setInput('effectZh', e.currentTarget.value)} />
        </label>
        <label>
          <span>{t('channels.effectEn')}</span>
          <textarea rows={2} value={input.effectEn} placeholder={t('channels.effectHint')} onInput={(e) => setInput('effectEn', e.currentTarget.value)} />
        </label>
      </div>
      <button type="submit" class="button button-primary" data-testid="new-channel-add" disabled={saving()}>
        {t('channels.add')}
      </button>
      <Show when={message()}>
        {(m) => (
          <div class={`notice ${m().ok ? 'notice-success' : 'notice-error'}`} role={m().ok ? 'status' : 'alert'} data-testid="new-channel-message">
            <p>{m().text}</p>
            <Show when={m().secret}>
              <p>
                {t('channels.secret')} <code data-testid="new-channel-secret">{m().secret}</code>
              </p>
            </Show>
          </div>
        )}
      </Show>
    </form>
  );
}
