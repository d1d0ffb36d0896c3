/**
 * The client half of the 统一社会信用代码 field-type plugin (forms/plugins/social-credit-code.ts):
 * the same validator in the shared core, and a renderer under the same key. A one-line text
 * input is all it needs; the type's schema normalises and checks what is typed.
 */
import { installSocialCreditCodeField, SOCIAL_CREDIT_CODE } from '../../../../forms/plugins/social-credit-code';
import { fieldRenderer, registerFieldRenderer } from '../field-registry';
import { TextInput } from '../fields/TextInput';

export function installSocialCreditCodeRenderer(): void {
  installSocialCreditCodeField();
  if (!fieldRenderer(SOCIAL_CREDIT_CODE)) registerFieldRenderer(SOCIAL_CREDIT_CODE, { component: TextInput, labelling: 'label', wide: () => false });
}
