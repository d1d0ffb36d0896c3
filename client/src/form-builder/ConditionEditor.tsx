/**
 * Edits one condition of a field as rows of "when FIELD is / is not VALUE", joined by 全部满足
 * or 任一满足 when there are several. A source is another field with a fixed set of values (a
 * checkbox, or a choice field's options), so the admin picks the value instead of typing it.
 * A condition that rows cannot show (nested groups, several values in one rule, e.g. from an
 * imported file) is shown read-only, with a button to clear it.
 */
import { For, Index, Show } from 'solid-js';
import type { Condition, ConditionValue, FieldDefinition, FormDefinition } from '../../../forms/index';
import { localized, t } from '../i18n/i18n';
import { conditionFromRows, conditionRows, type ConditionRow, type ConditionRows } from './condition-rows';

const CHOICE_TYPES = new Set(['boolean', 'select', 'radio', 'multiselect']);

/** The values a condition on this field can compare with, each with its label. */
function valuesOf(field: FieldDefinition | undefined): { value: ConditionValue; label: string }[] {
  if (!field) return [];
  if (field.type === 'boolean') return [{ value: true, label: t('fb.checked') }, { value: false, label: t('fb.unchecked') }];
  return (field.options ?? []).map((o) => ({ value: o.value, label: localized(o.label) }));
}

export function ConditionEditor(props: {
  id: string;
  label: string;
  form: FormDefinition;
  field: FieldDefinition;
  value: Condition | undefined;
  onChange: (cond: Condition | undefined) => void;
}) {
  const sources = () => props.form.fields.filter((f) => f.key !== props.field.key && CHOICE_TYPES.has(f.type) && (f.type === 'boolean' || f.options?.length));
  const parsed = () => conditionRows(props.value);
  const encode = (v: ConditionValue) => JSON.stringify(v);
  // The first row keeps the plain test ids the single-condition editor had.
  const testId = (part: string, i: number) => (i === 0 ? `${props.id}-${part}` : `${props.id}-${part}-${i}`);
  const write = (next: ConditionRows) => props.onChange(conditionFromRows(next));
  const setRow = (i: number, row: ConditionRow | null) => {
    const current = parsed()!;
    const rows = row === null ? current.rows.filter((_, n) => n !== i) : current.rows.map((r, n) => (n === i ? row : r));
    write({ ...current, rows });
  };
  const firstValueRow = (key: string): ConditionRow | null => {
    const first = valuesOf(props.form.fields.find((f) => f.key === key))[0];
    return key && first ? { field: key, negate: false, value: first.value } : null;
  };
  // Rows shown: at least one (an empty one reads 始终), even when nothing is stored.
  const shown = (): ConditionRow[] => {
    const rows = parsed()?.rows ?? [];
    return rows.length ? rows : [{ field: '', negate: false, value: null }];
  };

  return (
    <fieldset class="fb-condition" data-testid={props.id}>
      <legend>{props.label}</legend>
      <Show
        when={parsed()}
        fallback={
          <>
            <p class="muted mono">{JSON.stringify(props.value)}</p>
            <button type="button" class="button button-small" onClick={() => props.onChange(undefined)}>
              {t('fb.conditionClear')}
            </button>
          </>
        }
      >
        {(rows) => (
          <>
            <Show when={rows().rows.length > 1}>
              <div class="fb-condition-row">
                <select aria-label={t('fb.conditionMode')} data-testid={`${props.id}-mode`} value={rows().mode} onChange={(e) => write({ ...rows(), mode: e.currentTarget.value === 'any' ? 'any' : 'all' })}>
                  <option value="all">{t('fb.conditionAll')}</option>
                  <option value="any">{t('fb.conditionAny')}</option>
                </select>
              </div>
            </Show>
            <Index each={shown()}>
              {(row, i) => (
                <div class="fb-condition-row">
                  <select
                    aria-label={t('fb.conditionField')}
                    data-testid={testId('field', i)}
                    value={row().field}
                    onChange={(e) => {
                      const next = firstValueRow(e.currentTarget.value);
                      if (rows().rows.length === 0) write({ ...rows(), rows: next ? [next] : [] });
                      else setRow(i, next);
                    }}
                  >
                    <option value="">{i === 0 && rows().rows.length <= 1 ? t('fb.always') : t('fb.conditionNone')}</option>
                    <For each={sources()}>{(f) => <option value={f.key}>{localized(f.label)}</option>}</For>
                  </select>
                  <Show when={row().field}>
                    <select class="fb-condition-op" aria-label={t('fb.conditionOp')} data-testid={testId('op', i)} value={row().negate ? 'not' : 'is'} onChange={(e) => setRow(i, { ...row(), negate: e.currentTarget.value === 'not' })}>
                      <option value="is">{t('fb.equals')}</option>
                      <option value="not">{t('fb.notEquals')}</option>
                    </select>
                    <select
                      aria-label={t('fb.conditionValue')}
                      data-testid={testId('value', i)}
                      value={encode(row().value)}
                      onChange={(e) => setRow(i, { ...row(), value: JSON.parse(e.currentTarget.value) as ConditionValue })}
                    >
                      <For each={valuesOf(props.form.fields.find((f) => f.key === row().field))}>{(v) => <option value={encode(v.value)}>{v.label}</option>}</For>
                    </select>
                    <Show when={rows().rows.length > 1}>
                      <button type="button" class="button button-small" data-testid={testId('remove', i)} aria-label={t('fb.conditionRemove', { n: i + 1 })} onClick={() => setRow(i, null)}>
                        ×
                      </button>
                    </Show>
                  </Show>
                </div>
              )}
            </Index>
            <Show when={rows().rows.length > 0 && sources().length > 0}>
              <button
                type="button"
                class="button button-small"
                data-testid={`${props.id}-add`}
                onClick={() => {
                  const next = firstValueRow(sources()[0]!.key);
                  if (next) write({ ...rows(), rows: [...rows().rows, next] });
                }}
              >
                {t('fb.conditionAdd')}
              </button>
            </Show>
          </>
        )}
      </Show>
    </fieldset>
  );
}
