/**
 * The applicant's status page: number plus secret code in, status and dates out. Nothing
 * about the request's content is shown, and an unknown number and a wrong code read the same.
 * The status wording and whether the reply's last day shows come from the step's kind
 * (workflows/requests/public-request-status.ts), so a step an admin adds reads sensibly too.
 */
import { html } from 'hono/html';
import type { PublicStatus } from '../../services/request-intake-service';
import { fragment, renderPublicLayout } from './layout';

export const NOT_FOUND_MESSAGE = '未查到与该申请编号和查询码相符的申请，请核对后重试。';

export interface StatusPageView {
  bureauName: string;
  requestNo: string;
  status: PublicStatus | null;
  /** Set after a look-up that found nothing (or was refused). */
  message: string | null;
}

export function renderApplyStatus(view: StatusPageView): string {
  const s = view.status;
  const body = fragment(html`<section class="apply-page" aria-labelledby="status-heading">
  <h1 id="status-heading">依申请公开办理进度查询</h1>
  <form method="post" action="/public/apply/status" class="apply-form status-form">
    <div class="form-row">
      <label for="requestNo">申请编号</label>
      <input id="requestNo" name="requestNo" type="text" maxlength="20" required placeholder="如 QY-2026-0012" value="${view.requestNo}">
    </div>
    <div class="form-row">
      <label for="code">查询码</label>
      <input id="code" name="code" type="password" maxlength="40" required autocomplete="off">
    </div>
    <button type="submit" class="primary-button">查询</button>
  </form>
  ${view.message ? html`<p class="form-error" role="alert">${view.message}</p>` : ''}
  ${s
    ? html`<table class="meta-table status-table">
    <tr><th scope="row">申请编号</th><td>${s.requestNo}</td></tr>
    <tr><th scope="row">办理状态</th><td><strong>${s.label.zh}</strong></td></tr>
    <tr><th scope="row">收到日期</th><td>${s.receivedAt}</td></tr>
    ${s.replyDue ? html`<tr><th scope="row">答复期限</th><td>${s.replyDue}</td></tr>` : ''}
    ${s.repliedAt ? html`<tr><th scope="row">答复日期</th><td>${s.repliedAt}</td></tr>` : ''}
    ${s.closedAt ? html`<tr><th scope="row">办结日期</th><td>${s.closedAt}</td></tr>` : ''}
  </table>`
    : ''}
  <p><a href="/public/apply">提交新的申请</a> · <a href="/public">返回政府信息公开目录</a></p>
</section>`);
  return renderPublicLayout({ title: '办理进度查询', bureauName: view.bureauName, body });
}
