/**
 * The columns of a repeating group (表格): each a small field of its own (key, label, type,
 * required, options for a choice). Columns take the plain types only (GROUP_EXCLUDED_TYPES
 * says which not); the live validation names any problem.
 */
import { For, Index, Show } from 'solid-js';
import { fieldTypeKeys, GROUP_EXCLUDED_TYPES, type FieldDefinition } from '../../../forms/index';
import { t } from '../i18n/i18n';
import { formatOptions, freshColumnKey, parseOptions } from './builder-ops';
import { typeLabel } from './FieldPanel';

const CHOICE_TYPES = new Set(['select', 'radio', 'multiselect']);
const COLUMN_TYPES = () => fieldTypeKeys().filter((k) => !GROUP_EXCLUDED_TYPES.includes(k));

export function ColumnsEditor(props: { columns: readonly FieldDefinition[]; onChange: (columns: FieldDefinition[]) => void }) {
  const update = (i: number, patch: (c: FieldDefinition) => FieldDefinition) => props.onChange(props.columns.map((c, n) => (n === i ? withoutUndefined(patch(c)) : c)));
  const add = () => {
    const key = freshColumnKey(props.columns);
    const n = props.columns.length + 1;
    props.onChange([...props.columns, { key, type: 'text', label: { zh: t('fb.newColumnZh', { n }), en: t('fb.newColumnEn', { n }) } }]);
  };
  return (
    <fieldset class="fb-columns" data-testid="fb-columns">
      <legend>{t('fb.columns')}</legend>
      <p class="help">{t('fb.columnsHelp')}</p>
      <Index each={props.columns}>
        {(column, i) => (
          <div class="fb-column" data-testid="fb-column">
            <div class="fb-column-row">
              <label>
                <span class="small muted">{t('fb.columnLabel')}</span>
                <input data-testid="fb-column-label" value={column().label.zh} onInput={(e) => update(i, (c) => ({ ...c, label: { ...c.label, zh: e.currentTarget.value } }))} />
              </label>
              <label>
                <span class="small muted">{t('fb.key')}</span>
                <input class="mono" data-testid="fb-column-key" value={column().key} onChange={(e) => update(i, (c) => ({ ...c, key: e.currentTarget.value.trim() }))} />
              </label>
              <label>
                <span class="small muted">{t('fb.type')}</span>
                <select data-testid="fb-column-type" value={column().type} onChange={(e) => update(i, (c) => ({ ...c, type: e.currentTarget.value, options: CHOICE_TYPES.has(e.currentTarget.value) ? c.options : undefined }))}>
                  <For each={COLUMN_TYPES()}>{(type) => <option value={type}>{typeLabel(type)}</option>}</For>
                </select>
              </label>
            </div>
            <div class="fb-column-row">
              <label class="choice">
                <input type="checkbox" data-testid="fb-column-required" checked={column().required === true} onChange={(e) => update(i, (c) => ({ ...c, required: e.currentTarget.checked || undefined }))} />
                {t('fb.columnRequired')}
              </label>
              <button type="button" class="button button-small button-danger" data-testid="fb-column-remove" disabled={props.columns.length === 1} onClick={() => props.onChange(props.columns.filter((_, n) => n !== i))}>
                {t('fb.removeColumn')}
              </button>
            </div>
            <Show when={CHOICE_TYPES.has(column().type)}>
              <label class="fb-column-options">
                <span class="small muted">{t('fb.options')}</span>
                <textarea rows={3} class="mono" value={formatOptions(column().options)} onChange={(e) => update(i, (c) => ({ ...c, options: parseOptions(e.currentTarget.value) }))} />
              </label>
            </Show>
          </div>
        )}
      </Index>
      <button type="button" class="button button-small" data-testid="fb-add-column" onClick={add}>
        {t('fb.addColumn')}
      </button>
    </fieldset>
  );
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
