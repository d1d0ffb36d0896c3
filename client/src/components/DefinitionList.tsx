/**
 * The admin lists of versioned definitions (表单管理 /admin/forms, 流程管理 /admin/workflows):
 * one card per definition with its name, key and edit link over the table of its versions —
 * the latest marked, who published each and when, and how many items in flight still run on
 * it (they keep their version until an admin migrates them). One shell so both lists read and
 * behave alike; each page passes only what differs (a badge, a note, an extra column).
 */
import { For, Show, type JSX, type Resource } from 'solid-js';
import { A } from '@solidjs/router';
import { t } from '../i18n/i18n';
import { formatDateTime } from '../i18n/format';
import { AsyncView } from './AsyncView';
import { ListTable } from './ListTable';
import './definition-list.css';

/** One stored version as the admin list services give it. */
export interface DefinitionVersion {
  version: number;
  publishedAt: number | null;
  publishedBy: string | null;
  inFlight: number;
}

/** The page: title and intro, then one card per definition, or the empty message. */
export function DefinitionListPage<T>(props: {
  class: string;
  title: string;
  intro: string;
  empty: string;
  list: Resource<T[]>;
  onRetry: () => void;
  /** Shown between the intro and the list (a form to create a definition). */
  before?: JSX.Element;
  children: (item: T) => JSX.Element;
}) {
  return (
    <section class={props.class}>
      <h1>{props.title}</h1>
      <p class="page-intro">{props.intro}</p>
      {props.before}
      <AsyncView resource={props.list} onRetry={props.onRetry}>
        {(items) => (
          <For each={items()} fallback={<p class="empty">{props.empty}</p>}>
            {(item) => props.children(item)}
          </For>
        )}
      </AsyncView>
    </section>
  );
}

/** A column a list adds after the version number. */
export interface VersionColumn<V> {
  label: string;
  cell: (version: V) => JSX.Element;
}

export function DefinitionCard<V extends DefinitionVersion>(props: {
  testId: string;
  definitionKey: string;
  title: string;
  editHref: string;
  editLabel: string;
  editTestId: string;
  /** After the key in the header. */
  badges?: JSX.Element;
  /** Between the header and the versions. */
  note?: JSX.Element;
  versions: readonly V[];
  latestVersion: number;
  versionTestId: string;
  extraColumns?: readonly VersionColumn<V>[];
  inFlightLabel: string;
}) {
  const extra = () => props.extraColumns ?? [];
  const newestFirst = () => [...props.versions].sort((a, b) => b.version - a.version);
  return (
    <section class="card" data-testid={props.testId} data-key={props.definitionKey}>
      <header class="definition-head">
        <h2>{props.title}</h2>
        <span class="muted mono">{props.definitionKey}</span>
        {props.badges}
        <A href={props.editHref} class="button button-primary button-small" data-testid={props.editTestId}>
          {props.editLabel}
        </A>
      </header>
      {props.note}
      <ListTable columns={[t('defList.version'), ...extra().map((c) => c.label), t('defList.publishedAt'), t('defList.publishedBy'), props.inFlightLabel]} rows={newestFirst()}>
        {(v) => (
          <tr data-testid={props.versionTestId}>
            <td>
              {t('defList.versionN', { v: v.version })}
              <Show when={v.version === props.latestVersion}>
                {' '}
                <span class="badge badge-published">{t('defList.latest')}</span>
              </Show>
            </td>
            <For each={extra()}>{(c) => <td data-label={c.label}>{c.cell(v)}</td>}</For>
            <td data-label={t('defList.publishedAt')} class="nowrap">
              {v.publishedAt ? formatDateTime(v.publishedAt) : t('defList.shipped')}
            </td>
            <td data-label={t('defList.publishedBy')}>{v.publishedBy ?? t('defList.shipped')}</td>
            <td data-label={props.inFlightLabel} data-testid="in-flight">
              {v.inFlight}
            </td>
          </tr>
        )}
      </ListTable>
    </section>
  );
}
