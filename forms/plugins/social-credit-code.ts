/**
 * An example form field-type plugin: 统一社会信用代码 (unified social credit code, GB
 * 32100-2015), the 18-character identifier of every business and organisation, checked with
 * its check character the way the registration authorities compute it. A request form asks
 * organisations for it; a typo is caught at the field instead of weeks later. See
 * docs/plugins.md ("Form field types").
 *
 * Pure: no IO. The server calls `installSocialCreditCodeField()` once at start-up, the client
 * before its first form (client/src/forms/forms-runtime.ts), where it also registers a renderer
 * under the same key.
 */
import { z } from 'zod';
import { getFieldType, registerFieldType } from '../field-types.js';
import { isBlank, quoted, type FieldType } from '../field-type.js';

export const SOCIAL_CREDIT_CODE = 'social_credit_code';

/** The 31 characters the code uses: digits and capitals without I, O, S, V, Z. */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/**
 * Full-width to half-width, capitals, no spaces: how people paste a code from a licence scan.
 * @example normaliseSocialCreditCode(' ９１４４０３００１９２２０３８２１６ ') // '914403001922038216'
 */
export function normaliseSocialCreditCode(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/**
 * The check character (the 18th) for the first 17: 31 − (Σ value×weight mod 31), 31 → '0'.
 * @example socialCreditCheckChar('91440300192203821') // '6'
 */
export function socialCreditCheckChar(first17: string): string {
  const sum = [...first17].reduce((acc, ch, i) => acc + CHARSET.indexOf(ch) * WEIGHTS[i]!, 0);
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

/**
 * Why a (normalised) code is wrong, or undefined when it is a valid code.
 * @example socialCreditCodeProblem('914403001922038216') // undefined
 * @example socialCreditCodeProblem('914403001922038217') // 'check'
 */
export function socialCreditCodeProblem(code: string): 'shape' | 'check' | undefined {
  if (!SHAPE.test(code)) return 'shape';
  return socialCreditCheckChar(code.slice(0, 17)) === code[17] ? undefined : 'check';
}

export const socialCreditCodeField: FieldType<string> = {
  key: SOCIAL_CREDIT_CODE,
  emptyValue: () => '',
  isEmpty: isBlank,
  requiredMessage: (label) => `请填写${quoted(label)}`,
  schema: ({ label }) =>
    z
      .string({ error: `${quoted(label)}应为文本` })
      .transform(normaliseSocialCreditCode)
      .superRefine((code, issues) => {
        const problem = socialCreditCodeProblem(code);
        if (problem === 'shape') issues.addIssue({ code: 'custom', message: `${quoted(label)}应为 18 位统一社会信用代码（数字和大写字母）` });
        if (problem === 'check') issues.addIssue({ code: 'custom', message: `${quoted(label)}校验位不符，请对照营业执照或登记证书核对` });
      }),
};

/** Registers the type once; installing again is harmless (the server and tests may both call it). */
export function installSocialCreditCodeField(): void {
  if (getFieldType(SOCIAL_CREDIT_CODE)) return;
  registerFieldType(socialCreditCodeField);
}
