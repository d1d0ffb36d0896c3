import { describe, expect, it } from 'vitest';
import { clockRuleSchema, clockRulesSchema } from './clock-rule';
import { defaultClockRule } from './default-clock-rules';

describe('clockRuleSchema', () => {
  it('accepts an adjusted rule and refuses malformed ones', () => {
    const rule = { ...defaultClockRule('policy_interpretation'), length: 0 };
    expect(clockRuleSchema.parse(rule)).toEqual(rule);
    expect(clockRuleSchema.safeParse({ ...rule, unit: 'weeks' }).success).toBe(false);
    expect(clockRuleSchema.safeParse({ ...rule, length: 2.5 }).success).toBe(false);
    expect(clockRuleSchema.safeParse({ ...rule, start: 'Policy Published' }).success).toBe(false);
    expect(clockRuleSchema.safeParse({ ...rule, pauses: [{ from: 'a.b', until: 'a.b' }] }).success).toBe(false);
    expect(clockRuleSchema.safeParse({ ...rule, typo: 1 }).success).toBe(false);
  });

  it('refuses two rules with one key', () => {
    const rule = defaultClockRule('fee_payment');
    expect(clockRulesSchema.safeParse([rule, rule]).success).toBe(false);
  });
});
