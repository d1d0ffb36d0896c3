/**
 * One channel in the admin list: its names and what publishing does (both languages, saved
 * together), its place (up / down) and whether new documents are offered it.
 */
import { createSignal, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { trpc } from '../trpc';
import { localized, t, tKnown } from '../i18n/i18n';
import { errorMessage } from '../errors';

export type ChannelSetting = Awaited<ReturnType<typeof trpc.channels.settings.query>>[number];

export function ChannelRow(props: {
  channel: ChannelSetting;
  first: boolean;
  last: boolean;
  busy: boolean;
  onMove: (step: -1 | 1) => void;
  onToggle: () => void;
  onSaved: () => void;
}) {
  const c = () => props.channel;
  const receiver = () => c().receivers[0];
  const [texts, setTexts] = createStore({ labelZh: c().label.zh, labelEn: c().label.en, effectZh: c().effect.zh, effectEn: c().effect.en, url: receiver()?.url ?? '' });
  const [message, setMessage] = createSignal<{ ok: boolean; text: string } | null>(null);
  const urlChanged = () => c().kind === 'webhook' && texts.url !== (receiver()?.url ?? '');
  const changed = () => texts.labelZh !== c().label.zh || texts.labelEn !== c().label.en || texts.effectZh !== c().effect.zh || texts.effectEn !== c().effect.en || urlChanged();
  const save = async () => {
    setMessage(null);
    try {
      await trpc.channels.update.mutate({ key: c().key, label: { zh: texts.labelZh, en: texts.labelEn }, effect: { zh: texts.effectZh, en: texts.effectEn }, ...(urlChanged() ? { url: texts.url } : {}) });
      setMessage({ ok: true, text: t('channels.saved') });
      props.onSaved();
    } catch (error) {
      setMessage({ ok: false, text: errorMessage(error) });
    }
  };
  const named = (what: string) => `${c().label.zh} ${what}`;
  return (
    <tr data-testid="channel-row" data-key={c().key} classList={{ 'channel-off': !c().enabled }}>
      <td class="nowrap channel-order">
        <button type="button" class="button button-small" aria-label={named(t('channels.moveUp'))} title={t('channels.moveUp')} disabled={props.first || props.busy} onClick={() => props.onMove(-1)}>
          ↑
        </button>
        <button type="button" class="button button-small" aria-label={named(t('channels.moveDown'))} title={t('channels.moveDown')} disabled={props.last || props.busy} onClick={() => props.onMove(1)}>
          ↓
        </button>
      </td>
      <td class="channel-key">
        <div class="mono">{c().key}</div>
        <div class="muted small">
          {tKnown('channels.kind', c().kind)} · {tKnown('channels.mode', c().mode)}
        </div>
        <Show when={receiver()}>
          {(r) => (
            <div class="muted small" data-testid="channel-receiver">
              {t('channels.receiverQueue', { pending: r().pending, failed: r().failed })}
            </div>
          )}
        </Show>
      </td>
      <td class="channel-texts">
        <input aria-label={named(t('channels.labelZh'))} data-testid="channel-label-zh" value={texts.labelZh} onInput={(e) => setTexts('labelZh', e.currentTarget.value)} />
        <input aria-label={named(t('channels.labelEn'))} value={texts.labelEn} onInput={(e) => setTexts('labelEn', e.currentTarget.value)} />
        <Show when={receiver()}>
          <label class="channel-url muted small">
            <span>{t('channels.url')}</span>
            <input type="url" aria-label={named(t('channels.url'))} data-testid="channel-url" value={texts.url} onInput={(e) => setTexts('url', e.currentTarget.value)} />
          </label>
        </Show>
        <Show when={c().defaults && c().defaults!.label.zh !== c().label.zh}>
          <div class="muted small">{t('channels.defaultLabel', { label: localized(c().defaults!.label) })}</div>
        </Show>
      </td>
      <td class="channel-texts channel-effect">
        <textarea rows={3} aria-label={named(t('channels.effectZh'))} value={texts.effectZh} onInput={(e) => setTexts('effectZh', e.currentTarget.value)} />
        <textarea rows={3} aria-label={named(t('channels.effectEn'))} value={texts.effectEn} onInput={(e) => setTexts('effectEn', e.currentTarget.value)} />
      </td>
      <td class="nowrap">
        <span class={c().enabled ? 'tag channel-on' : 'tag channel-status-off'} data-testid="channel-status">
          {c().enabled ? t('channels.enabled') : t('channels.disabled')}
        </span>
        <div>
          <button type="button" class="button button-small" data-testid="channel-toggle" disabled={props.busy} onClick={() => props.onToggle()}>
            {c().enabled ? t('channels.disable') : t('channels.enable')}
          </button>
        </div>
      </td>
      <td class="nowrap">
        <button type="button" class="button button-small" data-testid="channel-save" disabled={!changed() || props.busy} onClick={() => void save()}>
          {t('channels.save')}
        </button>
        <Show when={message()}>
          {(m) => (
            <div class={`channel-message ${m().ok ? 'muted small' : 'field-error'}`} role={m().ok ? 'status' : 'alert'}>
              {m().text}
            </div>
          )}
        </Show>
      </td>
    </tr>
  );
}
