/**
 * 疑似未脱敏个人信息: what the server's scan found in the body outside any redaction.
 * Shown masked, so the warning itself does not spread the number further.
 */
import { For, Show } from 'solid-js';
import { t, tKnown } from '../i18n/i18n';
import type { DocumentView } from '../trpc';

/** Keeps the first 3 and last 4 characters: 13812345678 → 138****5678. */
export function maskPersonalData(text: string): string {
  const chars = [...text.replace(/[\s-]/g, '')];
  if (chars.length <= 7) return '*'.repeat(chars.length);
  return chars.slice(0, 3).join('') + '*'.repeat(chars.length - 7) + chars.slice(-4).join('');
}

export function PrivacyWarning(props: { hits: DocumentView['privacyHits'] }) {
  return (
    <Show when={props.hits.length > 0}>
      <section class="notice notice-warning privacy" data-testid="privacy-hits" role="note">
        <h2>{t('doc.privacyTitle')}</h2>
        <ul>
          <For each={props.hits}>
            {(hit) => (
              <li>
                <strong>{tKnown('privacy', hit.kind)}</strong> <span class="mono">{maskPersonalData(hit.text)}</span>{' '}
                <span class="muted small">{t('doc.privacyAt', { n: hit.start + 1 })}</span>
              </li>
            )}
          </For>
        </ul>
        <p class="small">{t('doc.privacyHint')}</p>
      </section>
    </Show>
  );
}
