/**
 * /reports/annual — 政府信息公开工作年度报告. The tables are computed by the server from the
 * catalog and the request register for the chosen year and template; staff write the three
 * narrative parts here, download .docx/.xlsx/.json, and submit the report into release
 * review, which the server refuses while any identity fails.
 */
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { A, useSearchParams } from '@solidjs/router';
import { APPLICANT_TYPE_LABELS } from '../../../workflows/requests/request-vocabulary';
import { trpc, type RouterOutputs } from '../trpc';
import { locale, localized, t, tKnown } from '../i18n/i18n';
import { errorMessage } from '../errors';
import { AsyncView } from '../components/AsyncView';
import { usePageTitle } from '../components/page-title';
import { ReportGridTable, type ReportGrid } from '../report/ReportGridTable';
import { ViolationList } from '../report/ViolationList';
import { appUrl } from '../mount';

type Report = RouterOutputs['annualReport']['get'];
type TemplateKey = Report['templateKey'];
type NarrativeKey = keyof Report['draft']['narrative'];

const NARRATIVE_OF: Partial<Record<Report['sections'][number]['kind'], NarrativeKey>> = {
  general: 'generalSituation',
  problems: 'problemsAndImprovements',
  other: 'otherMatters',
};

function currentYear(): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
}

/** Readable name of a request-table row, from the header cells on its line of the grid. */
function rowLabelIn(grid: ReportGrid | undefined, row: string): string {
  const line = grid?.rows.find((cells) => cells.some((c) => c.ref?.split('/')[1] === row));
  return line?.filter((c) => !c.ref).map((c) => c.text).join(' ') || row;
}

