import { describe, expect, it } from 'vitest';
import { fieldErrors, infoRequestFormSchema, isCreditCode } from './info-request';

const person = { applicantType: 'natural_person', applicantName: '张明', applicantIdNumber: '11010519491231002x', contactPhone: '0371-63881234', description: '城市低保对象名单', deliveryForm: 'electronic' };

describe('information request form', () => {
  it('checks the unified social credit code with its check character', () => {
    expect(isCreditCode('91350100M000100Y43')).toBe(true);
    expect(isCreditCode('91350100M000100Y44')).toBe(false);
    expect(isCreditCode('110105194912310021')).toBe(false);
  });

  it('accepts a natural person with a valid ID (any case) and a landline, filling the optional fields', () => {
    const parsed = infoRequestFormSchema.parse(person);
    expect(parsed).toMatchObject({ applicantIdNumber: '11010519491231002X', purpose: '', email: '', organisationName: '' });
  });

  it('asks an organisation for its name and credit code, and paper delivery for an address', () => {
    const result = infoRequestFormSchema.safeParse({ ...person, applicantType: 'research', deliveryForm: 'paper' });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toEqual({
      applicantIdNumber: '「证件号码」应为有效的 18 位统一社会信用代码',
      organisationName: '请填写「单位名称」',
      address: '要求纸质提供的，请填写「通信地址」',
    });
  });

  it('limits the length of free text', () => {
    const result = infoRequestFormSchema.safeParse({ ...person, description: '低'.repeat(2001) });
    expect(fieldErrors(result.error!).description).toBe('「所需信息描述」不能超过 2000 个字');
  });
});
