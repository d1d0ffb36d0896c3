/** Proof uploads go outside tRPC (multipart); the server's JSON error message is shown as worded. */
import { t } from '../i18n/i18n';
import { appUrl } from '../mount';
import { uploadRefusal } from '../upload-refusal';

export interface ProofFields {
  channel: string;
  publishedOn: string;
  note: string;
  file: File;
}

/** Uploads a proof; resolves to an error message, or '' when it was stored. */
export async function uploadProof(documentId: string, fields: ProofFields): Promise<string> {
  const body = new FormData();
  body.append('file', fields.file);
  body.append('channel', fields.channel);
  body.append('publishedOn', fields.publishedOn);
  body.append('note', fields.note);
  try {
    const response = await fetch(appUrl(`/api/documents/${encodeURIComponent(documentId)}/channel-proofs`), { method: 'POST', body, credentials: 'same-origin' });
    if (response.ok) return '';
    return await uploadRefusal(response);
  } catch {
    return t('error.network');
  }
}

/** Where a stored proof is shown (inline: a photo or a PDF). */
export const proofUrl = (proofId: string) => appUrl(`/api/channel-proofs/${encodeURIComponent(proofId)}`);

/** Today in China Standard Time, YYYY-MM-DD: the default date of a proof. */
export function cstToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
