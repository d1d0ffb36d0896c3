import { For } from 'solid-js';
import { localized } from '../../i18n/i18n';
import { optionsOf, type FieldProps } from '../field-props';

/** `radio`: one choice among a few, all visible. */
export function RadioGroup(props: FieldProps) {
  return (
    <div class="choices" id={props.id} role="radiogroup" aria-describedby={props.errorId} aria-invalid={props.invalid}>
      <For each={optionsOf(props)}>
        {(option) => (
          <label class="choice">
            <input
              type="radio"
              name={props.field.key}
              value={option.value}
              checked={props.value === option.value}
              onChange={() => props.setValue(option.value)}
            />
            <span>{localized(option.label)}</span>
          </label>
        )}
      </For>
    </div>
  );
}
