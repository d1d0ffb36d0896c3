import { localized } from '../../i18n/i18n';
import type { FieldProps } from '../field-props';

/** `text`: one line. */
export function TextInput(props: FieldProps) {
  return (
    <input
      id={props.id}
      name={props.field.key}
      type="text"
      value={(props.value as string | undefined) ?? ''}
      placeholder={localized(props.field.placeholder)}
      aria-invalid={props.invalid}
      aria-describedby={props.errorId}
      aria-required={props.state.required}
      onInput={(e) => props.setValue(e.currentTarget.value)}
    />
  );
}
