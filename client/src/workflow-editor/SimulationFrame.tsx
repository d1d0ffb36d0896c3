/**
 * The frame of a simulation panel, for either flow family: title and intro, the family's
 * setup (facts, forced conditions), the path so far, why it stopped, the family's event
 * buttons, and undo / start again.
 */
import { Show, type JSX } from 'solid-js';
import type { LocalizedText } from '../../../workflows/definition';
import { localized, t } from '../i18n/i18n';

export interface SimulationFrameProps {
  intro: string;
  setup?: JSX.Element;
  /** The visited steps, as list items. */
  path: JSX.Element;
  stopped: { reason: LocalizedText } | null | undefined;
  actions: JSX.Element;
  /** How many events were pressed: undo and start again need one. */
  eventCount: number;
  onUndo: () => void;
  onReset: () => void;
}

export function SimulationFrame(props: SimulationFrameProps) {
  return (
    <section class="card wf-sim" data-testid="simulation" aria-labelledby="wf-sim-title">
      <h2 id="wf-sim-title">{t('wfe.simTitle')}</h2>
      <p class="help">{props.intro}</p>
      {props.setup}
      <ol class="wf-sim-path" data-testid="sim-path">
        {props.path}
      </ol>
      <Show when={props.stopped}>
        {(stopped) => (
          <p class="notice notice-warning" role="status" data-testid="sim-stopped">
            {localized(stopped().reason)}
          </p>
        )}
      </Show>
      <div class="buttons wf-sim-actions">
        {props.actions}
        <button type="button" class="button button-small" data-testid="sim-undo" disabled={props.eventCount === 0} onClick={() => props.onUndo()}>
          {t('wfe.simUndo')}
        </button>
        <button type="button" class="button button-small" data-testid="sim-reset" disabled={props.eventCount === 0} onClick={() => props.onReset()}>
          {t('wfe.simReset')}
        </button>
      </div>
    </section>
  );
}