export function AnnualReportPage() {
  usePageTitle(() => t('report.title'));
  const [params, setParams] = useSearchParams<{ year?: string; template?: string }>();
  const year = () => Number(params.year) || currentYear();
  const template = (): TemplateKey | undefined => {
    const key = params.template;
    return key === '2019' || key === '2021' ? key : undefined;
  };
  const [report, { refetch }] = createResource(() => ({ year: year(), templateKey: template() }), (input) => trpc.annualReport.get.query(input));

  const [narrative, setNarrative] = createSignal<Report['draft']['narrative']>({ generalSituation: '', problemsAndImprovements: '', otherMatters: '' });
  const [entered, setEntered] = createSignal<Report['draft']['entered']>({ feeAmountYuan: 0, procurementAmountYuan: 0 });
  const [dirty, setDirty] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [message, setMessage] = createSignal<{ kind: 'error' | 'success'; text: string } | null>(null);
  // The editors start from the saved draft whenever another year's report arrives.
  let loadedFor = '';
  const view = createMemo(() => {
    const r = report.latest;
    if (r && loadedFor !== `${r.year}:${r.draft.version}`) {
      loadedFor = `${r.year}:${r.draft.version}`;
      setNarrative(r.draft.narrative);
      setEntered(r.draft.entered);
      setDirty(false);
    }
    return r;
  });

  const grids = () => (locale() === 'en' ? view()?.grids.en : view()?.grids.zh) ?? [];
  const violatedRefs = createMemo(() => new Set((view()?.violations ?? []).flatMap((v) => (v.table === 'requests' ? [`requests/${v.row}/${v.column}`] : [`appeals/${v.row}/total`]))));
  const locked = () => {
    const status = view()?.draft.document?.status;
    return status != null && status !== 'draft' && status !== 'returned';
  };
  const columnLabel = (column: string) => (column === 'total' ? t('report.total') : localized(APPLICANT_TYPE_LABELS[column as keyof typeof APPLICANT_TYPE_LABELS]) || column);
  const rowLabel = (row: string) => (row.startsWith('litigation') || row === 'reconsideration' ? tKnown('report.appealKind', row) : rowLabelIn(grids()[1], row));

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setMessage(null);
    try {
      const text = await action();
      await refetch();
      setMessage({ kind: 'success', text });
    } catch (error) {
      setMessage({ kind: 'error', text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };
  const save = () => run(async () => {
    const r = view()!;
    await trpc.annualReport.save.mutate({ year: r.year, templateKey: r.templateKey, expectedVersion: r.draft.version, narrative: narrative(), entered: entered() });
    return t('report.saved');
  });
  const submit = () => run(async () => {
    const r = view()!;
    if (!window.confirm(t('report.submitConfirm'))) return t('report.notSubmitted');
    await trpc.annualReport.submit.mutate({ year: r.year, expectedVersion: r.draft.version });
    return t('report.submitted');
  });
  const edit = (key: NarrativeKey, value: string) => {
    setNarrative({ ...narrative(), [key]: value });
    setDirty(true);
  };
  const editFigure = (key: keyof Report['draft']['entered'], value: string) => {
    setEntered({ ...entered(), [key]: Number(value) || 0 });
    setDirty(true);
  };
  const exportHref = (format: string) => appUrl(`/api/reports/annual/${view()?.year}.${format}?template=${view()?.templateKey}`);
  const years = () => Array.from({ length: 6 }, (_, i) => currentYear() - i);

  return (
    <section class="annual-report">
      <div class="page-head">
        <h1>{t('report.title')}</h1>
      </div>
      <p class="page-intro">{t('report.intro')}</p>
      <div class="card report-toolbar">
        <label>
          {t('report.year')}
          <select data-testid="report-year" value={year()} onChange={(e) => setParams({ year: e.currentTarget.value })}>
            <For each={years()}>{(y) => <option value={y} selected={y === year()}>{t('report.yearOption', { year: y })}</option>}</For>
          </select>
        </label>
        <label>
          {t('report.template')}
          <select data-testid="report-template" value={view()?.templateKey ?? '2021'} onChange={(e) => { setParams({ template: e.currentTarget.value }); setDirty(true); }}>
            <For each={view()?.templates ?? []}>{(tpl) => <option value={tpl.key} selected={tpl.key === view()?.templateKey}>{localized(tpl.name)}</option>}</For>
          </select>
        </label>
        <div class="report-exports">
          <span class="muted">{t('report.export')}</span>
          <a class="button button-small" href={exportHref('docx')} data-testid="export-docx" download="">Word (.docx)</a>
          <a class="button button-small" href={exportHref('xlsx')} data-testid="export-xlsx" download="">Excel (.xlsx)</a>
          <a class="button button-small" href={exportHref('json')} data-testid="export-json" download="">JSON</a>
        </div>
      </div>
      <AsyncView resource={report} onRetry={refetch}>
        {() => (
          <>
            <h2 class="report-title" data-testid="report-title">{view()!.title}</h2>
            <Show when={view()!.draft.document}>
              {(doc) => (
                <p class="notice notice-warning" data-testid="report-document">
                  {t('report.documentStatus', { status: tKnown('status', doc().status) })}
                  <A href={`/documents/${doc().id}`}>{t('report.openDocument')}</A>
                </p>
              )}
            </Show>
            <Show when={view()!.violations.length > 0} fallback={<p class="notice notice-success" data-testid="report-balanced">{t('report.balanced')}</p>}>
              <ViolationList violations={view()!.violations} rowLabel={rowLabel} columnLabel={columnLabel} />
            </Show>
            <For each={view()!.sections}>
              {(section, i) => (
                <section class="card report-section" data-testid={`report-section-${section.kind}`}>
                  <h2>{locale() === 'en' ? `${i() + 1}. ${section.title.en}` : section.heading}</h2>
                  <Show when={NARRATIVE_OF[section.kind]}>
                    {(key) => (
                      <textarea
                        class="report-narrative"
                        data-testid={`narrative-${key()}`}
                        aria-label={localized(section.title)}
                        placeholder={t(`report.placeholder.${key()}`)}
                        value={narrative()[key()]}
                        disabled={locked()}
                        onInput={(e) => edit(key(), e.currentTarget.value)}
                      />
                    )}
                  </Show>
                  <Show when={section.kind === 'article20'}>
                    <ReportGridTable grid={grids()[0]!} caption={localized(section.title)} violated={violatedRefs()} />
                    <div class="report-figures">
                      <label>
                        {t('report.feeAmount')}
                        <input type="number" min="0" step="0.01" data-testid="fee-amount" value={entered().feeAmountYuan} disabled={locked()} onInput={(e) => editFigure('feeAmountYuan', e.currentTarget.value)} />
                      </label>
                      <Show when={view()!.templateKey === '2019'}>
                        <label>
                          {t('report.procurementAmount')}
                          <input type="number" min="0" step="0.01" data-testid="procurement-amount" value={entered().procurementAmountYuan} disabled={locked()} onInput={(e) => editFigure('procurementAmountYuan', e.currentTarget.value)} />
                        </label>
                      </Show>
                      <p class="muted">{t('report.figuresHint')}</p>
                    </div>
                  </Show>
                  <Show when={section.kind === 'requests'}>
                    <ReportGridTable grid={grids()[1]!} caption={localized(section.title)} violated={violatedRefs()} />
                  </Show>
                  <Show when={section.kind === 'appeals'}>
                    <ReportGridTable grid={grids()[2]!} caption={localized(section.title)} violated={violatedRefs()} />
                  </Show>
                  <Show when={section.kind === 'other'}>
                    <p class="muted" data-testid="request-fees">
                      {view()!.requestFees.count === 0 ? t('report.noFees') : t('report.fees', { n: view()!.requestFees.count, amount: view()!.requestFees.amountYuan })}
                    </p>
                  </Show>
                </section>
              )}
            </For>
            <Show when={message()}>
              {(m) => <p class={`notice ${m().kind === 'error' ? 'notice-error' : 'notice-success'}`} role={m().kind === 'error' ? 'alert' : 'status'} data-testid="report-message">{m().text}</p>}
            </Show>
            <div class="report-actions">
              <button type="button" class="button" data-testid="report-save" disabled={busy() || locked()} onClick={save}>{t('report.save')}</button>
              <button type="button" class="button button-primary" data-testid="report-submit" disabled={busy() || locked() || dirty() || view()!.draft.version === 0 || view()!.violations.length > 0} onClick={submit}>{t('report.submit')}</button>
              <Show when={dirty()}><span class="muted">{t('report.unsaved')}</span></Show>
              <Show when={!locked() && (view()!.violations.length > 0 || view()!.draft.version === 0)}><span class="muted" data-testid="submit-blocked">{t('report.submitBlocked')}</span></Show>
            </div>
          </>
        )}
      </AsyncView>
    </section>
  );
}
