/**
 * 更多办理方式, folded under 同意/退回: 转办 (hand the task to a colleague with the step's
 * role; the holder is then done with it) and 加签 (ask someone else to sign this step too,
 * 在我之前 = they review first and it comes back to me, 在我之后 = I approve now, with the
 * five checks ticked above, and they review after me). Who may be chosen is the server's
 * list (`review.colleagues`), fetched the first time the section is opened.
 */
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import type { FiveCheck } from '../../../forms/disclosure';
import { trpc, type DocumentView, type RouterOutputs } from '../trpc';
import { t } from '../i18n/i18n';
import { errorMessage } from '../errors';
import type { DocumentActions } from './document-actions';

type Colleague = RouterOutputs['review']['colleagues']['transferTo'][number];
type Position = 'before' | 'after';

const personLabel = (p: Colleague) => (p.departmentName ? `${p.name} · ${p.departmentName}` : p.name);

/** The chosen id while the list still offers it, else none: a reload may change the list. */
function chosenFrom(list: () => readonly Colleague[], chosen: () => string) {
  return createMemo(() => (list().some((p) => p.id === chosen()) ? chosen() : ''));
}

export function HandOverActions(props: {
  doc: DocumentView;
  actions: DocumentActions;
  /** The five checks ticked on the panel: 加签在我之后 is the holder's own approval. */
  checks: () => Record<FiveCheck, boolean>;
  /** The step's opinion form as filled on the panel ({} when none; null, after saying why, when not valid): 加签在我之后 sends it. */
  opinionForm: () => { opinionForm?: Record<string, unknown> } | null;
  /** Called after 加签在我之后 went through, to clear the panel's checks. */
  onApproved: () => void;
}) {
  const [open, setOpen] = createSignal(false);
  const [colleagues, { refetch }] = createResource(
    // Keyed by version: after a reload the step, and so the list, may have changed.
    () => (open() && (props.doc.can.transfer || props.doc.can.addSigner) ? { id: props.doc.id, version: props.doc.version } : false),
    ({ id }) => trpc.review.colleagues.query({ documentId: id }),
  );
  // Only a loaded list is read: `latest` throws after a failure.
  const loaded = () => (colleagues.state === 'ready' || colleagues.state === 'refreshing' ? colleagues.latest : undefined);
  const transferTo = () => loaded()?.transferTo ?? [];
  const addSigners = () => loaded()?.addSigners ?? [];

  const [transferPick, setTransferPick] = createSignal('');
  const [transferNote, setTransferNote] = createSignal('');
  const transferee = chosenFrom(transferTo, transferPick);

  const [signerPick, setSignerPick] = createSignal('');
  const [position, setPosition] = createSignal<Position>('before');
  const [signerNote, setSignerNote] = createSignal('');
  const signer = chosenFrom(addSigners, signerPick);

  let summary: HTMLElement | undefined;
  const toggled = (details: HTMLDetailsElement) => {
    setOpen(details.open);
    // Opened, the side column stops sticking (see styles.css) and may jump to the top of the
    // page: bring the section back to where the user clicked it.
    if (details.open) requestAnimationFrame(() => summary?.scrollIntoView({ block: 'nearest' }));
  };

  const taskId = () => props.doc.openTask?.id ?? '';
  const busy = () => !!props.actions.busy();

  const transfer = async () => {
    if (!transferee()) return props.actions.refuse(t('handover.transferChoose'));
    const ok = await props.actions.run(t('handover.transfer'), (to) =>
      trpc.review.transfer.mutate({ ...to, taskId: taskId(), toUserId: transferee(), opinion: transferNote() }),
    );
    if (ok) {
      setTransferPick('');
      setTransferNote('');
    }
  };
  const addSigner = async () => {
    if (!signer()) return props.actions.refuse(t('handover.signerChoose'));
    const after = position() === 'after';
    const form = after ? props.opinionForm() : {};
    if (!form) return;
    const ok = await props.actions.run(t('handover.addSigner'), (to) =>
      trpc.review.addSigner.mutate({
        ...to,
        taskId: taskId(),
        userId: signer(),
        position: position(),
        opinion: signerNote(),
        ...(after ? { checks: props.checks(), ...form } : {}),
      }),
    );
    if (ok) {
      setSignerPick('');
      setSignerNote('');
      setPosition('before');
      if (after) props.onApproved();
    }
  };

  return (
    <Show when={props.doc.can.transfer || props.doc.can.addSigner}>
      <details class="more-actions" data-testid="more-actions" open={open()} onToggle={(e) => toggled(e.currentTarget)}>
        <summary ref={summary} data-testid="more-actions-toggle">
          {t('handover.more')}
        </summary>
        <Show when={!colleagues.error} fallback={<ColleaguesError error={colleagues.error} onRetry={refetch} />}>
          <Show when={loaded()} fallback={<p class="muted small">{t('common.loading')}</p>}>
            <Show when={props.doc.can.transfer}>
              <div class="handover" data-testid="transfer-group">
                <h3>{t('handover.transfer')}</h3>
                <p class="muted small">{t('handover.transferHint')}</p>
                <Show when={transferTo().length > 0} fallback={<p class="muted small" data-testid="transfer-none">{t('handover.transferNone')}</p>}>
                  <label for="transfer-select">{t('handover.transferTo')}</label>
                  <select id="transfer-select" data-testid="transfer-select" value={transferee()} onChange={(e) => setTransferPick(e.currentTarget.value)}>
                    <option value="">{t('handover.choose')}</option>
                    <For each={transferTo()}>
                      {(p) => (
                        <option value={p.id} selected={p.id === transferee()}>
                          {personLabel(p)}
                        </option>
                      )}
                    </For>
                  </select>
                  <label for="transfer-note">{t('handover.note')}</label>
                  <textarea
                    id="transfer-note"
                    rows={2}
                    data-testid="transfer-note"
                    maxLength={2000}
                    placeholder={t('handover.transferNotePlaceholder')}
                    value={transferNote()}
                    onInput={(e) => setTransferNote(e.currentTarget.value)}
                  />
                  <div class="buttons">
                    <button type="button" class="button" data-testid="transfer" disabled={busy()} onClick={transfer}>
                      {t('handover.transfer')}
                    </button>
                  </div>
                </Show>
              </div>
            </Show>
            <Show when={props.doc.can.addSigner}>
              <div class="handover" data-testid="add-signer-group">
                <h3>{t('handover.addSigner')}</h3>
                <p class="muted small">{t('handover.addSignerHint')}</p>
                <label for="add-signer-select">{t('handover.signer')}</label>
                <select id="add-signer-select" data-testid="add-signer-select" value={signer()} onChange={(e) => setSignerPick(e.currentTarget.value)}>
                  <option value="">{t('handover.choose')}</option>
                  <For each={addSigners()}>
                    {(p) => (
                      <option value={p.id} selected={p.id === signer()}>
                        {personLabel(p)}
                      </option>
                    )}
                  </For>
                </select>
                <fieldset class="positions" data-testid="add-signer-position">
                  <legend>{t('handover.position')}</legend>
                  <For each={['before', 'after'] as const}>
                    {(value) => (
                      <label class="position">
                        <input
                          type="radio"
                          name="add-signer-position"
                          value={value}
                          checked={position() === value}
                          onChange={(e) => e.currentTarget.checked && setPosition(value)}
                        />
                        <span>
                          <strong>{t(value === 'before' ? 'handover.before' : 'handover.after')}</strong>
                          <span class="muted small">{t(value === 'before' ? 'handover.beforeHint' : 'handover.afterHint')}</span>
                        </span>
                      </label>
                    )}
                  </For>
                </fieldset>
                <label for="add-signer-note">{t('handover.note')}</label>
                <textarea
                  id="add-signer-note"
                  rows={2}
                  data-testid="add-signer-note"
                  maxLength={2000}
                  placeholder={t('handover.signerNotePlaceholder')}
                  value={signerNote()}
                  onInput={(e) => setSignerNote(e.currentTarget.value)}
                />
                <div class="buttons">
                  <button type="button" class="button" classList={{ 'button-primary': position() === 'after' }} data-testid="add-signer" disabled={busy()} onClick={addSigner}>
                    {t(position() === 'after' ? 'handover.approveAndAdd' : 'handover.addSigner')}
                  </button>
                </div>
              </div>
            </Show>
          </Show>
        </Show>
      </details>
    </Show>
  );
}

function ColleaguesError(props: { error: unknown; onRetry: () => unknown }) {
  return (
    <p class="notice notice-error small" role="alert">
      {errorMessage(props.error)}{' '}
      <button type="button" class="link-button" onClick={() => props.onRetry()}>
        {t('common.retry')}
      </button>
    </p>
  );
}
