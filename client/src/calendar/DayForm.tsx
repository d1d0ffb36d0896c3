/**
 * 调整日期: one day set as 调休上班 or 放假 with a note (usually the notice it comes from),
 * or back to what the holiday package says. Picking a day already changed fills in its setting.
 */
import { createSignal, For } from 'solid-js';
import { trpc, type CalendarSettings } from '../trpc';
import { t, tKnown } from '../i18n/i18n';
import { formatIsoDate } from '../i18n/format';
import type { CalendarActions } from './calendar-actions';

export const DAY_KINDS = ['holiday', 'workday', 'default'] as const;
export type DayKind = (typeof DAY_KINDS)[number];

export function DayForm(props: { settings: CalendarSettings; actions: CalendarActions }) {
  const [date, setDate] = createSignal('');
  const [kind, setKind] = createSignal<DayKind>('holiday');
  const [note, setNote] = createSignal('');

  const pickDate = (value: string) => {
    setDate(value);
    const existing = props.settings.overrides.find((o) => o.date === value);
    if (existing) {
      setKind(existing.kind === 'workday' ? 'workday' : 'holiday');
      setNote(existing.note);
    }
  };

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!date()) return props.actions.refuse(t('calendar.dateRequired'));
    const input = { date: date(), kind: kind(), note: kind() === 'default' ? '' : note().trim() };
    const saved = t('calendar.daySaved', { date: formatIsoDate(input.date, true), kind: tKnown('calendar.kind', input.kind) });
    if (await props.actions.run(saved, () => trpc.deadlines.setDay.mutate(input))) {
      setDate('');
      setNote('');
    }
  };

  return (
    <form class="card day-form" data-testid="calendar-day-form" onSubmit={save} noValidate>
      <h2>{t('calendar.days')}</h2>
      <div class="day-form-grid">
        <div class="field">
          <label for="calendar-date">{t('calendar.date')}</label>
          <input id="calendar-date" type="date" name="date" data-testid="calendar-date" value={date()} onInput={(e) => pickDate(e.currentTarget.value)} />
        </div>
        <fieldset class="field">
          <legend>{t('calendar.kind')}</legend>
          <div class="choices">
            <For each={DAY_KINDS}>
              {(k) => (
                <label class="choice">
                  <input type="radio" name="kind" value={k} checked={kind() === k} onChange={() => setKind(k)} />
                  <span>{tKnown('calendar.kind', k)}</span>
                </label>
              )}
            </For>
          </div>
        </fieldset>
        <div class="field field-note">
          <label for="calendar-note">{t('calendar.note')}</label>
          <input
            id="calendar-note"
            type="text"
            name="note"
            maxLength={200}
            data-testid="calendar-note"
            placeholder={t('calendar.notePlaceholder')}
            disabled={kind() === 'default'}
            value={note()}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
        </div>
      </div>
      <div class="buttons">
        <button type="submit" class="button button-primary" data-testid="calendar-save" disabled={props.actions.busy()}>
          {props.actions.busy() ? t('calendar.saving') : t('calendar.save')}
        </button>
      </div>
    </form>
  );
}
