import type { ColumnMapping } from '../../../forms/catalog-columns';
import { t } from '../i18n/i18n';
import { appUrl } from '../mount';

export interface Uploaded {
  jobId: string;
  fileName: string;
  headers: string[];
  mapping: ColumnMapping;
}

/** The file goes as multipart to the upload route (outside tRPC); the answer is its headers and a suggested mapping. */
export async function uploadCatalogFile(file: File): Promise<Uploaded> {
  const form = new FormData();
  form.set('file', file);
  const response = await fetch(appUrl('/api/catalog-import/upload'), { method: 'POST', body: form, credentials: 'same-origin' });
  const body = (await response.json().catch(() => null)) as (Uploaded & { error?: { message?: string } }) | null;
  if (!response.ok || !body) throw new Error(body?.error?.message ?? t('import.uploadFailed'));
  return body;
}
