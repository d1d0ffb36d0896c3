/** The catalog metadata of a document and where it stands in review. */
import { For, Show } from 'solid-js';
import { localized, t } from '../i18n/i18n';
import { formatDateTime } from '../i18n/format';
import { attributeLabel, legalGroundLabel, validityLabel } from '../i18n/labels';
import type { DocumentView } from '../trpc';
import { FieldValue } from './FieldValue';

export function DocumentMeta(props: { doc: DocumentView }) {
  const flags = () =>
    [props.doc.hasStatistics && t('doc.hasStatistics'), props.doc.isMajorMatter && t('doc.isMajorMatter')].filter(Boolean).join('、');
  return (
    <dl class="meta">
      <Show when={props.doc.indexNumber}>
        <div>
          <dt>{t('doc.indexNumber')}</dt>
          <dd class="mono" data-testid="index-number">
            {props.doc.indexNumber}
          </dd>
        </div>
      </Show>
      <div>
        <dt>{t('doc.docNumber')}</dt>
        <dd>{props.doc.docNumber || '—'}</dd>
      </div>
      <div>
        <dt>{t('doc.category')}</dt>
        <dd>{props.doc.category.name}</dd>
      </div>
      <div>
        <dt>{t('doc.writtenAt')}</dt>
        <dd>{props.doc.writtenAt}</dd>
      </div>
      <div>
        <dt>{t('doc.attribute')}</dt>
        <dd>
          <span class={`attr attr-${props.doc.attribute}`}>{attributeLabel(props.doc.attribute)}</span>
        </dd>
      </div>
      <Show when={props.doc.legalGround}>
        <div>
          <dt>{t('doc.legalGround')}</dt>
          <dd>{legalGroundLabel(props.doc.legalGround)}</dd>
        </div>
      </Show>
      <Show when={props.doc.attributeReason}>
        <div class="meta-wide">
          <dt>{t('doc.attributeReason')}</dt>
          <dd class="pre">{props.doc.attributeReason}</dd>
        </div>
      </Show>
      <Show when={props.doc.channels.length > 0}>
        <div>
          <dt>{t('doc.channels')}</dt>
          <dd>
            {/* In the admins' order, by the names they set (a channel disabled since keeps its name). */}
            <For each={props.doc.channelChoices.filter((c) => props.doc.channels.includes(c.key))}>{(c) => <span class="tag">{localized(c.label)}</span>}</For>
          </dd>
        </div>
      </Show>
      <Show when={flags()}>
        <div>
          <dt>{t('doc.flags')}</dt>
          <dd>{flags()}</dd>
        </div>
      </Show>
      {/* Fields an admin added to the form version this document was filled with. */}
      <For each={props.doc.extraFields}>
        {(field) => (
          <div data-testid="extra-field" data-key={field.key} classList={{ 'meta-wide': field.type === 'richtext' || field.type === 'group' || field.type === 'file' }}>
            <dt>{localized(field.label)}</dt>
            <dd>
              <FieldValue field={field} />
            </dd>
          </div>
        )}
      </For>
      <div>
        <dt>{t('doc.drafter')}</dt>
        <dd>
          {props.doc.drafter.name} / {props.doc.departmentName}
        </dd>
      </div>
      <Show when={props.doc.publishedAt}>
        <div>
          <dt>{t('doc.publishedAt')}</dt>
          <dd>{formatDateTime(props.doc.publishedAt)}</dd>
        </div>
      </Show>
      <Show when={props.doc.status === 'published'}>
        <div>
          <dt>{t('doc.validity')}</dt>
          <dd>
            <span class={`validity validity-${props.doc.validity}`} data-testid="validity-current">
              {validityLabel(props.doc.validity)}
            </span>
          </dd>
        </div>
      </Show>
      <Show when={props.doc.withdrawReason}>
        <div class="meta-wide">
          <dt>{t('doc.withdrawReason')}</dt>
          <dd>
            {props.doc.withdrawReason}（{formatDateTime(props.doc.withdrawnAt)}）
          </dd>
        </div>
      </Show>
    </dl>
  );
}
