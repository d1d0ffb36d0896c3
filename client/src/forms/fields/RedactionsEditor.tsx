/**
 * `redactions`: the drafter selects a passage in the target textarea (the body), types a
 * reason and clicks 「标记删减」. Offsets are the textarea's selectionStart/selectionEnd,
 * UTF-16 code units with the end exclusive, which is what the forms core expects.
 */
import { createSignal, For, Show } from 'solid-js';
import { LEGAL_GROUNDS, LEGAL_GROUND_LABELS, type LegalGround, type Redaction } from '../../../../forms/index';
import { locale } from '../../i18n/i18n';
import { t } from '../../i18n/i18n';
import { HighlightedBody } from '../../components/HighlightedBody';
import type { FieldProps } from '../field-props';

export function RedactionsEditor(props: FieldProps) {
  const [reason, setReason] = createSignal('');
  // Most removals in published lists protect a third party's privacy; the drafter changes it when not.
  const [ground, setGround] = createSignal<LegalGround>('third_party_rights');
  const [problem, setProblem] = createSignal('');
  const target = () => props.field.targetField ?? '';
  const body = () => {
    const text = props.form.value(target());
    return typeof text === 'string' ? text : '';
  };
  const redactions = () => (Array.isArray(props.value) ? (props.value as Redaction[]) : []);

  const mark = () => {
    setProblem('');
    const textarea = props.form.element(target());
    if (!(textarea instanceof HTMLTextAreaElement) || textarea.selectionStart === textarea.selectionEnd) {
      setProblem(t('redaction.noSelection'));
      return;
    }
    const start = Math.min(textarea.selectionStart, textarea.selectionEnd);
    const end = Math.max(textarea.selectionStart, textarea.selectionEnd);
    const why = reason().trim();
    if (!why) {
      setProblem(t('redaction.noReason'));
      return;
    }
    if (redactions().some((r) => start < r.end && r.start < end)) {
      setProblem(t('redaction.overlap'));
      return;
    }
    // Kept in body order, so 第 N 处 in a validation message is the Nth passage in the list.
    const next = [...redactions().map((r) => ({ ...r })), { start, end, ground: ground(), reason: why }].sort((a, b) => a.start - b.start);
    props.setValue(next);
    props.form.setNotice('');
  };

  const remove = (index: number) => props.setValue(redactions().filter((_, i) => i !== index).map((r) => ({ ...r })));

  return (
    <div class="redactions" id={props.id} aria-describedby={props.errorId}>
      <p class="muted small">{t('redaction.hint')}</p>
      <div class="redaction-add">
        <select data-testid="redaction-ground" aria-label={t('redaction.ground')} value={ground()} onChange={(e) => setGround(e.currentTarget.value as LegalGround)}>
          <For each={LEGAL_GROUNDS}>{(g) => <option value={g}>{LEGAL_GROUND_LABELS[g][locale()]}</option>}</For>
        </select>
        <input
          type="text"
          data-testid="redaction-reason"
          aria-label={t('redaction.reason')}
          placeholder={t('redaction.reasonPlaceholder')}
          value={reason()}
          onInput={(e) => setReason(e.currentTarget.value)}
          onKeyDown={(e) => {
            // Enter here means "mark", not "save the whole form".
            if (e.key === 'Enter') {
              e.preventDefault();
              mark();
            }
          }}
        />
        <button type="button" class="button" data-testid="add-redaction" onClick={mark}>
          {t('redaction.add')}
        </button>
      </div>
      <Show when={problem()}>
        <p class="field-error" role="alert">
          {problem()}
        </p>
      </Show>
      <Show when={props.form.notice()}>
        <p class="notice notice-warning">{props.form.notice()}</p>
      </Show>
      <Show when={redactions().length > 0} fallback={<p class="muted small">{t('redaction.empty')}</p>}>
        <ol class="redaction-list">
          <For each={redactions()}>
            {(r, i) => (
              <li data-testid="redaction-item">
                <span class="redaction-passage">「{body().slice(r.start, r.end)}」</span>
                <span class="redaction-why">
                  {LEGAL_GROUND_LABELS[r.ground]?.[locale()]}：{r.reason}
                </span>
                <button type="button" class="link-button danger" onClick={() => remove(i())}>
                  {t('redaction.remove')}
                </button>
              </li>
            )}
          </For>
        </ol>
        <details class="redaction-preview" open>
          <summary>{t('redaction.preview')}</summary>
          <HighlightedBody body={body()} redactions={redactions()} class="doc-body-preview" />
        </details>
      </Show>
    </div>
  );
}
