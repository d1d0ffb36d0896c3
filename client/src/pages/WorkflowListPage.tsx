/**
 * /admin/workflows — 流程管理: every workflow definition with its versions, who published
 * each and how many documents are still in flight on it (they stay on their version until
 * an admin migrates them).
 */
import { createResource } from 'solid-js';
import { trpc } from '../trpc';
import { localized, t } from '../i18n/i18n';
import { DefinitionCard, DefinitionListPage } from '../components/DefinitionList';
import { usePageTitle } from '../components/page-title';

export function WorkflowListPage() {
  usePageTitle(() => t('wfe.listTitle'));
  const [list, { refetch }] = createResource(() => trpc.workflows.list.query());
  return (
    <DefinitionListPage class="wf-list-page" title={t('wfe.listTitle')} intro={t('wfe.listIntro')} empty={t('wfe.listEmpty')} list={list} onRetry={refetch}>
      {(wf) => (
        <DefinitionCard
          testId="workflow-item"
          definitionKey={wf.key}
          title={localized(wf.name)}
          editHref={`/admin/workflows/${wf.key}`}
          editLabel={t('wfe.edit')}
          editTestId="edit-workflow"
          versions={wf.versions}
          latestVersion={wf.latestVersion}
          versionTestId="workflow-version"
          inFlightLabel={t(wf.flow === 'request' ? 'rfe.inFlight' : 'wfe.inFlight')}
        />
      )}
    </DefinitionListPage>
  );
}
