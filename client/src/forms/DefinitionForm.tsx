/**
 * Renders every visible field of a form definition, in the definition's order. Hidden
 * fields keep their values (switching 公开属性 back and forth loses nothing); the schema
 * drops them from what is sent.
 */
import { For, Show } from 'solid-js';
import { FormField } from './FormField';
import type { FormController } from './form-controller';

export function DefinitionForm(props: { form: FormController; idPrefix?: string }) {
  return (
    <div class="form-grid">
      <For each={props.form.definition.fields}>
        {(field) => (
          <Show when={props.form.state().fields[field.key]?.visible}>
            <FormField
              field={field}
              state={props.form.state().fields[field.key]!}
              form={props.form}
              idPrefix={props.idPrefix ?? props.form.definition.key}
            />
          </Show>
        )}
      </For>
    </div>
  );
}
