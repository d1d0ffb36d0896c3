import { For } from 'solid-js';
import { localized, t } from '../../i18n/i18n';
import { optionsOf, type FieldProps } from '../field-props';

/**
 * `select`: a drop-down; the empty first entry means "not chosen" (null). It asks 请选择
 * where a choice is required and reads （无） where none is a valid answer (e.g. the policy
 * an interpretation explains, which an ordinary document leaves empty).
 */
export function SelectInput(props: FieldProps) {
  return (
    <select
      id={props.id}
      name={props.field.key}
      value={(props.value as string | null | undefined) ?? ''}
      aria-invalid={props.invalid}
      aria-describedby={props.errorId}
      aria-required={props.state.required}
      onChange={(e) => props.setValue(e.currentTarget.value || null)}
    >
      <option value="">{props.state.required ? t('form.select') : t('form.none')}</option>
      <For each={optionsOf(props)}>
        {(option) => (
          <option value={option.value} selected={option.value === props.value}>
            {localized(option.label)}
          </option>
        )}
      </For>
    </select>
  );
}
