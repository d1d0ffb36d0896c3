/**
 * An example workflow plugin: the guard 'noSensitiveWords', which a step lists in its
 * `requires` to block approval (or publication) while the document's title or body contains
 * a word from the bureau's list. See docs/plugins.md.
 *
 * Guards are pure functions of the workflow context and the event; the server puts the
 * document's current text on every approval and publication (`event.document`) under a
 * definition that names a plugin guard such as this one (`namesPluginGuards`).
 */
import { defaultRegistry, registerGuard, type WorkflowRegistry } from '../registry';
import type { ReviewEvent } from '../review-types';

export const NO_SENSITIVE_WORDS = 'noSensitiveWords';

// The list is configuration, not code: installing again replaces it, per registry.
const lists = new WeakMap<WorkflowRegistry, readonly string[]>();

/**
 * The listed words that occur in a text, each once, in list order. Matching ignores case
 * and full-width/half-width differences (NFKC), so 'ＡＢＣ' matches 'abc'.
 * @example findSensitiveWords('本文件为内部资料', ['内部资料', '绝密']) // ['内部资料']
 */
export function findSensitiveWords(text: string, words: readonly string[]): string[] {
  const haystack = text.normalize('NFKC').toLowerCase();
  return words.filter((w) => w.trim() !== '' && haystack.includes(w.trim().normalize('NFKC').toLowerCase()));
}

function documentOf(event: ReviewEvent | undefined) {
  return event && (event.type === 'APPROVE' || event.type === 'PUBLISH') ? event.document : undefined;
}

/**
 * Registers 'noSensitiveWords' (once) and sets the word list it checks.
 * Without the document's text (when the UI asks which buttons to show) the guard holds, so
 * the button stays and the real approval, which carries the text, is the one refused.
 * @example installSensitiveWords(['内部资料', '征求意见稿']);
 */
export function installSensitiveWords(words: readonly string[], registry: WorkflowRegistry = defaultRegistry): void {
  lists.set(registry, [...words]);
  if (registry.guards.has(NO_SENSITIVE_WORDS)) return;
  registerGuard(
    NO_SENSITIVE_WORDS,
    (_context, event) => {
      const doc = documentOf(event);
      return !doc || findSensitiveWords(`${doc.title}\n${doc.body}`, lists.get(registry) ?? []).length === 0;
    },
    registry,
    { label: { zh: '不含敏感词', en: 'No sensitive words' }, use: 'requirement' },
  );
}
