/** 办理记录: the dated events of a request, oldest first, with who recorded them and their note. */
import { For, Show } from 'solid-js';
import type { RouterOutputs } from '../trpc';
import { t, tKnown } from '../i18n/i18n';
import { formatIsoDate } from '../i18n/format';

type Event = RouterOutputs['requests']['get']['events'][number];

export function RequestTimeline(props: { events: Event[] }) {
  return (
    <section class="card" data-testid="request-timeline">
      <h2>{t('requests.timeline')}</h2>
      <ol class="timeline">
        <For each={props.events}>
          {(e) => (
            <li class="timeline-item" data-testid="request-event">
              <div class="timeline-head">
                <time datetime={e.date}>{formatIsoDate(e.date)}</time> <strong>{tKnown('requests.event', e.name)}</strong>
                <Show when={e.days}>{t('requests.daysSuffix', { n: e.days ?? 0 })}</Show>
                <Show when={e.actorName}>
                  <span class="muted small"> · {e.actorName}</span>
                </Show>
              </div>
              <Show when={e.note}>
                <p class="timeline-note">{e.note}</p>
              </Show>
            </li>
          )}
        </For>
      </ol>
    </section>
  );
}
