/**
 * The side panel of the form builder: everything about the selected field. Fields the rest
 * of Shenfa reads (core fields) can only be reworded; new fields can be edited freely until
 * published, after which their key stays (documents store their values under it).
 */
import { For, Show } from 'solid-js';
import { fieldTypeKeys, type FieldDefinition, type FieldRules, type FormDefinition, type FormDefinitionIssue } from '../../../forms/index';
import { t } from '../i18n/i18n';
import type { MessageKey } from '../i18n/zh';
import { ConditionEditor } from './ConditionEditor';
import { ColumnsEditor } from './ColumnsEditor';
import { formatOptions, isCoreField, parseOptions } from './builder-ops';

/** Types an admin can add; redaction ranges belong to the body field alone. */
const ADDABLE_TYPES = () => fieldTypeKeys().filter((k) => k !== 'redactions');
const CHOICE_TYPES = new Set(['select', 'radio', 'multiselect']);
const TEXT_TYPES = new Set(['text', 'textarea']);
const LENGTH_TYPES = new Set(['text', 'textarea', 'richtext']);
const NUMERIC_RULE_TYPES = new Set(['number', 'multiselect', 'file', 'group']);
/** What min/max count for each type with numeric rules. */
const MIN_MAX_LABELS: Record<string, [MessageKey, MessageKey]> = {
  number: ['fb.min', 'fb.max'],
  multiselect: ['fb.minItems', 'fb.maxItems'],
  file: ['fb.minFiles', 'fb.maxFiles'],
  group: ['fb.minRows', 'fb.maxRows'],
};

const TYPE_LABELS: Record<string, MessageKey> = {
  text: 'fb.type.text',
  textarea: 'fb.type.textarea',
  date: 'fb.type.date',
  number: 'fb.type.number',
  select: 'fb.type.select',
  radio: 'fb.type.radio',
  multiselect: 'fb.type.multiselect',
  boolean: 'fb.type.boolean',
  department: 'fb.type.department',
  person: 'fb.type.person',
  redactions: 'fb.type.redactions',
  social_credit_code: 'fb.type.social_credit_code',
  richtext: 'fb.type.richtext',
  file: 'fb.type.file',
  group: 'fb.type.group',
};

/** Changing a field's type: a table gets a first column, any other type none. */
function retyped(f: FieldDefinition, type: string): FieldDefinition {
  if (type === 'group') return { ...f, type, fields: f.fields ?? [{ key: 'col1', type: 'text', label: { zh: t('fb.newColumnZh', { n: 1 }), en: t('fb.newColumnEn', { n: 1 }) } }] };
  const { fields: _dropped, ...rest } = f;
  return { ...rest, type };
}

/** A type's name for people; a plugin's type without one shows its key. */
export function typeLabel(type: string): string {
  const key = TYPE_LABELS[type];
  return key ? t(key) : type;
}

