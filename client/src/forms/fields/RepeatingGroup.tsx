/**
 * `group`: a repeating group as a table, one row per entry, one column per sub-field; each
 * cell is the sub-field's own registered control. Rows are added and removed with buttons
 * (within the field's min/max rows); the messages name the row and the column.
 */
import { For, Index, Show } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { emptyValueOf, MAX_GROUP_ROWS, type FieldDefinition } from '../../../../forms/index';
import { localized, t } from '../../i18n/i18n';
import { fieldRenderer } from '../field-registry';
import type { FieldProps } from '../field-props';

type Row = Record<string, unknown>;

const emptyRow = (columns: readonly FieldDefinition[]): Row => Object.fromEntries(columns.map((c) => [c.key, emptyValueOf(c)]));

export function RepeatingGroup(props: FieldProps) {
  const columns = () => props.field.fields ?? [];
  const rows = () => (Array.isArray(props.value) ? (props.value as Row[]) : []);
  const max = () => props.field.rules?.max ?? MAX_GROUP_ROWS;
  const setCell = (i: number, key: string, value: unknown) => props.setValue(rows().map((r, n) => (n === i ? { ...r, [key]: value } : r)));
  const addRow = () => props.setValue([...rows(), emptyRow(columns())]);
  const removeRow = (i: number) => props.setValue(rows().filter((_, n) => n !== i));

  return (
    <div class="group-field" id={props.id} aria-describedby={props.errorId} data-testid={`group-${props.field.key}`}>
      <Show when={rows().length} fallback={<p class="muted small">{t('group.empty')}</p>}>
        <table class="group-table">
          <thead>
            <tr>
              <th scope="col" class="group-n">#</th>
              <For each={columns()}>
                {(c) => (
                  <th scope="col">
                    {localized(c.label)}
                    <Show when={c.required}>
                      <span class="required">*</span>
                    </Show>
                  </th>
                )}
              </For>
              <th scope="col" class="group-actions">
                <span class="visually-hidden">{t('group.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <Index each={rows()}>
              {(row, i) => (
                <tr data-testid="group-row">
                  <td class="group-n">{i + 1}</td>
                  <For each={columns()}>
                    {(column) => {
                      const renderer = fieldRenderer(column.type);
                      const cellId = `${props.id}-${i}-${column.key}`;
                      return (
                        <td data-label={localized(column.label)}>
                          <label class="visually-hidden" for={cellId}>
                            {t('group.cellLabel', { row: i + 1, column: localized(column.label) })}
                          </label>
                          <Show when={renderer} fallback={<span class="field-error">{column.type}</span>}>
                            {(r) => (
                              <Dynamic
                                component={r().component}
                                field={column}
                                state={{ visible: true, required: column.required === true, label: { zh: t('group.cellLabel', { row: i + 1, column: column.label.zh }), en: t('group.cellLabel', { row: i + 1, column: column.label.en || column.label.zh }) } }}
                                id={cellId}
                                value={row()[column.key]}
                                setValue={(v: unknown) => setCell(i, column.key, v)}
                                invalid={props.invalid}
                                errorId={props.errorId}
                                form={props.form}
                              />
                            )}
                          </Show>
                        </td>
                      );
                    }}
                  </For>
                  <td class="group-actions">
                    <button type="button" class="button button-small" data-testid="group-remove-row" aria-label={t('group.removeRow', { n: i + 1 })} onClick={() => removeRow(i)}>
                      {t('group.remove')}
                    </button>
                  </td>
                </tr>
              )}
            </Index>
          </tbody>
        </table>
      </Show>
      <button type="button" class="button button-small" data-testid="group-add-row" disabled={rows().length >= max()} onClick={addRow}>
        {t('group.addRow')}
      </button>
      <Show when={props.field.rules?.min !== undefined || props.field.rules?.max !== undefined}>
        <span class="muted small group-limits">{t('group.limits', { min: props.field.rules?.min ?? 0, max: max() })}</span>
      </Show>
    </div>
  );
}
