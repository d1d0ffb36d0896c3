/**
 * Uploads go outside tRPC (multipart POST to server/http/file-routes.ts); when one is refused
 * the server answers JSON `{ error: { message } }` in Chinese, shown to the user as worded.
 */
import { t } from './i18n/i18n';

/** The server's message for a failed upload response, or a generic one when it sent none. */
export async function uploadRefusal(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? t('error.unknown');
}
