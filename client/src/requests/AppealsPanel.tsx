/** 行政复议和行政诉讼 about a request: the records with their outcome, a form to add one, and deciding a pending one. */
import { createSignal, For, Show } from 'solid-js';
import { APPEAL_KINDS, APPEAL_OUTCOMES, type AppealKind, type AppealOutcome } from '../../../workflows/requests/request-vocabulary';
import { trpc, type RouterOutputs } from '../trpc';
import { t } from '../i18n/i18n';
import { formatIsoDate } from '../i18n/format';
import { errorMessage } from '../errors';
import { appealKindLabel, appealOutcomeLabel, todayCst } from './request-labels';
import { ListTable } from '../components/ListTable';

type Appeal = RouterOutputs['requests']['get']['appeals'][number];

export function AppealsPanel(props: { requestId: string; appeals: Appeal[]; canEdit: boolean; onDone: () => Promise<unknown> }) {
  const [kind, setKind] = createSignal<AppealKind>('reconsideration');
  const [outcome, setOutcome] = createSignal<AppealOutcome>('pending');
  const [filedOn, setFiledOn] = createSignal(todayCst());
  const [decidedOn, setDecidedOn] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const run = async (call: () => Promise<unknown>) => {
    setError(null);
    try {
      await call();
      await props.onDone();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <section class="card" data-testid="request-appeals">
      <h2>{t('requests.appeals')}</h2>
      <Show when={error()}>
        <p class="notice notice-error" role="alert">{error()}</p>
      </Show>
      <Show when={props.appeals.length > 0} fallback={<p class="muted">{t('requests.appealsNone')}</p>}>
        <ListTable columns={[t('requests.appealKind'), t('requests.filedOn'), t('requests.appealOutcome'), t('requests.decidedOn')]} rows={props.appeals}>
          {(a) => (
            <tr>
              <td>{appealKindLabel(a.kind)}</td>
              <td class="nowrap">{formatIsoDate(a.filedOn)}</td>
              <td>
                {appealOutcomeLabel(a.outcome)}
                <Show when={props.canEdit && a.outcome === 'pending'}>
                  {' '}
                  <DecideAppeal onDecide={(decided) => run(() => trpc.requests.decideAppeal.mutate({ appealId: a.id, outcome: decided, decidedOn: todayCst(), notes: '' }))} />
                </Show>
              </td>
              <td class="nowrap">{formatIsoDate(a.decidedOn)}</td>
            </tr>
          )}
        </ListTable>
      </Show>
      <Show when={props.canEdit}>
        <div class="inline-form">
          <select value={kind()} onChange={(e) => setKind(e.currentTarget.value as AppealKind)} aria-label={t('requests.appealKind')}>
            <For each={APPEAL_KINDS}>{(k) => <option value={k}>{appealKindLabel(k)}</option>}</For>
          </select>
          <label class="inline-field">
            <span>{t('requests.filedOn')}</span>
            <input type="date" value={filedOn()} onInput={(e) => setFiledOn(e.currentTarget.value)} />
          </label>
          <select value={outcome()} onChange={(e) => setOutcome(e.currentTarget.value as AppealOutcome)} aria-label={t('requests.appealOutcome')}>
            <For each={APPEAL_OUTCOMES}>{(o) => <option value={o}>{appealOutcomeLabel(o)}</option>}</For>
          </select>
          <Show when={outcome() !== 'pending'}>
            <label class="inline-field">
              <span>{t('requests.decidedOn')}</span>
              <input type="date" value={decidedOn()} onInput={(e) => setDecidedOn(e.currentTarget.value)} />
            </label>
          </Show>
          <button type="button" class="button" onClick={() => run(() => trpc.requests.addAppeal.mutate({ requestId: props.requestId, kind: kind(), outcome: outcome(), filedOn: filedOn(), decidedOn: outcome() === 'pending' ? null : decidedOn() || null, notes: '' }))}>
            {t('requests.addAppeal')}
          </button>
        </div>
      </Show>
    </section>
  );
}

/** Records the outcome of a pending appeal: the body's decision is one of the decided outcomes. */
function DecideAppeal(props: { onDecide: (outcome: AppealOutcome) => void }) {
  const decided = APPEAL_OUTCOMES.filter((o) => o !== 'pending');
  const [choice, setChoice] = createSignal<AppealOutcome>(decided[0]!);
  return (
    <span class="inline-form">
      <select value={choice()} onChange={(e) => setChoice(e.currentTarget.value as AppealOutcome)} aria-label={t('requests.appealOutcome')} data-testid="appeal-decision">
        <For each={decided}>{(o) => <option value={o}>{appealOutcomeLabel(o)}</option>}</For>
      </select>
      <button type="button" class="button button-small" data-testid="appeal-decide" onClick={() => props.onDecide(choice())}>
        {t('requests.decide')}
      </button>
    </span>
  );
}
