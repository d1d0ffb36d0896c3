import { describe, expect, it } from 'vitest';
import { conditionFields, conditionSchema, evaluateCondition, type Condition } from './conditions.js';

describe('evaluateCondition', () => {
  const values = { attribute: 'partial', hasStatistics: true, channels: ['portal', 'wechat'], count: 3 };

  it('compares a scalar with equals, in and notIn', () => {
    expect(evaluateCondition({ field: 'attribute', equals: 'partial' }, values)).toBe(true);
    expect(evaluateCondition({ field: 'attribute', equals: 'open' }, values)).toBe(false);
    expect(evaluateCondition({ field: 'hasStatistics', equals: true }, values)).toBe(true);
    expect(evaluateCondition({ field: 'count', equals: '3' }, values)).toBe(false);
    expect(evaluateCondition({ field: 'attribute', in: ['open', 'partial'] }, values)).toBe(true);
    expect(evaluateCondition({ field: 'attribute', in: ['non_public'] }, values)).toBe(false);
    expect(evaluateCondition({ field: 'attribute', notIn: ['open', 'partial'] }, values)).toBe(false);
    expect(evaluateCondition({ field: 'attribute', notIn: ['open'] }, values)).toBe(true);
  });

  it('treats a multi-valued field as holding when any selected value does', () => {
    expect(evaluateCondition({ field: 'channels', equals: 'wechat' }, values)).toBe(true);
    expect(evaluateCondition({ field: 'channels', in: ['broadcast', 'portal'] }, values)).toBe(true);
    expect(evaluateCondition({ field: 'channels', notIn: ['broadcast'] }, values)).toBe(true);
    expect(evaluateCondition({ field: 'channels', notIn: ['wechat'] }, values)).toBe(false);
    expect(evaluateCondition({ field: 'channels', in: ['portal'] }, { channels: [] })).toBe(false);
    expect(evaluateCondition({ field: 'channels', notIn: ['portal'] }, { channels: [] })).toBe(true);
  });

  it('combines with all, any and not', () => {
    const cond: Condition = {
      all: [{ field: 'attribute', equals: 'partial' }, { not: { field: 'hasStatistics', equals: false } }],
    };
    expect(evaluateCondition(cond, values)).toBe(true);
    expect(evaluateCondition({ any: [{ field: 'attribute', equals: 'open' }, cond] }, values)).toBe(true);
    expect(evaluateCondition({ not: cond }, values)).toBe(false);
    expect(evaluateCondition({ all: [] }, values)).toBe(true);
    expect(evaluateCondition({ any: [] }, values)).toBe(false);
  });

  it('treats a missing field as undefined and ignores inherited properties', () => {
    expect(evaluateCondition({ field: 'missing', equals: null }, {})).toBe(false);
    expect(evaluateCondition({ field: 'missing', notIn: ['x'] }, {})).toBe(true);
    expect(evaluateCondition({ field: 'constructor', in: [] }, {})).toBe(false);
    expect(evaluateCondition({ field: 'toString', notIn: [] }, {})).toBe(true);
  });
});

describe('conditionSchema', () => {
  it('accepts nested conditions and rejects unknown shapes', () => {
    const cond = { any: [{ field: 'a', in: ['x', 1, true, null] }, { not: { all: [{ field: 'b', notIn: [] }] } }] };
    expect(conditionSchema.parse(cond)).toEqual(cond);
    expect(conditionSchema.safeParse({ field: 'a', contains: 'x' }).success).toBe(false);
    expect(conditionSchema.safeParse({ field: 'a', equals: 'x', in: ['y'] }).success).toBe(false);
    expect(conditionSchema.safeParse({ field: 'a', equals: { nested: true } }).success).toBe(false);
  });

  it('lists the fields a condition reads', () => {
    expect(conditionFields({ all: [{ field: 'a', equals: 1 }, { not: { any: [{ field: 'b', in: [] }] } }] })).toEqual([
      'a',
      'b',
    ]);
  });
});
