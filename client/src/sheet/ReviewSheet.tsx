/**
 * 政府信息公开发布审查表: the paper a 公开办 files for one document, built from the same
 * view the document page shows. Always in Chinese and CST: it is a form of the bureau,
 * not a screen of the app. Only people with a part in the review can load the view, so
 * the removed passages are printed beside their reasons for the file copy.
 */
import { FieldValue } from '../document/FieldValue';
import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { ATTRIBUTE_LABELS, FIVE_CHECKS, FIVE_CHECK_LABELS, LEGAL_GROUND_LABELS, PUBLISHABLE_ATTRIBUTES, type FiveCheck } from '../../../forms/disclosure';
import { zh, type MessageKey } from '../i18n/zh';
import type { DocumentView } from '../trpc';
import { sheetCalendarDate, sheetDate, sheetDateTime, sheetDecision, sheetTime } from './sheet-format';

type Review = DocumentView['reviews'][number];

export const SHEET_TITLE = '政府信息公开发布审查表';

const zhOf = <K extends string>(labels: Record<K, { zh: string }>, key: string | null | undefined) => (key ? (labels[key as K]?.zh ?? key) : '');
const statusZh = (status: string) => {
  const key = `status.${status}` as MessageKey;
  return key in zh ? zh[key] : status;
};

/** A box mark as a printed form has it: ☑ ticked, ☐ not. */
function Mark(props: { on: boolean; label: string }) {
  return (
    <span class="sheet-mark" classList={{ 'sheet-mark-on': props.on }}>
      <span class="sheet-box" aria-hidden="true">
        {props.on ? '☑' : '☐'}
      </span>
      {props.label}
    </span>
  );
}

/** The bureau's name when the server sends one (`bureauName`); the sheet still works without. */
function bureauOf(doc: DocumentView): string {
  return 'bureauName' in doc && typeof doc.bureauName === 'string' ? doc.bureauName : '';
}

/** The five checks of an approval; null for records that carry none (submit, return, publish…). */
function checksOf(review: Review): Partial<Record<FiveCheck, boolean>> | null {
  const c = review.checks;
  return c && typeof c === 'object' ? (c as Partial<Record<FiveCheck, boolean>>) : null;
}

/** Where a return sent the document: the audit entry written in the same instant says. */
function returnTargetOf(doc: DocumentView, review: Review): string {
  if (review.decision !== 'return') return '';
  const entry = doc.history.find((h) => h.action === 'review.return' && h.at === review.at);
  return entry?.toLabel ?? '';
}

function DecisionCell(props: { doc: DocumentView; review: Review }) {
  const decision = () => {
    const target = returnTargetOf(props.doc, props.review);
    return target ? `${sheetDecision(props.review.decision)}至${target}` : sheetDecision(props.review.decision);
  };
  // 「同意」 with the opinion 「同意。」 is printed once.
  const opinion = () => {
    const text = (props.review.opinion ?? '').trim();
    return text.replace(/[。.！!\s]/g, '') === sheetDecision(props.review.decision) ? '' : text;
  };
  return (
    <td class="sheet-opinion">
      <strong class={`sheet-decision sheet-decision-${props.review.decision}`}>{decision()}</strong>
      <Show when={opinion()}>
        <span class="sheet-opinion-text">{opinion()}</span>
      </Show>
      {/* The step's opinion form (审查意见表), as the reviewer filled it. */}
      <For each={props.review.form?.fields ?? []}>
        {(field) => (
          <span class="sheet-opinion-text" data-testid="sheet-opinion-form-field">
            {field.label.zh}：<FieldValue field={field} zhOnly />
          </span>
        )}
      </For>
    </td>
  );
}

function ReviewRow(props: { doc: DocumentView; review: Review; showRound: boolean }) {
  const checks = () => checksOf(props.review);
  return (
    <tr class="sheet-review-row" data-testid="sheet-review">
      <td class="sheet-center">
        {props.review.stepLabel}
        <Show when={props.showRound}>
          <span class="sheet-round">第{props.review.round}轮</span>
        </Show>
      </td>
      <td class="sheet-center" data-testid="sheet-reviewer">
        {props.review.reviewerName}
      </td>
      <Show
        when={checks()}
        fallback={
          <td class="sheet-center sheet-na" colSpan={FIVE_CHECKS.length}>
            —
          </td>
        }
      >
        {(c) => (
          <For each={FIVE_CHECKS}>
            {(key) => (
              <td class="sheet-center sheet-check" data-testid="sheet-check" aria-label={`${FIVE_CHECK_LABELS[key].zh}：${c()[key] === true ? '已审' : '未勾选'}`}>
                {c()[key] === true ? '☑' : '☐'}
              </td>
            )}
          </For>
        )}
      </Show>
      <DecisionCell doc={props.doc} review={props.review} />
      <td class="sheet-center sheet-time">
        <span class="sheet-nowrap">{sheetDate(props.review.at)}</span> <span class="sheet-nowrap">{sheetTime(props.review.at)}</span>
      </td>
    </tr>
  );
}

