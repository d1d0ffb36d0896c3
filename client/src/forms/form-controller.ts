/**
 * The state of one rendered form: values by field key, which fields show (from the
 * definition's conditions, via the core's resolveFormState, the same rule the server
 * applies), validation messages, and the DOM elements fields need from each other
 * (the redactions editor reads the body textarea's selection).
 */
import { createMemo, createSignal, type Accessor } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { z } from 'zod';
import {
  resolveFormState,
  type FieldOption,
  type FormDefinition,
  type FormState,
  type Redaction,
} from '../../../forms/index';
import { shiftRedactions } from './shift-redactions';

export type FieldErrors = Record<string, string>;

export interface FormController {
  definition: FormDefinition;
  value(key: string): unknown;
  setValue(key: string, value: unknown): void;
  /** All values as a plain object, for validation and sending. */
  snapshot(): Record<string, unknown>;
  state: Accessor<FormState>;
  /** Client validation messages (after the first save attempt) merged with the server's. */
  errors: Accessor<FieldErrors>;
  setServerErrors(errors: FieldErrors): void;
  /** Runs the schema, shows its messages from now on, returns the parsed output or null. */
  validate(): unknown;
  optionsFor(source: string | undefined): FieldOption[];
  registerElement(key: string, element: HTMLElement): void;
  element(key: string): HTMLElement | undefined;
  /** A one-off notice for the user, e.g. redactions dropped by an edit. */
  notice: Accessor<string>;
  setNotice(text: string): void;
}

/** First message per field: `issue.path[0]` is the field key in the forms core's schemas. */
export function fieldErrorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path[0];
    if (typeof key === 'string' && !(key in errors)) errors[key] = issue.message;
  }
  return errors;
}

export function createFormController(options: {
  definition: FormDefinition;
  /** A schema compiled from `definition` (any input; its issues' path[0] is a field key). */
  schema: z.ZodType;
  initial: Record<string, unknown>;
  optionSources: Accessor<Record<string, FieldOption[]>>;
  droppedMessage: (count: number) => string;
}): FormController {
  const { definition, schema } = options;
  const [values, setValues] = createStore<Record<string, unknown>>({ ...options.initial });
  const [attempted, setAttempted] = createSignal(false);
  const [serverErrors, setServerErrors] = createSignal<FieldErrors>({});
  const [notice, setNotice] = createSignal('');
  const elements = new Map<string, HTMLElement>();

  // Reading each key explicitly subscribes to every field (stores track per property).
  const snapshot = () => Object.fromEntries(definition.fields.map((f) => [f.key, values[f.key]]));
  const state = createMemo(() => resolveFormState(definition, snapshot()));
  const clientErrors = createMemo<FieldErrors>(() => {
    if (!attempted()) return {};
    const result = schema.safeParse(snapshot());
    return result.success ? {} : fieldErrorsOf(result.error.issues);
  });

  const setValue = (key: string, value: unknown) => {
    const before = values[key];
    setValues(key, value);
    if (Object.keys(serverErrors()).length) setServerErrors({});
    if (typeof before !== 'string' || typeof value !== 'string') return;
    for (const f of definition.fields) {
      if (f.type !== 'redactions' || f.targetField !== key) continue;
      const current = (values[f.key] as Redaction[] | undefined) ?? [];
      const { kept, dropped } = shiftRedactions(before, value, current);
      setValues(f.key, kept);
      if (dropped > 0) setNotice(options.droppedMessage(dropped));
    }
  };

  return {
    definition,
    value: (key) => values[key],
    setValue,
    snapshot,
    state,
    errors: () => ({ ...serverErrors(), ...clientErrors() }),
    setServerErrors,
    validate() {
      setAttempted(true);
      const result = schema.safeParse(snapshot());
      return result.success ? result.data : null;
    },
    optionsFor: (source) => (source ? (options.optionSources()[source] ?? []) : []),
    registerElement: (key, element) => elements.set(key, element),
    element: (key) => elements.get(key),
    notice,
    setNotice,
  };
}
