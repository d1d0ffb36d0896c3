import { For } from 'solid-js';
import { localized } from '../../i18n/i18n';
import { optionsOf, type FieldProps } from '../field-props';

/** `multiselect`: a checkbox per option; the value keeps the options' order. */
export function CheckboxGroup(props: FieldProps) {
  const selected = () => (Array.isArray(props.value) ? (props.value as string[]) : []);
  const toggle = (value: string, on: boolean) => {
    const next = new Set(selected());
    if (on) next.add(value);
    else next.delete(value);
    props.setValue(optionsOf(props).map((o) => o.value).filter((v) => next.has(v)));
  };
  return (
    <div class="choices" id={props.id} role="group" aria-describedby={props.errorId} aria-invalid={props.invalid}>
      <For each={optionsOf(props)}>
        {(option) => (
          <label class="choice">
            <input
              type="checkbox"
              name={props.field.key}
              value={option.value}
              checked={selected().includes(option.value)}
              onChange={(e) => toggle(option.value, e.currentTarget.checked)}
            />
            <span>{localized(option.label)}</span>
          </label>
        )}
      </For>
    </div>
  );
}