function RedactionList(props: { doc: DocumentView }) {
  return (
    <Show when={props.doc.redactions.length > 0} fallback={<span>无</span>}>
      <p class="sheet-line">共 {props.doc.redactions.length} 处：</p>
      <ol class="sheet-redactions">
        <For each={props.doc.redactions}>
          {(r) => (
            <li data-testid="sheet-redaction">
              <span class="sheet-passage">「{props.doc.body.slice(r.start, r.end)}」</span>
              <span>
                <Show when={r.ground}>删减依据：{zhOf(LEGAL_GROUND_LABELS, r.ground)}；</Show>
                理由：{r.reason}
                <Show when={r.confirmedAt}>（保密审查已确认）</Show>
              </span>
            </li>
          )}
        </For>
      </ol>
    </Show>
  );
}

export function ReviewSheet(props: { doc: DocumentView; printedBy: string }) {
  const d = () => props.doc;
  // 打印时间 is when the paper comes out, so it is refreshed just before printing.
  const [printedAt, setPrintedAt] = createSignal(Date.now());
  onMount(() => {
    const refresh = () => setPrintedAt(Date.now());
    window.addEventListener('beforeprint', refresh);
    onCleanup(() => window.removeEventListener('beforeprint', refresh));
  });
  const severalRounds = () => new Set(d().reviews.map((r) => r.round)).size > 1;
  const published = () => Boolean(d().indexNumber || d().publishedAt);
  // 已退回（起草）, 审查中（保密审查）; 已发布 once, not 已发布（已发布）.
  const stateText = () => {
    const status = statusZh(d().status);
    const step = d().currentStep.label;
    return status === step ? status : `${status}（${step}）`;
  };

  return (
    <div class="sheet-paper" data-testid="review-sheet">
      <header class="sheet-head">
        <Show when={bureauOf(d())}>
          <p class="sheet-bureau">{bureauOf(d())}</p>
        </Show>
        <h1 class="sheet-title">{SHEET_TITLE}</h1>
        <div class="sheet-subhead">
          <span>起草科室：{d().departmentName}</span>
          <span>办理状态：{stateText()}</span>
        </div>
      </header>

      <table class="sheet-table sheet-info">
        <colgroup>
          <col class="sheet-col-label" />
          <col />
          <col class="sheet-col-label" />
          <col />
        </colgroup>
        <tbody>
          <tr>
            <th scope="row">文件标题</th>
            <td colSpan={3} class="sheet-doc-title" data-testid="sheet-title">
              {d().title}
            </td>
          </tr>
          <tr>
            <th scope="row">发文字号</th>
            <td>{d().docNumber || '无'}</td>
            <th scope="row">成文日期</th>
            <td>{sheetCalendarDate(d().writtenAt)}</td>
          </tr>
          <tr>
            <th scope="row">起草科室</th>
            <td>{d().departmentName}</td>
            <th scope="row">起草人</th>
            <td>{d().drafter.name}</td>
          </tr>
          <tr>
            <th scope="row">主题分类</th>
            <td>{d().category.name}</td>
            <th scope="row">公开属性</th>
            <td data-testid="sheet-attribute">
              <strong>{zhOf(ATTRIBUTE_LABELS, d().attribute)}</strong>
            </td>
          </tr>
          <Show when={d().attribute === 'on_request'}>
            <tr>
              <th scope="row">依申请公开理由</th>
              <td colSpan={3} class="sheet-pre">
                {d().attributeReason || '—'}
              </td>
            </tr>
          </Show>
          <Show when={d().attribute === 'non_public'}>
            <tr>
              <th scope="row">不予公开依据</th>
              <td colSpan={3}>{zhOf(LEGAL_GROUND_LABELS, d().legalGround) || '—'}</td>
            </tr>
          </Show>
          <Show when={d().attribute !== 'on_request' && d().attributeReason}>
            <tr>
              <th scope="row">说明</th>
              <td colSpan={3} class="sheet-pre">
                {d().attributeReason}
              </td>
            </tr>
          </Show>
          <tr>
            <th scope="row">删减内容</th>
            <td colSpan={3}>
              <RedactionList doc={d()} />
            </td>
          </tr>
          <tr>
            <th scope="row">发布渠道</th>
            <td colSpan={3} data-testid="sheet-channels">
              <Show when={(PUBLISHABLE_ATTRIBUTES as readonly string[]).includes(d().attribute)} fallback={<span>不主动公开，不适用</span>}>
                {/* A box for every channel offered (the admins' names and order), and any channel disabled since that this document goes to. */}
                <For each={d().channelChoices}>{(c) => <Mark on={d().channels.includes(c.key)} label={c.label.zh} />}</For>
              </Show>
            </td>
          </tr>
          <tr>
            <th scope="row">事项标记</th>
            <td colSpan={3}>
              <Mark on={d().hasStatistics} label="含统计数据" />
              <Mark on={d().isMajorMatter} label="重大事项" />
            </td>
          </tr>
          {/* Fields an admin added to the drafting form, as the document's form version words them. */}
          <For each={d().extraFields}>
            {(field) => (
              <tr data-testid="sheet-extra-field">
                <th scope="row">{field.label.zh}</th>
                <td colSpan={3}>
                  <FieldValue field={field} zhOnly />
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>

      <table class="sheet-table sheet-reviews" data-testid="sheet-reviews">
        <colgroup>
          <col class="sheet-col-step" />
          <col class="sheet-col-person" />
          <For each={FIVE_CHECKS}>{() => <col class="sheet-col-check" />}</For>
          <col />
          <col class="sheet-col-time" />
        </colgroup>
        <thead>
          <tr>
            <th colSpan={FIVE_CHECKS.length + 4} class="sheet-section">
              审查记录
            </th>
          </tr>
          <tr>
            <th rowSpan={2} scope="col">
              环节
            </th>
            <th rowSpan={2} scope="col">
              审查人
            </th>
            <th colSpan={FIVE_CHECKS.length} scope="colgroup">
              五关审查
            </th>
            <th rowSpan={2} scope="col">
              审查意见
            </th>
            <th rowSpan={2} scope="col">
              时间
            </th>
          </tr>
          <tr>
            <For each={FIVE_CHECKS}>
              {(key) => (
                <th scope="col" class="sheet-check-head">
                  {FIVE_CHECK_LABELS[key].zh}
                </th>
              )}
            </For>
          </tr>
        </thead>
        <tbody>
          <For
            each={d().reviews}
            fallback={
              <tr>
                <td colSpan={FIVE_CHECKS.length + 4} class="sheet-center sheet-na">
                  尚无审查记录
                </td>
              </tr>
            }
          >
            {(review) => <ReviewRow doc={d()} review={review} showRound={severalRounds()} />}
          </For>
        </tbody>
      </table>

      <Show when={published()}>
        <table class="sheet-table sheet-publication">
          <colgroup>
            <col class="sheet-col-label" />
            <col class="sheet-col-index" />
            <col class="sheet-col-label" />
            <col />
          </colgroup>
          <tbody>
            <tr>
              <th scope="row">索引号</th>
              <td class="sheet-index" data-testid="sheet-index-number">
                {d().indexNumber}
              </td>
              <th scope="row">发布日期</th>
              <td data-testid="sheet-published-at">{sheetDate(d().publishedAt)}</td>
            </tr>
            <Show when={d().withdrawnAt}>
              <tr>
                <th scope="row">撤稿</th>
                <td colSpan={3} class="sheet-pre">
                  {sheetDateTime(d().withdrawnAt)}　{d().withdrawReason}
                </td>
              </tr>
            </Show>
          </tbody>
        </table>
      </Show>

      <footer class="sheet-foot">
        <div class="sheet-foot-line">
          <span data-testid="sheet-printed-at">打印时间：{sheetDateTime(printedAt())}</span>
          <span>打印人：{props.printedBy}</span>
        </div>
        <p>
          注：本表依据审发系统电子审查记录生成。五关审查栏 ☑ 为审查人确认已审，☐ 为未勾选，— 为该环节不作五关审查。删减内容仅供内部存档，不得对外公开。
        </p>
      </footer>
    </div>
  );
}
