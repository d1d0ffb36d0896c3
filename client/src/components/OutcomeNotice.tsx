/**
 * What came of the action the user just took: green and announced politely when it went
 * through, red and announced at once (role=alert) when it was refused. Nothing when there is
 * no outcome yet.
 */
import { Show } from 'solid-js';

export interface Outcome {
  ok: boolean;
  text: string;
}

export function OutcomeNotice(props: { outcome: Outcome | null; testId?: string }) {
  return (
    <Show when={props.outcome}>
      {(m) => (
        <p class={`notice ${m().ok ? 'notice-success' : 'notice-error'}`} role={m().ok ? 'status' : 'alert'} data-testid={props.testId}>
          {m().text}
        </p>
      )}
    </Show>
  );
}
