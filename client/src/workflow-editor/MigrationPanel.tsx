/**
 * 迁移在办文件 / 迁移在办申请: moves documents (release review) or requests (request flow) in
 * flight from one version to another. The admin maps each old step to a new one, looks at the
 * dry run (who moves where, who would be refused and why), and only then applies exactly the
 * previewed ones; the server refuses if the set changed in between. `api` is the family's.
 */
import { createEffect, createResource, createSignal, For, on, Show } from 'solid-js';
import type { LocalizedText } from '../../../workflows/definition';
import { trpc } from '../trpc';
import { localized, t } from '../i18n/i18n';
import { errorMessage } from '../errors';
import { defaultMapping } from './editor-ops';
import type { MigrationApi, MigrationPreview } from './migration-api';

/** What the panel reads of a definition of either family. */
interface StepsOf {
  steps: { id: string; kind: string; label: LocalizedText }[];
}

export interface VersionInfo {
  version: number;
  inFlight: number;
}

export function MigrationPanel(props: { workflowKey: string; versions: readonly VersionInfo[]; api: MigrationApi; onMigrated: () => void }) {
  const newest = () => Math.max(...props.versions.map((v) => v.version));
  const [fromVersion, setFromVersion] = createSignal(props.versions.find((v) => v.inFlight > 0 && v.version !== newest())?.version ?? props.versions[0]?.version ?? 1);
  const [toVersion, setToVersion] = createSignal(newest());
  const load = (version: number) => trpc.workflows.get.query({ key: props.workflowKey, version }).then((r) => r.definition as StepsOf);
  const [fromDef] = createResource(fromVersion, load);
  const [toDef] = createResource(toVersion, load);
  const [mapping, setMapping] = createSignal<Record<string, string>>({});
  const [preview, setPreview] = createSignal<MigrationPreview | null>(null);
  const [message, setMessage] = createSignal<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = createSignal(false);

  createEffect(
    on([fromDef, toDef], ([from, to]) => {
      if (from && to) setMapping(defaultMapping(from, to));
      setPreview(null);
    }),
  );
  createEffect(on([fromVersion, toVersion], () => setMessage(null)));

  const request = () => {
    const chosen = Object.fromEntries(Object.entries(mapping()).filter(([, to]) => to));
    return { key: props.workflowKey, fromVersion: fromVersion(), toVersion: toVersion(), mapping: chosen };
  };
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      await work();
    } catch (error) {
      setMessage({ kind: 'error', text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };
  const dryRun = () =>
    run(async () => {
      setPreview(await props.api.preview(request()));
    });
  const apply = () =>
    run(async () => {
      const ids = preview()?.moves.map((m) => m.id) ?? [];
      await props.api.apply(request(), ids);
      setMessage({ kind: 'success', text: t(props.api.text.migrated, { n: ids.length, v: toVersion() }) });
      setPreview(null);
      props.onMigrated();
    });
  const stepLabel = (def: StepsOf | undefined, id: string) => localized(def?.steps.find((s) => s.id === id)?.label) || id;
  const versionOption = (v: VersionInfo) => t('wfe.versionOption', { v: v.version, n: v.inFlight });

  return (
    <section class="card wf-migration" data-testid="migration" aria-labelledby="wf-migration-title">
      <h2 id="wf-migration-title">{t(props.api.text.title)}</h2>
      <p class="help">{t(props.api.text.intro)}</p>
      <div class="wf-two">
        <div class="field">
          <label for="migrate-from">{t('wfe.fromVersion')}</label>
          <select id="migrate-from" data-testid="migrate-from" value={fromVersion()} onChange={(e) => setFromVersion(Number(e.currentTarget.value))}>
            <For each={props.versions}>{(v) => <option value={v.version}>{versionOption(v)}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for="migrate-to">{t('wfe.toVersion')}</label>
          <select id="migrate-to" data-testid="migrate-to" value={toVersion()} onChange={(e) => setToVersion(Number(e.currentTarget.value))}>
            <For each={props.versions}>{(v) => <option value={v.version}>{t('wfe.versionN', { v: v.version })}</option>}</For>
          </select>
        </div>
      </div>
      <Show when={fromDef() && toDef()}>
        <table class="list-table wf-mapping" data-testid="migration-mapping">
          <thead>
            <tr>
              <th>{t('wfe.oldStep')}</th>
              <th>{t('wfe.newStep')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={Object.keys(mapping())}>
              {(from) => (
                <tr>
                  <td>{stepLabel(fromDef(), from)}</td>
                  <td>
                    <select
                      aria-label={t('wfe.mapFor', { step: stepLabel(fromDef(), from) })}
                      data-testid={`map-${from}`}
                      value={mapping()[from] ?? ''}
                      onChange={(e) => {
                        setMapping({ ...mapping(), [from]: e.currentTarget.value });
                        setPreview(null);
                      }}
                    >
                      <option value="">{t('wfe.notMapped')}</option>
                      <For each={toDef()!.steps.filter((s) => s.kind !== 'end')}>{(s) => <option value={s.id}>{localized(s.label)}</option>}</For>
                    </select>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <div class="buttons">
        <button type="button" class="button" data-testid="migration-preview" disabled={busy() || fromVersion() === toVersion()} onClick={dryRun}>
          {t('wfe.preview')}
        </button>
        <button type="button" class="button button-warning" data-testid="migration-apply" disabled={busy() || !preview() || preview()!.moves.length === 0} onClick={apply}>
          {t('wfe.apply')}
        </button>
      </div>
      <div aria-live="polite">
        <Show when={message()}>
          {(m) => (
            <p class={`notice notice-${m().kind}`} role={m().kind === 'error' ? 'alert' : 'status'} data-testid={`migration-${m().kind}`}>
              {m().text}
            </p>
          )}
        </Show>
      </div>
      <Show when={preview()}>
        {(p) => (
          <div data-testid="migration-result">
            <h3>{t('wfe.moves', { n: p().moves.length })}</h3>
            <Show when={p().moves.length > 0} fallback={<p class="muted">{t(props.api.text.noMoves)}</p>}>
              <table class="list-table">
                <thead>
                  <tr>
                    <th>{t(props.api.text.name)}</th>
                    <th>{t('wfe.oldStep')}</th>
                    <th>{t('wfe.newStep')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={p().moves}>
                    {(m) => (
                      <tr data-testid="migration-move">
                        <td>{m.name}</td>
                        <td>{stepLabel(fromDef(), m.fromStep)}</td>
                        <td>{stepLabel(toDef(), m.toStep)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </Show>
            <Show when={p().refused.length > 0}>
              <h3>{t('wfe.refused', { n: p().refused.length })}</h3>
              <table class="list-table">
                <thead>
                  <tr>
                    <th>{t(props.api.text.name)}</th>
                    <th>{t('wfe.oldStep')}</th>
                    <th>{t('wfe.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={p().refused}>
                    {(r) => (
                      <tr data-testid="migration-refused">
                        <td>{r.name}</td>
                        <td>{stepLabel(fromDef(), r.fromStep)}</td>
                        <td>{localized(r.reason)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </Show>
          </div>
        )}
      </Show>
    </section>
  );
}
