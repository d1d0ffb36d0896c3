import { localized } from '../../i18n/i18n';
import type { FieldProps } from '../field-props';

/**
 * `number`: typed as text with a numeric keyboard, so what the user typed (e.g. "35.") is
 * never rewritten under their cursor; the schema turns it into a number, empty is null.
 */
export function NumberInput(props: FieldProps) {
  return (
    <input
      id={props.id}
      name={props.field.key}
      type="text"
      inputmode="decimal"
      value={props.value === null || props.value === undefined ? '' : String(props.value)}
      placeholder={localized(props.field.placeholder)}
      aria-invalid={props.invalid}
      aria-describedby={props.errorId}
      aria-required={props.state.required}
      onInput={(e) => props.setValue(e.currentTarget.value === '' ? null : e.currentTarget.value)}
    />
  );
}
