import { localized } from '../../i18n/i18n';
import type { FieldProps } from '../field-props';

/** Long texts (a document body) get a tall box; short explanations a small one. */
const LONG_TEXT = 10_000;

/** `textarea`: multi-line text, registered so a redactions field can read its selection. */
export function TextArea(props: FieldProps) {
  const long = () => (props.field.rules?.maxLength ?? 0) >= LONG_TEXT;
  return (
    <textarea
      id={props.id}
      name={props.field.key}
      ref={(el) => props.form.registerElement(props.field.key, el)}
      rows={long() ? 16 : 4}
      classList={{ 'textarea-long': long() }}
      value={(props.value as string | undefined) ?? ''}
      placeholder={localized(props.field.placeholder)}
      aria-invalid={props.invalid}
      aria-describedby={props.errorId}
      aria-required={props.state.required}
      onInput={(e) => props.setValue(e.currentTarget.value)}
    />
  );
}
