/**
 * The applicant's status page: number plus secret code in, status and dates out. Nothing
 * about the request's content is shown, and an unknown number and a wrong code read the same.
 * The status wording and whether the reply's last day shows come from the step's kind
 * (workflows/requests/public-request-status.ts), so a step an admin adds reads sensibly too.
 * Chinese by default; `?lang=en` gives the same page in English (the link on the page, a choice
 * remembered in a cookie), and the look-up form keeps the language it was shown in.
 */
import { html } from 'hono/html';
import type { PublicStatus } from '../../services/request-intake-service';
import { fragment, renderPublicLayout, type PublicLocale } from './layout';

const TEXT = {
  zh: {
    title: '办理进度查询',
    heading: '依申请公开办理进度查询',
    requestNo: '申请编号',
    requestNoExample: '如 QY-2026-0012',
    code: '查询码',
    lookUp: '查询',
    status: '办理状态',
    receivedAt: '收到日期',
    replyDue: '答复期限',
    repliedAt: '答复日期',
    closedAt: '办结日期',
    newRequest: '提交新的申请',
    backToCatalog: '返回政府信息公开目录',
    notFound: '未查到与该申请编号和查询码相符的申请，请核对后重试。',
    tooMany: '查询过于频繁，请稍后再试。',
  },
  en: {
    title: 'Request status',
    heading: 'Status of your information request',
    requestNo: 'Request number',
    requestNoExample: 'e.g. QY-2026-0012',
    code: 'Look-up code',
    lookUp: 'Look up',
    status: 'Status',
    receivedAt: 'Received on',
    replyDue: 'Reply due by',
    repliedAt: 'Replied on',
    closedAt: 'Closed on',
    newRequest: 'Make a new request',
    backToCatalog: 'Back to the disclosure catalog',
    notFound: 'No request matches that request number and look-up code. Please check them and try again.',
    tooMany: 'Too many look-ups. Please try again later.',
  },
} as const;

/** Why a look-up showed nothing; the page words it in its own language. */
export type StatusMessage = 'notFound' | 'tooMany';

/** The Chinese not-found message (tests and older callers read it). */
export const NOT_FOUND_MESSAGE = TEXT.zh.notFound;

export interface StatusPageView {
  bureauName: string;
  requestNo: string;
  status: PublicStatus | null;
  /** Set after a look-up that found nothing (or was refused). */
  message: StatusMessage | null;
  /** The server's own (Chinese) words for a refusal, which say how long to wait. */
  refusal?: string;
  locale?: PublicLocale;
}

/** The page's address in a language; the language is explicit, so it also overrides a remembered choice. */
const statusPath = (locale: PublicLocale) => `/public/apply/status?lang=${locale}`;

export function renderApplyStatus(view: StatusPageView): string {
  const locale = view.locale ?? 'zh';
  const w = TEXT[locale];
  const s = view.status;
  const other: PublicLocale = locale === 'en' ? 'zh' : 'en';
  const body = fragment(html`<section class="apply-page" aria-labelledby="status-heading">
  <p class="lang-switch"><a href="${statusPath(other)}" lang="${other === 'en' ? 'en' : 'zh-CN'}" hreflang="${other === 'en' ? 'en' : 'zh-CN'}">${other === 'en' ? 'English' : '中文'}</a></p>
  <h1 id="status-heading">${w.heading}</h1>
  <form method="post" action="${statusPath(locale)}" class="apply-form status-form">
    <div class="form-row">
      <label for="requestNo">${w.requestNo}</label>
      <input id="requestNo" name="requestNo" type="text" maxlength="20" required placeholder="${w.requestNoExample}" value="${view.requestNo}">
    </div>
    <div class="form-row">
      <label for="code">${w.code}</label>
      <input id="code" name="code" type="password" maxlength="40" required autocomplete="off">
    </div>
    <button type="submit" class="primary-button">${w.lookUp}</button>
  </form>
  ${view.message ? html`<p class="form-error" role="alert">${view.message === 'tooMany' && locale === 'zh' && view.refusal ? view.refusal : w[view.message]}</p>` : ''}
  ${s
    ? html`<table class="meta-table status-table">
    <tr><th scope="row">${w.requestNo}</th><td>${s.requestNo}</td></tr>
    <tr><th scope="row">${w.status}</th><td><strong>${s.label[locale] || s.label.zh}</strong></td></tr>
    <tr><th scope="row">${w.receivedAt}</th><td>${s.receivedAt}</td></tr>
    ${s.replyDue ? html`<tr><th scope="row">${w.replyDue}</th><td>${s.replyDue}</td></tr>` : ''}
    ${s.repliedAt ? html`<tr><th scope="row">${w.repliedAt}</th><td>${s.repliedAt}</td></tr>` : ''}
    ${s.closedAt ? html`<tr><th scope="row">${w.closedAt}</th><td>${s.closedAt}</td></tr>` : ''}
  </table>`
    : ''}
  <p><a href="/public/apply">${w.newRequest}</a> · <a href="/public">${w.backToCatalog}</a></p>
</section>`);
  return renderPublicLayout({ title: w.title, bureauName: view.bureauName, body, locale });
}
