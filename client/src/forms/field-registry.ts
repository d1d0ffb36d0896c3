/**
 * Field type → Solid renderer, the client half of the forms core's type registry (the
 * core registers the validator under the same key). A plugin adds a renderer with
 * `registerFieldRenderer` after registering its type in the core.
 */
import type { Component } from 'solid-js';
import type { FieldDefinition } from '../../../forms/index';
import type { FieldProps } from './field-props';
import { TextInput } from './fields/TextInput';
import { TextArea } from './fields/TextArea';
import { DateInput } from './fields/DateInput';
import { SelectInput } from './fields/SelectInput';
import { RadioGroup } from './fields/RadioGroup';
import { CheckboxGroup } from './fields/CheckboxGroup';
import { BooleanCheckbox } from './fields/BooleanCheckbox';
import { RedactionsEditor } from './fields/RedactionsEditor';
import { NumberInput } from './fields/NumberInput';
import { RichTextEditor } from './fields/RichTextEditor';
import { FileInput } from './fields/FileInput';
import { RepeatingGroup } from './fields/RepeatingGroup';
import './form-fields.css';

export interface FieldRenderer {
  component: Component<FieldProps>;
  /**
   * How the label is attached: a <label for> for one control, a <fieldset><legend> for a
   * group of inputs, or none when the control carries its own label (a single checkbox).
   */
  labelling: 'label' | 'fieldset' | 'self';
  /** Whether the field takes the whole row of the form grid. */
  wide(field: FieldDefinition): boolean;
}

const always = () => true;
const never = () => false;

const renderers = new Map<string, FieldRenderer>([
  // A long single line (a title) reads better across the row; short codes and dates pair up.
  ['text', { component: TextInput, labelling: 'label', wide: (f) => (f.rules?.maxLength ?? 0) > 100 }],
  ['textarea', { component: TextArea, labelling: 'label', wide: always }],
  ['date', { component: DateInput, labelling: 'label', wide: never }],
  ['number', { component: NumberInput, labelling: 'label', wide: never }],
  // Pickers choose from the server's lists (the type's default option source).
  ['department', { component: SelectInput, labelling: 'label', wide: never }],
  ['person', { component: SelectInput, labelling: 'label', wide: never }],
  ['select', { component: SelectInput, labelling: 'label', wide: (f) => f.optionsSource === undefined && (f.options?.length ?? 0) > 6 }],
  ['radio', { component: RadioGroup, labelling: 'fieldset', wide: always }],
  ['multiselect', { component: CheckboxGroup, labelling: 'fieldset', wide: always }],
  ['boolean', { component: BooleanCheckbox, labelling: 'self', wide: never }],
  ['redactions', { component: RedactionsEditor, labelling: 'fieldset', wide: always }],
  ['richtext', { component: RichTextEditor, labelling: 'fieldset', wide: always }],
  ['file', { component: FileInput, labelling: 'label', wide: always }],
  ['group', { component: RepeatingGroup, labelling: 'fieldset', wide: always }],
]);

export function registerFieldRenderer(type: string, renderer: FieldRenderer): void {
  if (renderers.has(type)) throw new Error(`a renderer for field type "${type}" is already registered`);
  renderers.set(type, renderer);
}

export function fieldRenderer(type: string): FieldRenderer | undefined {
  return renderers.get(type);
}
