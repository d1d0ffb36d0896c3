/**
 * /admin/import — 目录导入与导出: bring a spreadsheet of past disclosures into the catalog
 * (upload → column mapping → every row checked, nothing written → confirm → progress → result),
 * and download the catalog or the audit log. Admins and the disclosure office (publisher);
 * the server checks every step.
 */
import { createSignal, onCleanup, Show } from 'solid-js';
import { trpc } from '../trpc';
import { t } from '../i18n/i18n';
import { errorMessage } from '../errors';
import { usePageTitle } from '../components/page-title';
import { useSession } from '../session/SessionProvider';
import { ColumnMappingTable, type Mapping } from '../catalog-import/ColumnMappingTable';
import { ValidationReport, type Report } from '../catalog-import/ValidationReport';
import { ImportProgress, type JobView } from '../catalog-import/ImportProgress';
import { uploadCatalogFile, type Uploaded } from '../catalog-import/upload';
import '../catalog-import/catalog-import.css';
import { appUrl } from '../mount';

const POLL_MS = 400;

export function CatalogImportPage() {
  usePageTitle(() => t('import.title'));
  const session = useSession();
  const [file, setFile] = createSignal<File | null>(null);
  const [uploaded, setUploaded] = createSignal<Uploaded | null>(null);
  const [mapping, setMapping] = createSignal<Mapping>({});
  const [report, setReport] = createSignal<Report | null>(null);
  const [job, setJob] = createSignal<JobView | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));

  const run = async (call: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await call();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const upload = () =>
    run(async () => {
      const chosen = file();
      if (!chosen) throw new Error(t('import.chooseFile'));
      setReport(null);
      setJob(null);
      const result = await uploadCatalogFile(chosen);
      setUploaded(result);
      setMapping(result.mapping);
    });

  const check = () =>
    run(async () => {
      setReport(await trpc.catalogImport.check.mutate({ jobId: uploaded()!.jobId, mapping: mapping() }));
    });

  const poll = async (jobId: string) => {
    try {
      const view = await trpc.catalogImport.status.query({ jobId });
      setJob(view);
      if (view.phase === 'validating' || view.phase === 'writing') timer = setTimeout(() => void poll(jobId), POLL_MS);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const start = () =>
    run(async () => {
      const view = await trpc.catalogImport.start.mutate({ jobId: uploaded()!.jobId, mapping: mapping() });
      setJob(view);
      timer = setTimeout(() => void poll(view.jobId), POLL_MS);
    });

  const restart = () => {
    setUploaded(null);
    setReport(null);
    setJob(null);
    setFile(null);
  };

  const isAdmin = () => session.user()?.roles.includes('admin') ?? false;
  const started = () => job() !== null;

  return (
    <section class="catalog-import">
      <h1>{t('import.title')}</h1>
      <p class="page-intro">{t('import.intro')}</p>
      <Show when={error()}>
        <p class="notice notice-error" role="alert">{error()}</p>
      </Show>

      <section class="card" data-testid="import-upload">
        <h2>{t('import.step1')}</h2>
        <p>
          {t('import.template')} <a href={appUrl('/api/catalog-import/template.xlsx')} download="">{t('import.templateXlsx')}</a>
          {' · '}
          <a href={appUrl('/api/catalog-import/template.csv')} download="">{t('import.templateCsv')}</a>
        </p>
        <label class="field">
          <span>{t('import.file')}</span>
          <input type="file" accept=".xlsx,.csv" data-testid="import-file" disabled={busy() || started()} onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
        </label>
        <button type="button" class="button button-primary" disabled={busy() || !file() || started()} onClick={upload}>
          {t('import.upload')}
        </button>
      </section>

      <Show when={uploaded()}>
        {(u) => (
          <section class="card" data-testid="import-mapping">
            <h2>{t('import.step2')}</h2>
            <p class="muted">{t('import.mappingHint', { file: u().fileName })}</p>
            <ColumnMappingTable headers={u().headers} mapping={mapping()} disabled={busy() || started()} onChange={(m) => { setMapping(m); setReport(null); }} />
            <button type="button" class="button button-primary" disabled={busy() || started()} onClick={check}>
              {t('import.check')}
            </button>
          </section>
        )}
      </Show>

      <Show when={report()}>
        {(r) => (
          <section class="card" data-testid="import-report">
            <h2>{t('import.step3')}</h2>
            <ValidationReport report={r()} />
            <Show when={r().errorCount === 0 && r().valid > 0 && !started()}>
              <p>{t('import.confirmText', { n: r().valid })}</p>
              <button type="button" class="button button-primary" disabled={busy()} onClick={start} data-testid="import-start">
                {t('import.start', { n: r().valid })}
              </button>
            </Show>
          </section>
        )}
      </Show>

      <Show when={job()}>
        {(j) => (
          <section class="card" data-testid="import-progress">
            <h2>{t('import.step4')}</h2>
            <ImportProgress job={j()} />
            <Show when={j().phase === 'done' || j().phase === 'failed'}>
              <button type="button" class="button" onClick={restart}>{t('import.again')}</button>
            </Show>
          </section>
        )}
      </Show>

      <section class="card" data-testid="export-links">
        <h2>{t('import.exportTitle')}</h2>
        <p>
          {t('import.exportCatalog')} <a href={appUrl('/api/exports/catalog.xlsx')} download="">{t('import.xlsx')}</a>
          {' · '}
          <a href={appUrl('/api/exports/catalog.csv')} download="">{t('import.csv')}</a>
        </p>
        <p class="muted">{t('import.exportCatalogHint')}</p>
        <Show when={isAdmin()}>
          <p>
            {t('import.exportAudit')} <a href={appUrl('/api/exports/audit.xlsx')} download="">{t('import.xlsx')}</a>
            {' · '}
            <a href={appUrl('/api/exports/audit.csv')} download="">{t('import.csv')}</a>
          </p>
        </Show>
      </section>
    </section>
  );
}
