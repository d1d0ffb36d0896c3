/**
 * Runs one review action against the document as the user saw it: every call carries
 * `expectedVersion`, so if someone else acted first the server answers CONFLICT, and
 * the page shows that message and reloads what is now true. A refusal belongs to the
 * version it was given for: once the document changes (say the secrecy reviewer masks
 * the personal data that blocked 同意), the old message goes away.
 */
import { createSignal } from 'solid-js';
import { t } from '../i18n/i18n';
import { errorMessage, isConflict, isUnauthorized } from '../errors';
import { useSession } from '../session/SessionProvider';
import type { DocumentView } from '../trpc';

export interface ActionTarget {
  documentId: string;
  expectedVersion: number;
}

export interface DocumentActions {
  /** The label of the action in flight, or ''. */
  busy(): string;
  error(): string;
  done(): string;
  /** Shows a message without calling the server (e.g. a missing opinion). */
  refuse(message: string): void;
  /** Calls the server; resolves true when the action went through. */
  run(label: string, call: (target: ActionTarget) => Promise<unknown>): Promise<boolean>;
}

export function createDocumentActions(doc: () => DocumentView, reload: () => unknown): DocumentActions {
  const session = useSession();
  const [busy, setBusy] = createSignal('');
  const [failure, setFailure] = createSignal<{ message: string; version: number } | null>(null);
  const [done, setDone] = createSignal('');
  const setError = (message: string) => setFailure(message ? { message, version: doc().version } : null);
  const error = () => {
    const f = failure();
    return f && f.version === doc().version ? f.message : '';
  };

  return {
    busy,
    error,
    done,
    refuse(message) {
      setDone('');
      setError(message);
    },
    async run(label, call) {
      if (busy()) return false;
      setError('');
      setDone('');
      setBusy(label);
      try {
        await call({ documentId: doc().id, expectedVersion: doc().version });
        session.inboxChanged();
        await reload();
        // Only once the page shows the new state: "已转办" beside a 同意 button that is about to go would mislead.
        setDone(t('action.done', { n: label }));
        return true;
      } catch (e) {
        if (isUnauthorized(e)) session.expired();
        // After a conflict the message explains the reload, so it is kept for the reloaded version.
        if (isConflict(e)) await reload();
        setError(errorMessage(e));
        return false;
      } finally {
        setBusy('');
      }
    },
  };
}
