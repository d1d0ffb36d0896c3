import { describe, expect, it } from 'vitest';
import { CLOCK_EVENTS as E } from './clock-events';
import type { ClockRule } from './clock-rule';
import { computeDeadline } from './compute-deadline';
import { defaultClockRule } from './default-clock-rules';
import { calendar, calendarUpTo2026, on } from './clock-test-helpers';

const reply = defaultClockRule('request_reply');
const received = on('2026-09-25', E.requestReceived);

describe('computeDeadline', () => {
  it('has no due date before the starting event', () => {
    expect(computeDeadline(reply, [on('2026-09-20', E.consultationStarted)], calendar)).toMatchObject({ due: null, startedOn: null, paused: false });
  });

  it('extends by the working days of a closed consultation', () => {
    // Paused 10/13–10/16 (4 working days): 10/29 moves to 11/4.
    const result = computeDeadline(reply, [received, on('2026-10-12', E.consultationStarted), on('2026-10-16', E.consultationEnded)], calendar);
    expect(result).toEqual({ due: '2026-11-04', provisional: false, paused: false, daysPaused: 4, startedOn: '2026-09-25', extendedBy: 0 });
  });

  it('reports an open consultation as paused, counting it through asOf when given', () => {
    const events = [received, on('2026-10-12', E.consultationStarted)];
    expect(computeDeadline(reply, events, calendar)).toMatchObject({ due: '2026-10-29', paused: true, daysPaused: 0 });
    expect(computeDeadline(reply, events, calendar, { asOf: '2026-10-14' })).toMatchObject({ due: '2026-11-02', paused: true, daysPaused: 2 });
  });

  it('ignores events after asOf', () => {
    const events = [received, on('2026-10-12', E.consultationStarted), on('2026-10-16', E.consultationEnded)];
    expect(computeDeadline(reply, events, calendar, { asOf: '2026-10-13' })).toMatchObject({ due: '2026-10-30', paused: true, daysPaused: 1 });
  });

  it('does not let a consultation begun after the due day rescue it', () => {
    const result = computeDeadline(reply, [received, on('2026-11-02', E.consultationStarted), on('2026-11-10', E.consultationEnded)], calendar);
    expect(result).toMatchObject({ due: '2026-10-29', daysPaused: 0 });
  });

  it('adds the approved extension once, up to its maximum', () => {
    expect(computeDeadline(reply, [received, on('2026-10-20', E.requestExtended)], calendar)).toMatchObject({ due: '2026-11-26', extendedBy: 20 });
    expect(computeDeadline(reply, [received, on('2026-10-20', E.requestExtended, 10)], calendar)).toMatchObject({ due: '2026-11-12', extendedBy: 10 });
    expect(computeDeadline(reply, [received, on('2026-10-20', E.requestExtended, 45), on('2026-10-21', E.requestExtended)], calendar).extendedBy).toBe(20);
  });

  it('restarts from a corrected request, dropping what the old clock had', () => {
    const events = [
      on('2026-03-02', E.requestReceived),
      on('2026-03-03', E.consultationStarted),
      on('2026-03-04', E.consultationEnded),
      on('2026-03-05', E.requestCorrected),
    ];
    expect(computeDeadline(reply, events, calendar)).toMatchObject({ due: '2026-04-02', startedOn: '2026-03-05', daysPaused: 0 });
  });

  it('ignores a restart event before the clock started, and sorts events by date', () => {
    const events = [on('2026-03-05', E.requestReceived), on('2026-03-02', E.requestCorrected)];
    expect(computeDeadline(reply, events, calendar)).toMatchObject({ due: '2026-04-02', startedOn: '2026-03-05' });
  });

  it('is provisional when the count runs into an unknown year', () => {
    const result = computeDeadline(reply, [on('2026-12-20', E.requestReceived)], calendarUpTo2026);
    // 12/21–12/31 (9), then 2027 as plain weekdays, weekends still skipped: 1/1 (10), 1/4–1/15 (20).
    expect(result).toMatchObject({ due: '2027-01-15', provisional: true });
    expect(computeDeadline(reply, [on('2026-11-02', E.requestReceived)], calendarUpTo2026).provisional).toBe(false);
  });

  it('pauses a calendar-day clock by calendar days', () => {
    const rule: ClockRule = { key: 'local', label: { zh: '本地', en: 'Local' }, start: 'x.started', unit: 'calendar_days', length: 10, pauses: [{ from: 'x.paused', until: 'x.resumed' }] };
    const result = computeDeadline(rule, [on('2026-09-28', 'x.started'), on('2026-09-30', 'x.paused'), on('2026-10-03', 'x.resumed')], calendarUpTo2026);
    expect(result).toMatchObject({ due: '2026-10-11', daysPaused: 3, provisional: false });
  });

  it('refuses an event with a malformed date', () => {
    expect(() => computeDeadline(reply, [on('2026-9-25', E.requestReceived)], calendar)).toThrow(/YYYY-MM-DD/);
  });
});
