/**
 * One change to the working-day calendar at a time. Every change makes the server recompute
 * all open deadlines; the message says what was saved and how many deadlines were recomputed.
 */
import { createSignal } from 'solid-js';
import { t } from '../i18n/i18n';
import { errorMessage, isUnauthorized } from '../errors';
import { useSession } from '../session/SessionProvider';

export interface Recomputed {
  tasks: number;
  documents: number;
}

export interface CalendarActions {
  busy(): boolean;
  error(): string;
  done(): string;
  refuse(message: string): void;
  /** Resolves true when the change went through. */
  run(saved: string, call: () => Promise<Recomputed>): Promise<boolean>;
}

export function createCalendarActions(reload: () => unknown): CalendarActions {
  const session = useSession();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal('');
  const [done, setDone] = createSignal('');
  return {
    busy,
    error,
    done,
    refuse(message) {
      setDone('');
      setError(message);
    },
    async run(saved, call) {
      if (busy()) return false;
      setBusy(true);
      setError('');
      setDone('');
      try {
        const counts = await call();
        setDone(`${saved}${t('calendar.recomputed', { n: counts.tasks + counts.documents, tasks: counts.tasks, documents: counts.documents })}`);
        // Due dates in the inbox may have moved.
        session.inboxChanged();
        await reload();
        return true;
      } catch (e) {
        if (isUnauthorized(e)) session.expired();
        setError(errorMessage(e));
        return false;
      } finally {
        setBusy(false);
      }
    },
  };
}
