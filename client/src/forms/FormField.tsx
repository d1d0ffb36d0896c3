/**
 * One field of a definition-driven form: label (per the field's current `labelWhen`),
 * required mark, help text, the registered control, and its error message.
 */
import { Match, Show, Switch } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import type { FieldDefinition, FieldState } from '../../../forms/index';
import { localized, t } from '../i18n/i18n';
import { fieldRenderer } from './field-registry';
import type { FormController } from './form-controller';

export function FormField(props: { field: FieldDefinition; state: FieldState; form: FormController; idPrefix: string }) {
  const renderer = () => fieldRenderer(props.field.type);
  const id = () => `${props.idPrefix}-${props.field.key}`;
  const errorId = () => `${id()}-error`;
  const error = () => props.form.errors()[props.field.key];

  const label = () => (
    <>
      {localized(props.state.label)}
      <Show when={props.state.required}>
        <span class="required" title={t('form.required')}>
          *
        </span>
      </Show>
    </>
  );
  const help = () => (
    <Show when={props.field.help}>
      <p class="help">{localized(props.field.help)}</p>
    </Show>
  );
  const message = () => (
    <p class="field-error" id={errorId()} role={error() ? 'alert' : undefined}>
      {error() ?? ''}
    </p>
  );
  const control = (r: NonNullable<ReturnType<typeof renderer>>) => (
    <Dynamic
      component={r.component}
      field={props.field}
      state={props.state}
      id={id()}
      value={props.form.value(props.field.key)}
      setValue={(v: unknown) => props.form.setValue(props.field.key, v)}
      invalid={Boolean(error())}
      errorId={errorId()}
      form={props.form}
    />
  );

  return (
    <Show
      when={renderer()}
      fallback={<p class="field-error">{t('form.unknownField', { n: props.field.type })}</p>}
    >
      {(r) => (
        <div
          class={`field field-${props.field.type}`}
          classList={{ 'field-wide': r().wide(props.field), 'field-invalid': Boolean(error()) }}
          data-field={props.field.key}
        >
          <Switch>
            <Match when={r().labelling === 'fieldset'}>
              <fieldset>
                <legend>{label()}</legend>
                {help()}
                {control(r())}
              </fieldset>
            </Match>
            <Match when={r().labelling === 'label'}>
              <label for={id()}>{label()}</label>
              {control(r())}
              {help()}
            </Match>
            <Match when={r().labelling === 'self'}>
              {control(r())}
              {help()}
            </Match>
          </Switch>
          {message()}
        </div>
      )}
    </Show>
  );
}
