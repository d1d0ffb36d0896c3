/**
 * 年度安排: which years' holiday notices the calendar knows, from the holiday package or
 * marked by an admin as fully entered, and the form to mark (or unmark) a year.
 */
import { createSignal, For, Show } from 'solid-js';
import { trpc, type CalendarSettings } from '../trpc';
import { t } from '../i18n/i18n';
import type { CalendarActions } from './calendar-actions';

/** [2004, 2005, 2006, 2010] → ['2004—2006', '2010'] */
export function yearRanges(years: readonly number[]): string[] {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    ranges.push(i === j ? `${sorted[i]}` : `${sorted[i]}—${sorted[j]}`);
    i = j + 1;
  }
  return ranges;
}

export function YearsPanel(props: { settings: CalendarSettings; actions: CalendarActions }) {
  // `packageYears` is what the calendar knows in all; the years an admin marked are listed apart.
  const packageOnly = () => props.settings.packageYears.filter((y) => !props.settings.knownYears.includes(y));
  const firstUnknown = () => Math.max(0, ...props.settings.packageYears, ...props.settings.knownYears) + 1;
  const [year, setYear] = createSignal('');
  const wanted = () => (year() ? Number(year()) : firstUnknown());

  const mark = async () => {
    const y = wanted();
    if (!Number.isInteger(y) || y < 2000 || y > 2100) return props.actions.refuse(t('calendar.yearInvalid'));
    if (await props.actions.run(t('calendar.yearMarked', { year: y }), () => trpc.deadlines.setYearKnown.mutate({ year: y, known: true }))) setYear('');
  };
  const unmark = (y: number) => props.actions.run(t('calendar.yearUnmarked', { year: y }), () => trpc.deadlines.setYearKnown.mutate({ year: y, known: false }));

  return (
    <section class="card" data-testid="calendar-years">
      <h2>{t('calendar.years')}</h2>
      <dl class="meta years">
        <div>
          <dt>{t('calendar.packageYears')}</dt>
          <dd data-testid="package-years">
            <For each={yearRanges(packageOnly())}>{(r) => <span class="tag">{r}</span>}</For>
          </dd>
        </div>
        <div>
          <dt>{t('calendar.adminYears')}</dt>
          <dd data-testid="known-years">
            <Show when={props.settings.knownYears.length > 0} fallback={<span class="muted">{t('calendar.noAdminYears')}</span>}>
              <For each={props.settings.knownYears}>
                {(y) => (
                  <span class="tag tag-year">
                    {y}
                    <button type="button" class="link-button danger small" disabled={props.actions.busy()} onClick={() => unmark(y)}>
                      {t('calendar.unmarkKnown')}
                    </button>
                  </span>
                )}
              </For>
            </Show>
          </dd>
        </div>
      </dl>
      <p class="notice notice-warning small">{t('calendar.unknownFrom', { year: firstUnknown() })}</p>
      <div class="inline-form">
        <label for="known-year">{t('calendar.year')}</label>
        <input
          id="known-year"
          type="number"
          inputmode="numeric"
          min="2000"
          max="2100"
          data-testid="known-year"
          placeholder={String(firstUnknown())}
          value={year()}
          onInput={(e) => setYear(e.currentTarget.value)}
        />
        <button type="button" class="button" data-testid="mark-year-known" disabled={props.actions.busy()} onClick={mark}>
          {t('calendar.markKnown')}
        </button>
      </div>
      <p class="help">{t('calendar.yearHint')}</p>
    </section>
  );
}
