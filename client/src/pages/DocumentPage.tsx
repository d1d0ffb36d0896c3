/**
 * /documents/:id — everything about one document for someone allowed to see it, and
 * the actions the server says they may take. After an action the data reloads in place.
 */
import { createResource, Show } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import { trpc } from '../trpc';
import { localized, t } from '../i18n/i18n';
import { AsyncView } from '../components/AsyncView';
import { StatusBadge } from '../components/StatusBadge';
import { HighlightedBody } from '../components/HighlightedBody';
import { usePageTitle } from '../components/page-title';
import { DocumentMeta } from '../document/DocumentMeta';
import { PrivacyWarning } from '../document/PrivacyWarning';
import { RedactionReview } from '../document/RedactionReview';
import { ReturnNotice } from '../document/ReturnNotice';
import { AttachmentList } from '../document/AttachmentList';
import { ActionPanel } from '../document/ActionPanel';
import { SeatProgress } from '../document/SeatProgress';
import { ReviewRecords } from '../document/ReviewRecords';
import { HistoryTimeline } from '../document/HistoryTimeline';
import { PolicyPair } from '../document/PolicyPair';
import { ValidityPanel } from '../document/ValidityPanel';
import { WorkflowPath } from '../document/WorkflowPath';
import { ChannelProofsPanel } from '../channel-proofs/ChannelProofsPanel';

export function DocumentPage() {
  const params = useParams<{ id: string }>();
  // Keyed: another document gets a fresh page, not this one's typed opinion.
  return (
    <Show when={params.id} keyed>
      {(id) => <DocumentScreen id={id} />}
    </Show>
  );
}

function DocumentScreen(props: { id: string }) {
  const [doc, { refetch }] = createResource(() => props.id, (id) => trpc.documents.get.query({ id }));
  usePageTitle(() => (doc.state === 'ready' || doc.state === 'refreshing' ? (doc.latest?.title ?? '') : ''));
  return (
    <AsyncView resource={doc} onRetry={refetch}>
      {(d) => (
        <article class="document">
          <header class="doc-head">
            <div class="doc-head-main">
              <h1>{d().title}</h1>
              <div class="doc-state">
                <span class="muted">{t('doc.stepPrefix')}</span>
                <strong data-testid="doc-status">{localized(d().currentStep.name)}</strong>
                <StatusBadge status={d().status} />
              </div>
            </div>
            <div class="doc-tools no-print">
              <A href={`/documents/${d().id}/sheet`} class="button button-small" data-testid="open-sheet">
                {t('doc.openSheet')}
              </A>
            </div>
          </header>
          <ReturnNotice doc={d()} />
          <div class="doc-layout">
            <div class="doc-main">
              <section class="card doc-meta-card">
                <DocumentMeta doc={d()} />
              </section>
              <PolicyPair doc={d()} />
              <Show when={d().warnings.includes('category_requires_disclosure')}>
                <p class="notice notice-warning" data-testid="warning-requires-disclosure">{t('doc.warningRequiresDisclosure')}</p>
              </Show>
              <PrivacyWarning doc={d()} reload={refetch} />
              <section class="card doc-body-card">
                <h2>{t('doc.body')}</h2>
                <Show when={d().redactions.length > 0}>
                  <p class="muted small">{t('doc.redactionLegend')}</p>
                </Show>
                <HighlightedBody body={d().body} redactions={d().redactions} />
              </section>
              <RedactionReview doc={d()} reload={refetch} />
              <div class="doc-attachments">
                <AttachmentList doc={d()} onUploaded={refetch} />
              </div>
              <div class="doc-reviews">
                <ReviewRecords reviews={d().reviews} />
              </div>
              <div class="doc-flow-wrap">
                <WorkflowPath documentId={d().id} version={d().version} />
              </div>
              <div class="doc-history">
                <HistoryTimeline history={d().history} />
              </div>
            </div>
            <aside class="doc-side">
              <SeatProgress doc={d()} />
              <ActionPanel doc={d} reload={refetch} />
              <ValidityPanel doc={d} reload={refetch} />
              <ChannelProofsPanel doc={d} />
            </aside>
          </div>
        </article>
      )}
    </AsyncView>
  );
}
