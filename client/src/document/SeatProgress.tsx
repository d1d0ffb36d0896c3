/**
 * 会签进度: the seats of the current step and who has signed each. Shown only when it says
 * more than the step label does: several seats (会签), or someone added as a signer (加签).
 * The seats and names come from the server as they are; nothing is worked out here.
 */
import { For, Show } from 'solid-js';
import { t, tKnown } from '../i18n/i18n';
import type { DocumentView } from '../trpc';

type Seat = DocumentView['seats'][number];

export function SeatProgress(props: { doc: DocumentView }) {
  const seats = () => props.doc.seats;
  const shown = () => seats().length > 1 || seats().some((s) => s.added);
  const signed = () => seats().filter((s) => s.approvedByName !== null).length;
  return (
    <Show when={shown()}>
      <section class="card seat-progress" data-testid="seat-progress" aria-labelledby="seat-progress-title">
        <h2 id="seat-progress-title">
          {t('seats.title')}
          <span class="muted small"> · {t('seats.count', { done: signed(), total: seats().length })}</span>
        </h2>
        <ul class="seat-list">
          <For each={seats()}>{(seat) => <SeatRow seat={seat} />}</For>
        </ul>
      </section>
    </Show>
  );
}

function SeatRow(props: { seat: Seat }) {
  // A transferred role seat names its holder; an added seat's label already is the person.
  const assignee = () => (props.seat.assigneeName && props.seat.assigneeName !== props.seat.label ? props.seat.assigneeName : '');
  const done = () => props.seat.approvedByName !== null;
  return (
    <li class="seat" classList={{ 'seat-done': done() }} data-testid="seat" data-seat-id={props.seat.seatId}>
      <span class="seat-who">
        <span class="seat-label">{props.seat.label}</span>
        <Show when={assignee()}>
          <span class="muted small"> · {assignee()}</span>
        </Show>
        <Show when={props.seat.added}>
          {(position) => (
            <span class="seat-added" data-testid="seat-added">
              {tKnown('seats.added', position())}
            </span>
          )}
        </Show>
      </span>
      <Show
        when={done()}
        fallback={
          <span class="seat-state seat-pending" data-testid="seat-pending">
            {t('seats.pending')}
          </span>
        }
      >
        <span class="seat-state seat-signed" data-testid="seat-signed">
          <span aria-hidden="true">✓</span> {props.seat.approvedByName || t('seats.signed')}
        </span>
      </Show>
    </li>
  );
}
