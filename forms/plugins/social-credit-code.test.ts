import { describe, expect, it } from 'vitest';
import { fieldTypeKeys, getFieldType } from '../field-types';
import { validateFormDefinition } from '../validate-form-definition';
import { harness, label } from '../test-helpers';
import { draftDocumentForm } from '../draft-document.form';
import { installSocialCreditCodeField, normaliseSocialCreditCode, SOCIAL_CREDIT_CODE, socialCreditCheckChar, socialCreditCodeProblem } from './social-credit-code';

const field = { key: 'orgCode', type: SOCIAL_CREDIT_CODE, label: label('统一社会信用代码'), required: true };

describe('统一社会信用代码 field type (example plugin)', () => {
  it('computes the check character of real codes (GB 32100-2015)', () => {
    // Codes printed on real business licences.
    for (const code of ['914403001922038216', '9144030071526726XG', '91330100799655058B', '91110000802100433B']) {
      expect(socialCreditCheckChar(code.slice(0, 17))).toBe(code[17]);
      expect(socialCreditCodeProblem(code)).toBeUndefined();
    }
    expect(socialCreditCodeProblem('914403001922038217')).toBe('check');
    expect(socialCreditCodeProblem('91440300192203821')).toBe('shape');
    // I, O, S, V, Z never occur in a code.
    expect(socialCreditCodeProblem('91440300192203821O')).toBe('shape');
  });

  it('is unknown to the form validator until installed, then registered once (installing twice is harmless)', () => {
    // The drafting form with an admin-added field of the plugin's type.
    const withField = { ...draftDocumentForm, version: draftDocumentForm.version + 1, fields: [...draftDocumentForm.fields, { ...field, required: false }] };
    expect(getFieldType(SOCIAL_CREDIT_CODE)).toBeUndefined();
    expect(validateFormDefinition(withField).map((i) => i.fieldKey)).toContain('orgCode');
    installSocialCreditCodeField();
    installSocialCreditCodeField();
    expect(fieldTypeKeys().filter((k) => k === SOCIAL_CREDIT_CODE)).toEqual([SOCIAL_CREDIT_CODE]);
    expect(validateFormDefinition(withField)).toEqual([]);
  });

  it('validates through the compiled form: normalises what people paste, refuses typos with a Chinese message', () => {
    installSocialCreditCodeField();
    const form = harness([field]);
    expect(form.ok({ orgCode: ' ９１４４０３００１９２２０３８２１６ ' })).toEqual({ orgCode: '914403001922038216' });
    expect(form.ok({ orgCode: '9144030071526726xg' })).toEqual({ orgCode: '9144030071526726XG' });
    expect(form.errors({ orgCode: '914403001922038217' })).toEqual({ orgCode: ['「统一社会信用代码」校验位不符，请对照营业执照或登记证书核对'] });
    expect(form.errors({ orgCode: '12345' })).toEqual({ orgCode: ['「统一社会信用代码」应为 18 位统一社会信用代码（数字和大写字母）'] });
    expect(form.errors({ orgCode: '' })).toEqual({ orgCode: ['请填写「统一社会信用代码」'] });
    expect(normaliseSocialCreditCode('9144 0300 7152 6726 xg')).toBe('9144030071526726XG');
  });
});
