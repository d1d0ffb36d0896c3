import { localized } from '../../i18n/i18n';
import type { FieldProps } from '../field-props';

/** `boolean`: one checkbox, its label beside it. */
export function BooleanCheckbox(props: FieldProps) {
  return (
    <label class="choice">
      <input
        id={props.id}
        type="checkbox"
        name={props.field.key}
        checked={props.value === true}
        aria-describedby={props.errorId}
        aria-invalid={props.invalid}
        onChange={(e) => props.setValue(e.currentTarget.checked)}
      />
      <span>{localized(props.state.label)}</span>
    </label>
  );
}
