/**
 * The legality reviewer's part of 我的待办: proposed validity changes (废止、失效、恢复有效)
 * of published documents, each decided in place with 同意 / 不同意 and an opinion. The
 * server lists only what this user may decide (never their own proposal).
 */
import { createSignal, Show } from 'solid-js';
import { A } from '@solidjs/router';
import { trpc, type PendingValidityChange } from '../trpc';
import { t } from '../i18n/i18n';
import { formatDateTime } from '../i18n/format';
import { validityLabel } from '../i18n/labels';
import { errorMessage, isConflict, isUnauthorized } from '../errors';
import { useSession } from '../session/SessionProvider';
import { ListTable } from '../components/ListTable';

export function ValidityInbox(props: { items: PendingValidityChange[]; reload: () => unknown }) {
  const session = useSession();
  const [busy, setBusy] = createSignal('');
  const [error, setError] = createSignal<{ changeId: string; message: string } | null>(null);
  const [done, setDone] = createSignal('');

  const decide = async (item: PendingValidityChange, approve: boolean, opinion: string): Promise<boolean> => {
    if (busy()) return false;
    setDone('');
    if (!approve && !opinion.trim()) {
      setError({ changeId: item.id, message: t('validity.opinionRequired') });
      return false;
    }
    setError(null);
    setBusy(item.id);
    try {
      await trpc.validity.decide.mutate({ changeId: item.id, approve, opinion });
      const v = validityLabel(item.proposedValidity);
      setDone(approve ? t('validity.approved', { title: item.title, v }) : t('validity.rejected', { title: item.title }));
      session.inboxChanged();
      await props.reload();
      return true;
    } catch (e) {
      if (isUnauthorized(e)) session.expired();
      // Someone else decided first: the reloaded list no longer has the row, so the message goes on top.
      if (isConflict(e)) await props.reload();
      setError({ changeId: isConflict(e) ? '' : item.id, message: errorMessage(e) });
      return false;
    } finally {
      setBusy('');
    }
  };

  const sectionError = () => {
    const e = error();
    return e && !props.items.some((i) => i.id === e.changeId) ? e.message : '';
  };

  return (
    <Show when={props.items.length > 0 || done() || sectionError()}>
      <section class="board-section validity-inbox" aria-labelledby="validity-inbox-title" data-testid="validity-inbox">
        <h2 id="validity-inbox-title">{t('validity.inboxTitle')}</h2>
        <p class="muted small section-hint">{t('validity.inboxHint')}</p>
        <Show when={done()}>
          <p class="notice notice-success" role="status" data-testid="validity-done">
            {done()}
          </p>
        </Show>
        <Show when={sectionError()}>
          <p class="notice notice-error" role="alert">
            {sectionError()}
          </p>
        </Show>
        <Show when={props.items.length > 0}>
          <ListTable
            class="validity-table"
            columns={[t('col.title'), t('validity.col.change'), t('validity.col.reason'), t('col.received'), t('validity.col.decision')]}
            rows={props.items}
          >
            {(item) => (
              <ValidityRow
                item={item}
                busy={busy() !== ''}
                error={error()?.changeId === item.id ? error()!.message : ''}
                decide={(approve, opinion) => decide(item, approve, opinion)}
              />
            )}
          </ListTable>
        </Show>
      </section>
    </Show>
  );
}

function ValidityRow(props: {
  item: PendingValidityChange;
  busy: boolean;
  error: string;
  decide: (approve: boolean, opinion: string) => Promise<boolean>;
}) {
  const [opinion, setOpinion] = createSignal('');
  const opinionId = () => `validity-opinion-${props.item.id}`;
  const run = async (approve: boolean) => {
    if (await props.decide(approve, opinion())) setOpinion('');
  };
  return (
    <tr data-testid="validity-row">
      <td class="cell-title">
        <A href={`/documents/${props.item.documentId}`}>{props.item.title}</A>
        <Show when={props.item.indexNumber}>
          <span class="sub mono">{props.item.indexNumber}</span>
        </Show>
      </td>
      <td data-label={t('validity.col.change')}>
        <span class={`validity validity-${props.item.proposedValidity}`} data-testid="validity-proposed">
          {validityLabel(props.item.proposedValidity)}
        </span>
      </td>
      <td data-label={t('validity.col.reason')} class="pre validity-reason-cell">
        {props.item.reason}
      </td>
      <td data-label={t('col.received')} class="nowrap">
        {formatDateTime(props.item.createdAt)}
      </td>
      <td data-label={t('validity.col.decision')} class="validity-decision">
        <div class="validity-decision-box">
          <textarea
            id={opinionId()}
            aria-label={t('validity.opinion')}
            data-testid="validity-opinion"
            rows={2}
            placeholder={t('validity.opinionPlaceholder')}
            value={opinion()}
            onInput={(e) => setOpinion(e.currentTarget.value)}
          />
          <Show when={props.error}>
            <p class="field-error" role="alert" data-testid="validity-row-error">
              {props.error}
            </p>
          </Show>
          <div class="buttons">
            <button type="button" class="button button-primary button-small" data-testid="validity-approve" disabled={props.busy} onClick={() => run(true)}>
              {t('validity.approve')}
            </button>
            <button type="button" class="button button-danger button-small" data-testid="validity-reject" disabled={props.busy} onClick={() => run(false)}>
              {t('validity.reject')}
            </button>
          </div>
        </div>
      </td>
    </tr>
  );
}
