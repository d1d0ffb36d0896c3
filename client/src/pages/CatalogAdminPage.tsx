/**
 * /admin/catalog — 目录与科室: each category's name, portal column, statutory clock rule,
 * annual-report cell and drafting form, and the bureau's departments. Each row is saved on
 * its own; the server audits every change with what it was before.
 */
import { createResource, createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { trpc } from '../trpc';
import { localized, t } from '../i18n/i18n';
import { errorMessage } from '../errors';
import { AsyncView } from '../components/AsyncView';
import { usePageTitle } from '../components/page-title';
import '../form-builder/form-builder.css';

type Settings = Awaited<ReturnType<typeof trpc.catalogAdmin.settings.query>>;
type Category = Settings['categories'][number];

export function CatalogAdminPage() {
  usePageTitle(() => t('catAdmin.title'));
  const [settings, { refetch }] = createResource(() => trpc.catalogAdmin.settings.query());
  return (
    <section class="catalog-admin">
      <h1>{t('catAdmin.title')}</h1>
      <p class="page-intro">{t('catAdmin.intro')}</p>
      <AsyncView resource={settings} onRetry={refetch}>
        {(s) => (
          <>
            <section class="card">
              <h2>{t('catAdmin.categories')}</h2>
              <div class="table-scroll">
                <table class="list-table cat-table">
                  <thead>
                    <tr>
                      <th>{t('catAdmin.code')}</th>
                      <th>{t('catAdmin.nameZh')}</th>
                      <th>{t('catAdmin.nameEn')}</th>
                      <th>{t('catAdmin.column')}</th>
                      <th>{t('catAdmin.clockRule')}</th>
                      <th>{t('catAdmin.reportCell')}</th>
                      <th>{t('catAdmin.form')}</th>
                      <th>{t('catAdmin.requiresDisclosure')}</th>
                      <th />
                    </tr>
                  </thead>
                  <tbody>
                    <For each={s().categories}>{(c) => <CategoryRow category={c} settings={s()} />}</For>
                  </tbody>
                </table>
              </div>
            </section>
            <DepartmentsCard settings={s()} onChanged={() => void refetch()} />
          </>
        )}
      </AsyncView>
    </section>
  );
}

function CategoryRow(props: { category: Category; settings: Settings }) {
  const [row, setRow] = createStore({ ...props.category });
  const [message, setMessage] = createSignal<{ ok: boolean; text: string } | null>(null);
  const [saving, setSaving] = createSignal(false);
  const save = async () => {
    setSaving(true);
    setMessage(null);
    try {
      const { nameZh, nameEn, column, clockRule, reportCell, formKey, requiresDisclosure } = row;
      await trpc.catalogAdmin.updateCategory.mutate({ id: row.id, settings: { nameZh, nameEn, column, clockRule, reportCell, formKey, requiresDisclosure } });
      setMessage({ ok: true, text: t('catAdmin.saved') });
    } catch (error) {
      setMessage({ ok: false, text: errorMessage(error) });
    } finally {
      setSaving(false);
    }
  };
  const label = (name: string) => `${row.code} ${name}`;
  return (
    <tr data-testid="category-row" data-code={row.code}>
      <td class="mono">{row.code}</td>
      <td>
        <input aria-label={label(t('catAdmin.nameZh'))} value={row.nameZh} onInput={(e) => setRow('nameZh', e.currentTarget.value)} />
      </td>
      <td>
        <input aria-label={label(t('catAdmin.nameEn'))} value={row.nameEn} onInput={(e) => setRow('nameEn', e.currentTarget.value)} />
      </td>
      <td>
        <input aria-label={label(t('catAdmin.column'))} value={row.column} onInput={(e) => setRow('column', e.currentTarget.value)} />
      </td>
      <td>
        <select aria-label={label(t('catAdmin.clockRule'))} data-testid="clock-rule" value={row.clockRule ?? ''} onChange={(e) => setRow('clockRule', e.currentTarget.value || null)}>
          <option value="">{t('catAdmin.none')}</option>
          <For each={props.settings.clockRules}>{(r) => <option value={r.key}>{localized(r.label)}</option>}</For>
        </select>
      </td>
      <td>
        <select aria-label={label(t('catAdmin.reportCell'))} data-testid="report-cell" value={row.reportCell ?? ''} onChange={(e) => setRow('reportCell', e.currentTarget.value || null)}>
          <option value="">{t('catAdmin.none')}</option>
          <For each={props.settings.reportCells}>{(cell) => <option value={cell.key}>{localized(cell.label)}</option>}</For>
        </select>
      </td>
      <td>
        <select aria-label={label(t('catAdmin.form'))} data-testid="form-key" value={row.formKey} onChange={(e) => setRow('formKey', e.currentTarget.value)}>
          <For each={props.settings.formKeys}>{(key) => <option value={key}>{key}</option>}</For>
        </select>
      </td>
      <td>
        <input type="checkbox" aria-label={label(t('catAdmin.requiresDisclosure'))} checked={row.requiresDisclosure} onChange={(e) => setRow('requiresDisclosure', e.currentTarget.checked)} />
      </td>
      <td class="nowrap">
        <button type="button" class="button button-small" data-testid="save-category" disabled={saving()} onClick={() => void save()}>
          {t('catAdmin.save')}
        </button>
        <Show when={message()}>
          {(m) => (
            <span class={m().ok ? 'muted' : 'field-error'} role={m().ok ? 'status' : 'alert'} data-testid="category-message">
              {m().text}
            </span>
          )}
        </Show>
      </td>
    </tr>
  );
}

function DepartmentsCard(props: { settings: Settings; onChanged: () => void }) {
  const [code, setCode] = createSignal('');
  const [name, setName] = createSignal('');
  const [message, setMessage] = createSignal<{ ok: boolean; text: string } | null>(null);
  const run = async (action: () => Promise<unknown>) => {
    setMessage(null);
    try {
      await action();
      setMessage({ ok: true, text: t('catAdmin.saved') });
      props.onChanged();
    } catch (error) {
      setMessage({ ok: false, text: errorMessage(error) });
    }
  };
  return (
    <section class="card">
      <h2>{t('catAdmin.departments')}</h2>
      <table class="list-table">
        <thead>
          <tr>
            <th>{t('catAdmin.code')}</th>
            <th>{t('catAdmin.deptName')}</th>
            <th>{t('catAdmin.people')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          <For each={props.settings.departments}>
            {(d) => {
              const [draft, setDraft] = createSignal(d.name);
              return (
                <tr data-testid="department-row" data-code={d.code}>
                  <td class="mono">{d.code}</td>
                  <td>
                    <input aria-label={`${d.code} ${t('catAdmin.deptName')}`} value={draft()} onInput={(e) => setDraft(e.currentTarget.value)} />
                  </td>
                  <td>{d.users}</td>
                  <td>
                    <button type="button" class="button button-small" disabled={draft() === d.name} onClick={() => void run(() => trpc.catalogAdmin.renameDepartment.mutate({ id: d.id, name: draft() }))}>
                      {t('catAdmin.rename')}
                    </button>
                  </td>
                </tr>
              );
            }}
          </For>
        </tbody>
      </table>
      <form
        class="cat-add"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            await trpc.catalogAdmin.createDepartment.mutate({ code: code().trim(), name: name().trim() });
            setCode('');
            setName('');
          });
        }}
      >
        <label>
          {t('catAdmin.code')}
          <input class="mono" value={code()} onInput={(e) => setCode(e.currentTarget.value)} />
        </label>
        <label>
          {t('catAdmin.deptName')}
          <input value={name()} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button">
          {t('catAdmin.addDepartment')}
        </button>
      </form>
      <Show when={message()}>
        {(m) => (
          <p class={`notice ${m().ok ? 'notice-success' : 'notice-error'}`} role={m().ok ? 'status' : 'alert'}>
            {m().text}
          </p>
        )}
      </Show>
    </section>
  );
}
