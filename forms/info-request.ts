/**
 * The information request form (政府信息公开申请表), as one zod schema used by the public page,
 * the staff registration dialog and the server. Messages are Chinese and name their field,
 * so the public page can print each next to its input.
 */
import { z } from 'zod';
import { APPLICANT_TYPES, DELIVERY_FORMS, REQUEST_CHANNELS } from '../workflows/requests/request-vocabulary';
import { isResidentId } from './privacy-scan';
import { isIsoDate } from './calendar-date';

const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters without I, O, S, V, Z, the last a check
 * character over the first 17 (weights 3^i mod 31).
 *
 * @example isCreditCode('91350100M000100Y43') // true
 */
export function isCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  const sum = CREDIT_CODE_WEIGHTS.reduce((acc, w, i) => acc + w * CREDIT_CODE_CHARS.indexOf(code[i]!), 0);
  return CREDIT_CODE_CHARS[(31 - (sum % 31)) % 31] === code[17];
}
const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;

export const REQUEST_FIELD_LIMITS = { name: 50, organisation: 100, address: 200, description: 2000, purpose: 500, email: 100 } as const;

const text = (label: string, max: number) => z.string({ message: `请填写「${label}」` }).trim().max(max, { message: `「${label}」不能超过 ${max} 个字` });
const required = (label: string, max: number) => text(label, max).min(1, { message: `请填写「${label}」` });

export const infoRequestFormSchema = z
  .object({
    applicantType: z.enum(APPLICANT_TYPES, { message: '请选择「申请人类型」' }),
    applicantName: required('姓名', REQUEST_FIELD_LIMITS.name),
    applicantIdNumber: required('证件号码', 18).transform((v) => v.toUpperCase()),
    organisationName: text('单位名称', REQUEST_FIELD_LIMITS.organisation).default(''),
    contactPhone: required('联系电话', 20).regex(PHONE, { message: '「联系电话」应为手机号或带区号的固定电话' }),
    email: text('电子邮箱', REQUEST_FIELD_LIMITS.email)
      .default('')
      .refine((v) => v === '' || z.email().safeParse(v).success, { message: '「电子邮箱」格式不正确' }),
    address: text('通信地址', REQUEST_FIELD_LIMITS.address).default(''),
    description: required('所需信息描述', REQUEST_FIELD_LIMITS.description).refine((v) => v.length >= 5, { message: '「所需信息描述」请至少写 5 个字，写明信息的名称、文号或便于查询的特征' }),
    purpose: text('用途', REQUEST_FIELD_LIMITS.purpose).default(''),
    deliveryForm: z.enum(DELIVERY_FORMS, { message: '请选择「提供形式」' }),
  })
  .superRefine((v, ctx) => {
    const natural = v.applicantType === 'natural_person';
    if (natural && !isResidentId(v.applicantIdNumber)) ctx.addIssue({ code: 'custom', path: ['applicantIdNumber'], message: '「证件号码」应为有效的 18 位居民身份证号码' });
    if (!natural && !isCreditCode(v.applicantIdNumber)) ctx.addIssue({ code: 'custom', path: ['applicantIdNumber'], message: '「证件号码」应为有效的 18 位统一社会信用代码' });
    if (!natural && v.organisationName === '') ctx.addIssue({ code: 'custom', path: ['organisationName'], message: '请填写「单位名称」' });
    if (v.deliveryForm === 'paper' && v.address === '') ctx.addIssue({ code: 'custom', path: ['address'], message: '要求纸质提供的，请填写「通信地址」' });
  });

export type InfoRequestForm = z.infer<typeof infoRequestFormSchema>;
export type InfoRequestFormInput = z.input<typeof infoRequestFormSchema>;
export type InfoRequestField = keyof InfoRequestForm;

/** Staff registering a letter or an in-person request also give its channel and receipt date. */
export const registerRequestSchema = z.object({
  form: infoRequestFormSchema,
  channel: z.enum(REQUEST_CHANNELS.filter((c) => c !== 'online') as ['letter', 'in_person'], { message: '请选择「申请方式」' }),
  receivedAt: z.string().refine(isIsoDate, { message: '「收到日期」应为 YYYY-MM-DD' }),
});

/** The first message per field, for printing next to each input. */
export function fieldErrors(error: z.ZodError): Partial<Record<InfoRequestField, string>> {
  const out: Partial<Record<InfoRequestField, string>> = {};
  for (const issue of error.issues) {
    const key = issue.path[0] as InfoRequestField | undefined;
    if (key && !out[key]) out[key] = issue.message;
  }
  return out;
}

/** Every field of the form, in the order it is shown. */
export const INFO_REQUEST_FIELDS: readonly InfoRequestField[] = ['applicantType', 'applicantName', 'applicantIdNumber', 'organisationName', 'contactPhone', 'email', 'address', 'description', 'purpose', 'deliveryForm'];
