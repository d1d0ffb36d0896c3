/**
 * A statutory time limit as data: which event starts it, in which unit it counts, how
 * long it runs, and which events pause, extend or restart it. An admin can edit these to
 * match local regulations; the zod schema checks an edited rule before it is stored.
 */
import { z } from 'zod';

export const CLOCK_UNITS = ['working_days', 'calendar_days'] as const;
export type ClockUnit = (typeof CLOCK_UNITS)[number];

export const clockEventNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/, { message: '事件名应形如 request.received（小写字母、数字、下划线，以点分隔）' });

const dayCountSchema = z.number().int().min(0).max(3650);

export const clockRuleSchema = z
  .strictObject({
    key: z.string().regex(/^[a-z][a-z0-9_]*$/, { message: '规则键应为小写字母、数字、下划线' }),
    label: z.strictObject({ zh: z.string().min(1), en: z.string().min(1) }),
    start: clockEventNameSchema,
    unit: z.enum(CLOCK_UNITS),
    length: dayCountSchema,
    /** Between `from` and `until` the clock stands still (the consultation time does not count). */
    pauses: z.array(z.strictObject({ from: clockEventNameSchema, until: clockEventNameSchema })).optional(),
    /** The clock starts again, with its full length, from the latest of these events. */
    restartOn: z.array(clockEventNameSchema).optional(),
    /** Each may add up to `length` more units once (延期答复: once, up to 20 working days). */
    extensions: z.array(z.strictObject({ on: clockEventNameSchema, length: dayCountSchema.min(1) })).optional(),
  })
  .refine((rule) => (rule.pauses ?? []).every((p) => p.from !== p.until), { message: '暂停与恢复事件不能相同', path: ['pauses'] });

export type ClockRule = z.infer<typeof clockRuleSchema>;

/** A rule set: keys are unique, since categories and records refer to a rule by key. */
export const clockRulesSchema = z.array(clockRuleSchema).superRefine((rules, ctx) => {
  const seen = new Set<string>();
  rules.forEach((rule, index) => {
    if (seen.has(rule.key)) ctx.addIssue({ code: 'custom', message: `规则键重复：${rule.key}`, path: [index, 'key'] });
    seen.add(rule.key);
  });
});
