import { For } from 'solid-js';
import { localized } from '../i18n/i18n';
import { FieldValue, type FieldValueView } from './FieldValue';

/** A filled opinion form as a list of label and value, one per line (history and review records). */
export function FilledFormFields(props: { fields: readonly FieldValueView[]; class?: string; testId?: string }) {
  return (
    <dl class={`timeline-form-fields ${props.class ?? ''}`} data-testid={props.testId}>
      <For each={props.fields}>
        {(field) => (
          <div>
            <dt>{localized(field.label)}</dt>
            <dd>
              <FieldValue field={field} />
            </dd>
          </div>
        )}
      </For>
    </dl>
  );
}
