/**
 * Edits one condition of a field as "when FIELD is VALUE": the source is another field with
 * a fixed set of values (a checkbox, or a choice field's options), so the admin picks the
 * value instead of typing it. Compound conditions (all/any/not) are shown read-only.
 */
import { For, Show } from 'solid-js';
import type { Condition, ConditionValue, FieldDefinition, FormDefinition } from '../../../forms/index';
import { localized, t } from '../i18n/i18n';
import { conditionOf, simpleCondition } from './builder-ops';

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
  const simple = () => simpleCondition(props.value);
  const source = () => props.form.fields.find((f) => f.key === simple()?.field);
  const encode = (v: ConditionValue) => JSON.stringify(v);
  return (
    <fieldset class="fb-condition" data-testid={props.id}>
      <legend>{props.label}</legend>
      <Show when={props.value === undefined || simple()} fallback={<p class="muted mono">{JSON.stringify(props.value)}</p>}>
        <div class="fb-condition-row">
          <select
            aria-label={t('fb.conditionField')}
            data-testid={`${props.id}-field`}
            value={simple()?.field ?? ''}
            onChange={(e) => {
              const key = e.currentTarget.value;
              const first = valuesOf(props.form.fields.find((f) => f.key === key))[0];
              props.onChange(key && first ? conditionOf({ field: key, values: [first.value] }) : undefined);
            }}
          >
            <option value="">{t('fb.always')}</option>
            <For each={sources()}>{(f) => <option value={f.key}>{localized(f.label)}</option>}</For>
          </select>
          <Show when={simple()}>
            {(s) => (
              <>
                <span>{t('fb.equals')}</span>
                <select
                  aria-label={t('fb.conditionValue')}
                  data-testid={`${props.id}-value`}
                  value={s().values.length === 1 ? encode(s().values[0]!) : ''}
                  onChange={(e) => props.onChange(conditionOf({ field: s().field, values: [JSON.parse(e.currentTarget.value) as ConditionValue] }))}
                >
                  <For each={valuesOf(source())}>{(v) => <option value={encode(v.value)}>{v.label}</option>}</For>
                </select>
              </>
            )}
          </Show>
        </div>
      </Show>
    </fieldset>
  );
}
