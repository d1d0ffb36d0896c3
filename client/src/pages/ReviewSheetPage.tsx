/**
 * /documents/:id/sheet — the printable 政府信息公开发布审查表 of one document. On screen an
 * A4 sheet with a toolbar; printed (A4, see review-sheet.css) only the sheet itself.
 * The server decides who may load the document, exactly as for the document page.
 */
import { createResource, Show } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import { trpc } from '../trpc';
import { t } from '../i18n/i18n';
import { AsyncView } from '../components/AsyncView';
import { usePageTitle } from '../components/page-title';
import { useSession } from '../session/SessionProvider';
import { ReviewSheet, SHEET_TITLE } from '../sheet/ReviewSheet';
import '../sheet/review-sheet.css';

export function ReviewSheetPage() {
  const params = useParams<{ id: string }>();
  return (
    <Show when={params.id} keyed>
      {(id) => <SheetScreen id={id} />}
    </Show>
  );
}

function SheetScreen(props: { id: string }) {
  const session = useSession();
  const [doc, { refetch }] = createResource(() => props.id, (id) => trpc.documents.get.query({ id }));
  // Also the file name a browser suggests for 「另存为 PDF」.
  usePageTitle(() => (doc.state === 'ready' || doc.state === 'refreshing' ? `${SHEET_TITLE}-${doc.latest?.title ?? ''}` : SHEET_TITLE));
  return (
    <div class="sheet-page">
      <div class="sheet-toolbar no-print">
        <A href={`/documents/${props.id}`} class="button" data-testid="sheet-back">
          {t('sheet.back')}
        </A>
        <button type="button" class="button button-primary" data-testid="print-sheet" onClick={() => window.print()}>
          {t('sheet.print')}
        </button>
        <span class="muted small">{t('sheet.hint')}</span>
      </div>
      <AsyncView resource={doc} onRetry={refetch}>
        {(d) => <ReviewSheet doc={d()} printedBy={session.user()?.displayName ?? ''} />}
      </AsyncView>
    </div>
  );
}
