import { describe, expect, it } from 'vitest';
import { changePasswordSchema, newPasswordSchema, passwordProblems } from './password-rules';

describe('password rules', () => {
  it('accepts a long password that is neither the username nor common', () => {
    expect(passwordProblems('清源市民政局2026春', 'wang')).toEqual([]);
    expect(newPasswordSchema('wang').safeParse('correct horse battery').success).toBe(true);
  });
  it('refuses short, username-bearing and common passwords, each with a Chinese reason', () => {
    expect(passwordProblems('short1', 'wang')).toEqual(['密码至少 10 位']);
    expect(passwordProblems('wang-2026-xyz', 'wang')).toEqual(['密码不能包含用户名']);
    expect(passwordProblems('Password123', 'wang')).toEqual(['密码过于常见，请换一个']);
    expect(passwordProblems('aaaaaaaaaaaa', 'wang')).toEqual(['密码过于常见，请换一个']);
    const result = newPasswordSchema('wang').safeParse('1234567890');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('「新密码」过于常见，请换一个');
  });
  it('counts characters, not UTF-16 units, so ten Chinese characters are ten', () => {
    expect(passwordProblems('一二三四五六七八九十', 'wang')).toEqual([]);
    expect(passwordProblems('一二三四五六七八九', 'wang')).toEqual(['密码至少 10 位']);
  });
  it('refuses a new password equal to the current one', () => {
    expect(changePasswordSchema.safeParse({ currentPassword: 'same-password-1', newPassword: 'same-password-1' }).success).toBe(false);
  });
});
