/**
 * `richtext`: a small editor (contenteditable with bold, italic, lists and links). The value
 * is the editor's HTML; the server sanitises it before storing and before it is ever shown to
 * anyone else, so the markup typed or pasted here is only ever rendered back to its author.
 */
import { For, onMount } from 'solid-js';
import { localized, t } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh';
import type { FieldProps } from '../field-props';

interface Tool {
  command: string;
  label: MessageKey;
  text: string;
  style?: string;
}

const TOOLS: Tool[] = [
  { command: 'bold', label: 'rte.bold', text: 'B', style: 'font-weight:700' },
  { command: 'italic', label: 'rte.italic', text: 'I', style: 'font-style:italic' },
  { command: 'insertUnorderedList', label: 'rte.bullets', text: '•' },
  { command: 'insertOrderedList', label: 'rte.numbers', text: '1.' },
  { command: 'createLink', label: 'rte.link', text: '' },
  { command: 'unlink', label: 'rte.unlink', text: '' },
];

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

export function RichTextEditor(props: FieldProps) {
  let editor!: HTMLDivElement;
  onMount(() => {
    // Set once: re-rendering the markup on every keystroke would move the caret.
    editor.innerHTML = typeof props.value === 'string' ? props.value : '';
  });
  const changed = () => props.setValue(editor.innerHTML);
  const run = (tool: Tool) => {
    editor.focus();
    if (tool.command === 'createLink') {
      const url = window.prompt(t('rte.linkPrompt'), 'https://')?.trim();
      if (!url || !SAFE_LINK.test(url)) return;
      document.execCommand('createLink', false, url);
    } else {
      document.execCommand(tool.command);
    }
    changed();
  };
  return (
    <div class="rte" classList={{ 'rte-invalid': props.invalid }}>
      <div class="rte-toolbar" role="toolbar" aria-label={t('rte.toolbar')}>
        <For each={TOOLS}>
          {(tool) => (
            <button
              type="button"
              class="rte-button"
              title={t(tool.label)}
              aria-label={t(tool.label)}
              style={tool.style}
              // Keep the selection in the editor: a click would otherwise move focus to the button first.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => run(tool)}
            >
              {tool.text || t(tool.label)}
            </button>
          )}
        </For>
      </div>
      <div
        ref={editor}
        id={props.id}
        class="rte-area"
        contentEditable
        role="textbox"
        aria-multiline="true"
        aria-label={localized(props.state.label)}
        aria-invalid={props.invalid}
        aria-describedby={props.errorId}
        aria-required={props.state.required}
        data-placeholder={localized(props.field.placeholder)}
        data-testid={`rte-${props.field.key}`}
        onInput={changed}
        onBlur={changed}
      />
    </div>
  );
}