export function FieldPanel(props: {
  form: FormDefinition;
  field: FieldDefinition;
  /** The key may change until the field is published. */
  keyEditable: boolean;
  issues: readonly FormDefinitionIssue[];
  onChange: (patch: (f: FieldDefinition) => FieldDefinition) => void;
  onRename: (to: string) => void;
  onRemove: () => void;
}) {
  const core = () => isCoreField(props.field.key, props.form);
  const id = (name: string) => `fb-${name}`;
  const text = (value: string) => value.trim();
  const setRule = (name: keyof FieldRules, raw: string) =>
    props.onChange((f) => {
      const rules: FieldRules = { ...f.rules };
      if (raw.trim() === '') delete rules[name];
      else if (name === 'pattern') rules.pattern = raw;
      else rules[name] = Number(raw);
      return { ...f, rules: Object.keys(rules).length ? rules : undefined };
    });
  const rule = (name: keyof FieldRules) => String(props.field.rules?.[name] ?? '');

  return (
    <aside class="card fb-panel" data-testid="field-panel" aria-label={t('fb.panelTitle')}>
      <h2>{t('fb.panelTitle')}</h2>
      <Show when={core()}>
        <p class="notice notice-warning">{t('fb.coreField')}</p>
      </Show>
      <Show when={props.issues.length}>
        <ul class="field-error fb-field-issues" role="alert">
          <For each={props.issues}>{(i) => <li>{i.message}</li>}</For>
        </ul>
      </Show>
      <div class="fb-grid">
        <label for={id('key')}>{t('fb.key')}</label>
        <input id={id('key')} data-testid="fb-key" class="mono" value={props.field.key} disabled={!props.keyEditable} onChange={(e) => props.onRename(text(e.currentTarget.value))} />
        <p class="help">{props.keyEditable ? t('fb.keyHelpNew') : t('fb.keyHelpFixed')}</p>

        <label for={id('type')}>{t('fb.type')}</label>
        <select id={id('type')} data-testid="fb-type" value={props.field.type} disabled={core()} onChange={(e) => props.onChange((f) => retyped(f, e.currentTarget.value))}>
          <For each={core() ? [props.field.type] : ADDABLE_TYPES()}>{(type) => <option value={type}>{typeLabel(type)}</option>}</For>
        </select>

        <label for={id('label-zh')}>{t('fb.labelZh')}</label>
        <input id={id('label-zh')} data-testid="fb-label-zh" value={props.field.label.zh} onInput={(e) => props.onChange((f) => ({ ...f, label: { ...f.label, zh: e.currentTarget.value } }))} />
        <label for={id('label-en')}>{t('fb.labelEn')}</label>
        <input id={id('label-en')} data-testid="fb-label-en" value={props.field.label.en} onInput={(e) => props.onChange((f) => ({ ...f, label: { ...f.label, en: e.currentTarget.value } }))} />

        <label for={id('help-zh')}>{t('fb.helpZh')}</label>
        <input
          id={id('help-zh')}
          data-testid="fb-help-zh"
          value={props.field.help?.zh ?? ''}
          onInput={(e) => {
            const zh = e.currentTarget.value;
            props.onChange((f) => ({ ...f, help: zh.trim() ? { zh, en: f.help?.en ?? '' } : undefined }));
          }}
        />
        <label for={id('help-en')}>{t('fb.helpEn')}</label>
        <input
          id={id('help-en')}
          value={props.field.help?.en ?? ''}
          disabled={!props.field.help}
          onInput={(e) => props.onChange((f) => ({ ...f, help: f.help ? { ...f.help, en: e.currentTarget.value } : undefined }))}
        />
      </div>

      <label class="choice">
        <input type="checkbox" data-testid="fb-required" checked={props.field.required === true} disabled={core()} onChange={(e) => props.onChange((f) => ({ ...f, required: e.currentTarget.checked || undefined }))} />
        {t('fb.required')}
      </label>

      <Show when={!core()}>
        <ConditionEditor id="fb-visible-when" label={t('fb.visibleWhen')} form={props.form} field={props.field} value={props.field.visibleWhen} onChange={(c) => props.onChange((f) => ({ ...f, visibleWhen: c }))} />
        <Show when={props.field.required !== true}>
          <ConditionEditor id="fb-required-when" label={t('fb.requiredWhen')} form={props.form} field={props.field} value={props.field.requiredWhen} onChange={(c) => props.onChange((f) => ({ ...f, requiredWhen: c }))} />
        </Show>

        <Show when={CHOICE_TYPES.has(props.field.type)}>
          <label for={id('options')}>{t('fb.options')}</label>
          <textarea id={id('options')} data-testid="fb-options" rows={4} class="mono" value={formatOptions(props.field.options)} onChange={(e) => props.onChange((f) => ({ ...f, options: parseOptions(e.currentTarget.value) }))} />
          <p class="help">{t('fb.optionsHelp')}</p>
        </Show>

        <div class="fb-grid">
          <Show when={NUMERIC_RULE_TYPES.has(props.field.type)}>
            <label for={id('min')}>{t(MIN_MAX_LABELS[props.field.type]![0])}</label>
            <input id={id('min')} data-testid="fb-min" type="number" value={rule('min')} onChange={(e) => setRule('min', e.currentTarget.value)} />
            <label for={id('max')}>{t(MIN_MAX_LABELS[props.field.type]![1])}</label>
            <input id={id('max')} data-testid="fb-max" type="number" value={rule('max')} onChange={(e) => setRule('max', e.currentTarget.value)} />
          </Show>
          <Show when={LENGTH_TYPES.has(props.field.type)}>
            <label for={id('min-length')}>{t('fb.minLength')}</label>
            <input id={id('min-length')} type="number" min="0" value={rule('minLength')} onChange={(e) => setRule('minLength', e.currentTarget.value)} />
            <label for={id('max-length')}>{t('fb.maxLength')}</label>
            <input id={id('max-length')} data-testid="fb-max-length" type="number" min="1" value={rule('maxLength')} onChange={(e) => setRule('maxLength', e.currentTarget.value)} />
          </Show>
          <Show when={TEXT_TYPES.has(props.field.type)}>
            <label for={id('pattern')}>{t('fb.pattern')}</label>
            <input id={id('pattern')} class="mono" value={rule('pattern')} onChange={(e) => setRule('pattern', e.currentTarget.value)} />
          </Show>
        </div>

        <Show when={props.field.type === 'group'}>
          <ColumnsEditor columns={props.field.fields ?? []} onChange={(fields) => props.onChange((f) => ({ ...f, fields }))} />
        </Show>

        <button type="button" class="button button-danger" data-testid="fb-remove" onClick={() => props.onRemove()}>
          {t('fb.remove')}
        </button>
      </Show>
    </aside>
  );
}
