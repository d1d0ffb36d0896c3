import { getFieldType, type FieldDefinition, type FieldOption, type FieldState } from '../../../forms/index';
import type { FormController } from './form-controller';

/** What every field renderer receives; `name` attributes are always the field key. */
export interface FieldProps {
  field: FieldDefinition;
  state: FieldState;
  /** Id of the main control, for its <label for>. */
  id: string;
  value: unknown;
  setValue(value: unknown): void;
  invalid: boolean;
  /** Id of the error message, for aria-describedby. */
  errorId: string;
  form: FormController;
}

/** Static options from the definition, or the runtime list it (or its type, for pickers) names. */
export function optionsOf(props: FieldProps): FieldOption[] {
  return props.field.options ?? props.form.optionsFor(props.field.optionsSource ?? getFieldType(props.field.type)?.defaultOptionsSource);
}
