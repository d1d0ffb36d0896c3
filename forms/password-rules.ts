/**
 * Password rules, one zod schema for the browser form and the server. Kept short on
 * purpose (NIST SP 800-63B): a minimum length, not the username, not a well-known
 * password; no composition rules, which only make people write passwords down.
 */
import { z } from 'zod';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

/** Passwords every guessing list starts with (compared case-insensitively). */
const COMMON_PASSWORDS = new Set([
  '1234567890', '0123456789', '12345678910', '1111111111', '0000000000', '1234512345', '9876543210',
  'qwertyuiop', 'asdfghjkl;', '1q2w3e4r5t', 'q1w2e3r4t5', '1qaz2wsx3edc', 'qwerty1234', 'qwerty123456',
  'password12', 'password123', 'password1234', 'passw0rd123', 'p@ssw0rd123', 'iloveyou12', 'abc1234567',
  'abcdefghij', 'admin12345', 'admin123456', 'administrator', 'welcome123', 'letmein123', 'changeme123',
  'woaini1314', 'woaini520', '5201314520', 'a123456789', 'aa123456789', 'qq123456789', '147258369a',
  '1234567890a', 'abc123456789', 'zxcvbnm123', 'zxcvbnm,./', 'shenfa12345', 'shenfa2026!',
]);

export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  // One character repeated, or a run of the same pair (abababab…), is as weak as the list.
  return COMMON_PASSWORDS.has(lower) || /^(.)\1+$/.test(lower) || /^(..)\1+$/.test(lower);
}

/** Issues of a new password for `username`, as Chinese sentences (empty when it passes). */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) problems.push(`密码至少 ${PASSWORD_MIN_LENGTH} 位`);
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(`密码不能超过 ${PASSWORD_MAX_LENGTH} 位`);
  const name = username.trim().toLowerCase();
  if (name && password.toLowerCase().includes(name)) problems.push('密码不能包含用户名');
  if (isCommonPassword(password)) problems.push('密码过于常见，请换一个');
  return problems;
}

/** A new password for a known user. */
export function newPasswordSchema(username: string) {
  return z.string().superRefine((password, ctx) => {
    for (const message of passwordProblems(password, username)) ctx.addIssue({ code: 'custom', message: `「新密码」${message.replace(/^密码/, '')}` });
  });
}

/** The change-password form: current password, new one (checked against the username on the server), confirmation. */
export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, '请输入当前密码').max(PASSWORD_MAX_LENGTH),
    newPassword: z.string().min(1, '请输入新密码').max(PASSWORD_MAX_LENGTH),
  })
  .refine((v) => v.currentPassword !== v.newPassword, { message: '「新密码」不能与当前密码相同', path: ['newPassword'] });

export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
