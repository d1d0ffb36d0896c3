import { createSignal } from 'solid-js';
import { errorMessage } from '../errors';

/**
 * The changes an admin list page makes: one at a time (`busy` disables the buttons), the
 * server's refusal shown as it was worded (`error`), and the page's data read again after each
 * change so the list shows what the server now holds.
 */
export function createAdminAction(refetch: () => unknown) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const act = async (call: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await call();
      await refetch();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, act };
}
