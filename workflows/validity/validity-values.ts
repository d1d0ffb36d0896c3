/** Validity (有效性) of a published document; kept apart from the machine so the client can import it without XState. */
export const VALIDITY_VALUES = ['in_force', 'repealed', 'expired'] as const;
export type Validity = (typeof VALIDITY_VALUES)[number];

export const VALIDITY_LABELS: Record<Validity, { zh: string; en: string }> = {
  in_force: { zh: '有效', en: 'In force' },
  repealed: { zh: '废止', en: 'Repealed' },
  expired: { zh: '失效', en: 'Expired' },
};
