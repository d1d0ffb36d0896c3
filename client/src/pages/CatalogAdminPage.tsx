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
import { ListTable } from '../components/ListTable';
import { OutcomeNotice, type Outcome } from '../components/OutcomeNotice';
import '../form-builder/form-builder.css';
import '../forms/form-fields.css';

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
                <ListTable
                  class="cat-table"
                  columns={[t('catAdmin.code'), t('catAdmin.nameZh'), t('catAdmin.nameEn'), t('catAdmin.column'), t('catAdmin.clockRule'), t('catAdmin.reportCell'), t('catAdmin.form'), t('catAdmin.requiresDisclosure')]}
                  actions
                  rows={s().categories}
                >
                  {(c) => <CategoryRow category={c} settings={s()} />}
                </ListTable>
              </div>
              <NewCategoryForm settings={s()} onCreated={() => void refetch()} />
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
  const [message, setMessage] = createSignal<Outcome | null>(null);
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
  const [message, setMessage] = createSignal<Outcome | null>(null);
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
      <ListTable columns={[t('catAdmin.code'), t('catAdmin.deptName'), t('catAdmin.people')]} actions rows={props.settings.departments}>
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
      </ListTable>
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
      <OutcomeNotice outcome={message()} />
    </section>
  );
}

const CODE = /^[a-z][a-z0-9_-]{0,39}$/;

/**
 * 新增分类: a new category at the end of the catalog. Checked here for the obvious mistakes
 * and again by the server (its refusal is shown as worded); the change is one transaction
 * with its audit row, which the success message points to.
 */
function NewCategoryForm(props: { settings: Settings; onCreated: () => void }) {
  const blank = () => ({ code: '', nameZh: '', nameEn: '', column: '', clockRule: null as string | null, reportCell: null as string | null, formKey: props.settings.formKeys[0] ?? 'draft_document', requiresDisclosure: false });
  const [input, setInput] = createStore(blank());
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [message, setMessage] = createSignal<Outcome | null>(null);
  const [saving, setSaving] = createSignal(false);
  const check = () => {
    const found: Record<string, string> = {};
    if (!CODE.test(input.code.trim())) found.code = t('catAdmin.codeInvalid');
    else if (props.settings.categories.some((c) => c.code === input.code.trim())) found.code = t('catAdmin.codeTaken');
    if (!input.nameZh.trim()) found.nameZh = t('catAdmin.nameRequired');
    if (!input.column.trim()) found.column = t('catAdmin.columnRequired');
    setErrors(found);
    return Object.keys(found).length === 0;
  };
  const create = async (event: SubmitEvent) => {
    event.preventDefault();
    setMessage(null);
    if (!check()) return;
    setSaving(true);
    try {
      await trpc.catalogAdmin.createCategory.mutate({ ...input, code: input.code.trim(), nameZh: input.nameZh.trim(), nameEn: input.nameEn.trim(), column: input.column.trim() });
      setMessage({ ok: true, text: t('catAdmin.created', { name: input.nameZh.trim(), code: input.code.trim() }) });
      setInput(blank());
      props.onCreated();
    } catch (error) {
      setMessage({ ok: false, text: errorMessage(error) });
    } finally {
      setSaving(false);
    }
  };
  const err = (key: string) => (
    <Show when={errors()[key]}>
      <span class="field-error" role="alert">
        {errors()[key]}
      </span>
    </Show>
  );
  return (
    <form class="cat-new" onSubmit={create} noValidate data-testid="new-category">
      <h3>{t('catAdmin.newCategory')}</h3>
      <div class="cat-new-grid">
        <label>
          <span>{t('catAdmin.code')}</span>
          <input class="mono" data-testid="new-category-code" value={input.code} placeholder={t('catAdmin.codePlaceholder')} aria-invalid={Boolean(errors().code)} onInput={(e) => setInput('code', e.currentTarget.value)} />
          {err('code')}
        </label>
        <label>
          <span>{t('catAdmin.nameZh')}</span>
          <input data-testid="new-category-name" value={input.nameZh} aria-invalid={Boolean(errors().nameZh)} onInput={(e) => setInput('nameZh', e.currentTarget.value)} />
          {err('nameZh')}
        </label>
        <label>
          <span>{t('catAdmin.nameEn')}</span>
          <input value={input.nameEn} onInput={(e) => setInput('nameEn', e.currentTarget.value)} />
        </label>
        <label>
          <span>{t('catAdmin.column')}</span>
          <input data-testid="new-category-column" value={input.column} aria-invalid={Boolean(errors().column)} onInput={(e) => setInput('column', e.currentTarget.value)} />
          {err('column')}
        </label>
        <label>
          <span>{t('catAdmin.clockRule')}</span>
          <select value={input.clockRule ?? ''} onChange={(e) => setInput('clockRule', e.currentTarget.value || null)}>
            <option value="">{t('catAdmin.none')}</option>
            <For each={props.settings.clockRules}>{(r) => <option value={r.key}>{localized(r.label)}</option>}</For>
          </select>
        </label>
        <label>
          <span>{t('catAdmin.reportCell')}</span>
          <select value={input.reportCell ?? ''} onChange={(e) => setInput('reportCell', e.currentTarget.value || null)}>
            <option value="">{t('catAdmin.none')}</option>
            <For each={props.settings.reportCells}>{(cell) => <option value={cell.key}>{localized(cell.label)}</option>}</For>
          </select>
        </label>
        <label>
          <span>{t('catAdmin.form')}</span>
          <select value={input.formKey} onChange={(e) => setInput('formKey', e.currentTarget.value)}>
            <For each={props.settings.formKeys}>{(key) => <option value={key}>{key}</option>}</For>
          </select>
        </label>
        <label class="choice">
          <input type="checkbox" checked={input.requiresDisclosure} onChange={(e) => setInput('requiresDisclosure', e.currentTarget.checked)} />
          <span>{t('catAdmin.requiresDisclosure')}</span>
        </label>
      </div>
      <button type="submit" class="button button-primary" data-testid="new-category-create" disabled={saving()}>
        {t('catAdmin.addCategory')}
      </button>
      <OutcomeNotice outcome={message()} testId="new-category-message" />
    </form>
  );
}
