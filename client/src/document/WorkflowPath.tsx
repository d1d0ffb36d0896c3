/**
 * 审查流程 on the document page: the graph of the workflow version the document is pinned
 * to, with its current step and the steps it has passed. The graph code (and elkjs) loads
 * after the page, so a document opens as fast as before. Reloads with the document.
 */
import { createResource, lazy, Show, Suspense } from 'solid-js';
import type { WorkflowDefinition } from '../../../workflows/definition';
import { trpc } from '../trpc';
import { localized, t } from '../i18n/i18n';

const WorkflowGraph = lazy(() => import('../workflow-graph/WorkflowGraph').then((m) => ({ default: m.WorkflowGraph })));

/** `version` is the document's row version: a change (an action) refetches the path. */
export function WorkflowPath(props: { documentId: string; version: number }) {
  const [path] = createResource(
    () => ({ documentId: props.documentId, version: props.version }),
    ({ documentId }) => trpc.workflows.documentPath.query({ documentId }),
  );
  return (
    // Read only once loaded: `latest` would suspend the page while loading and throw after an
    // error (a reader who may see the document but not its path simply gets no graph).
    <Show when={path.state === 'ready' || path.state === 'refreshing' ? path.latest : undefined}>
      {(p) => (
        <section class="card doc-flow" data-testid="document-flow" aria-labelledby="doc-flow-title">
          <h2 id="doc-flow-title">{t('doc.flowTitle')}</h2>
          <p class="muted small">{t('doc.flowIntro', { name: localized((p().definition as WorkflowDefinition).name), v: (p().definition as WorkflowDefinition).version })}</p>
          <Suspense fallback={<p class="muted small">{t('common.loading')}</p>}>
            <WorkflowGraph
              definition={p().definition as WorkflowDefinition}
              currentStep={p().currentStep}
              visitedSteps={p().visitedSteps}
              guardLabels={p().guardLabels}
              compact
              testId="document-graph"
            />
          </Suspense>
        </section>
      )}
    </Show>
  );
}
