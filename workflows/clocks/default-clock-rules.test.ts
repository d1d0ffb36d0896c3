import { describe, expect, it } from 'vitest';
import { CLOCK_EVENTS as E } from './clock-events';
import { clockRulesSchema } from './clock-rule';
import { computeDeadline } from './compute-deadline';
import { DEFAULT_CLOCK_RULES, defaultClockRule } from './default-clock-rules';
import { calendar, on } from './clock-test-helpers';

const dueOf = (key: string, start: string, date: string) => computeDeadline(defaultClockRule(key), [on(date, start)], calendar);

describe('default clock rules', () => {
  it('are valid data with unique keys', () => {
    expect(clockRulesSchema.parse(DEFAULT_CLOCK_RULES)).toHaveLength(DEFAULT_CLOCK_RULES.length);
  });

  it('proactive disclosure: 20 working days from formation, across Mid-Autumn and National Day', () => {
    expect(dueOf('proactive_disclosure', E.documentFormed, '2026-09-25')).toEqual({
      due: '2026-10-29',
      provisional: false,
      paused: false,
      daysPaused: 0,
      startedOn: '2026-09-25',
      extendedBy: 0,
    });
  });

  it('licensing and penalty decisions: 7 working days, the Labour Day Saturday worked', () => {
    // 5/6, 5/7, 5/8, Saturday 5/9 (worked), 5/11, 5/12, 5/13.
    expect(dueOf('licensing_decision', E.decisionMade, '2026-04-30').due).toBe('2026-05-13');
    expect(dueOf('penalty_decision', E.decisionMade, '2026-04-30').due).toBe('2026-05-13');
  });

  it('other enforcement decisions: 20 working days over the Spring Festival', () => {
    // 2/14 (Saturday, worked), 2/24–2/28 (6), then 3/2–3/19 (14).
    expect(dueOf('other_enforcement_decision', E.decisionMade, '2026-02-13').due).toBe('2026-03-19');
  });

  it('policy interpretation: 3 working days after the policy, the National Day Saturday counting', () => {
    expect(dueOf('policy_interpretation', E.policyPublished, '2026-09-30').due).toBe('2026-10-10');
  });

  it('penalty taken down: 3 calendar days, holidays included', () => {
    expect(dueOf('penalty_takedown', E.penaltyChanged, '2026-09-30')).toMatchObject({ due: '2026-10-03', provisional: false });
  });

  it('budget and final accounts: 20 calendar days after approval', () => {
    expect(dueOf('budget_final_accounts', E.budgetApproved, '2026-01-20').due).toBe('2026-02-09');
  });

  it('request reply: 20 working days from receipt', () => {
    expect(dueOf('request_reply', E.requestReceived, '2026-09-25').due).toBe('2026-10-29');
  });

  it('correction notice: 7 working days from receipt', () => {
    // 2/14 (worked Saturday), 2/24–2/27, 2/28 (worked Saturday), 3/2.
    expect(dueOf('request_correction_notice', E.requestReceived, '2026-02-13').due).toBe('2026-03-02');
  });

  it('consultation: the consulted party has 15 working days', () => {
    // 6/16–6/18 (3), Dragon Boat 6/19–6/21 off, 6/22–7/3 (13), 7/6, 7/7.
    expect(dueOf('consultation_reply', E.consultationStarted, '2026-06-15').due).toBe('2026-07-07');
  });

  it('processing fee: 20 working days from the notice', () => {
    expect(dueOf('fee_payment', E.feeNotified, '2026-03-02').due).toBe('2026-03-30');
  });

  it('hands out copies, so adjusting one does not change the defaults', () => {
    const local = defaultClockRule('policy_interpretation');
    local.length = 0;
    expect(defaultClockRule('policy_interpretation').length).toBe(3);
    expect(() => defaultClockRule('no_such_rule')).toThrow(/未知/);
  });
});
