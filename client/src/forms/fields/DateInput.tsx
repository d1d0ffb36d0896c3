import type { FieldProps } from '../field-props';

/** `date`: the browser's date picker; its value is already YYYY-MM-DD, empty is null. */
export function DateInput(props: FieldProps) {
  return (
    <input
      id={props.id}
      name={props.field.key}
      type="date"
      value={(props.value as string | null | undefined) ?? ''}
      aria-invalid={props.invalid}
      aria-describedby={props.errorId}
      aria-required={props.state.required}
      onInput={(e) => props.setValue(e.currentTarget.value || null)}
      onChange={(e) => props.setValue(e.currentTarget.value || null)}
    />
  );
}
