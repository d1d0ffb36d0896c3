/**
 * A body with its redactions (删减) marked, as reviewers and the drafter see it: the
 * removed passage stays readable, highlighted, with its reason beside it. Segments come
 * from the core's highlightSegments, the same offsets the server publishes with.
 */
import { For, Match, Switch } from 'solid-js';
import { highlightSegments, type Redaction } from '../../../forms/index';
import { t } from '../i18n/i18n';

export function HighlightedBody(props: { body: string; redactions: readonly Redaction[]; class?: string }) {
  const segments = () => highlightSegments(props.body, props.redactions);
  return (
    <div class={`doc-body ${props.class ?? ''}`}>
      <For each={segments()}>
        {(segment) => (
          <Switch>
            <Match when={segment.kind === 'text' && segment}>{(s) => s().text}</Match>
            <Match when={segment.kind === 'redaction' && segment}>
              {(s) => (
                <mark class="redaction" data-testid="redaction-highlight" title={`${t('redaction.reason')}：${s().reason}`}>
                  {s().text}
                  <span class="redaction-reason">
                    {s().index + 1}·{s().reason}
                  </span>
                </mark>
              )}
            </Match>
          </Switch>
        )}
      </For>
    </div>
  );
}
