/**
 * A policy document and its interpretations (政策解读) go through review as a pair
 * (同步组织、同步审签、同步部署): an interpretation links to the policy it explains, a
 * policy lists its interpretations with where each one stands, so the leader signing one
 * sees the other.
 */
import { For, Show } from 'solid-js';
import { A } from '@solidjs/router';
import { t } from '../i18n/i18n';
import { StatusBadge } from '../components/StatusBadge';
import type { DocumentView } from '../trpc';

export function PolicyPair(props: { doc: DocumentView }) {
  return (
    <Show when={props.doc.policy || props.doc.interpretations.length > 0}>
      <section class="card policy-pair" data-testid="policy-pair">
        <Show when={props.doc.policy}>
          {(policy) => (
            <>
              <h2>{t('pair.policy')}</h2>
              <ul class="pair-list">
                <li>
                  <A href={`/documents/${policy().id}`} data-testid="policy-link">
                    {policy().title}
                  </A>{' '}
                  <StatusBadge status={policy().status} />
                </li>
              </ul>
            </>
          )}
        </Show>
        <Show when={props.doc.interpretations.length > 0}>
          <h2>{t('pair.interpretations')}</h2>
          <ul class="pair-list">
            <For each={props.doc.interpretations}>
              {(item) => (
                <li data-testid="interpretation-item">
                  <A href={`/documents/${item.id}`} data-testid="interpretation-link">
                    {item.title}
                  </A>{' '}
                  <StatusBadge status={item.status} />
                </li>
              )}
            </For>
          </ul>
        </Show>
        <p class="muted small pair-note">{t('pair.note')}</p>
      </section>
    </Show>
  );
}
