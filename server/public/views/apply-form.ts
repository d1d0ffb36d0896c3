/**
 * The public application form (政府信息公开申请) and its result page. Plain HTML forms that
 * POST to the same origin: they work without JavaScript, and on an error the page comes back
 * with what was typed and the message beside each field.
 */
import { html } from 'hono/html';
import { APPLICANT_TYPES, APPLICANT_TYPE_LABELS, DELIVERY_FORMS, DELIVERY_FORM_LABELS } from '../../../workflows/requests/request-vocabulary';
import { REQUEST_FIELD_LIMITS, type InfoRequestField } from '../../../forms/info-request';
import { fragment, renderPublicLayout, type HtmlFragment } from './layout';

export interface ApplyFormView {
  bureauName: string;
  token: string;
  values: Partial<Record<InfoRequestField, string>>;
  errors: Partial<Record<InfoRequestField, string>>;
  /** A message about the whole form (too fast, throttled, already submitted). */
  formError: string | null;
}

function errorOf(view: ApplyFormView, field: InfoRequestField): HtmlFragment | '' {
  const message = view.errors[field];
  return message ? fragment(html`<p class="field-error" id="${field}-error">${message}</p>`) : '';
}

const described = (view: ApplyFormView, field: InfoRequestField) => (view.errors[field] ? html` aria-invalid="true" aria-describedby="${field}-error"` : '');

function input(view: ApplyFormView, field: InfoRequestField, label: string, options: { required?: boolean; type?: string; max: number; hint?: string; autocomplete?: string }): HtmlFragment {
  return fragment(html`<div class="form-row${view.errors[field] ? ' has-error' : ''}">
  <label for="${field}">${label}${options.required ? html`<span class="required" aria-hidden="true">*</span>` : ''}</label>
  <input id="${field}" name="${field}" type="${options.type ?? 'text'}" maxlength="${options.max}" value="${view.values[field] ?? ''}"${options.required ? html` required` : ''}${options.autocomplete ? html` autocomplete="${options.autocomplete}"` : ''}${described(view, field)}>
  ${options.hint ? html`<p class="field-hint">${options.hint}</p>` : ''}
  ${errorOf(view, field)}
</div>`);
}

function textarea(view: ApplyFormView, field: InfoRequestField, label: string, max: number, rows: number, required: boolean, hint: string): HtmlFragment {
  return fragment(html`<div class="form-row${view.errors[field] ? ' has-error' : ''}">
  <label for="${field}">${label}${required ? html`<span class="required" aria-hidden="true">*</span>` : ''}</label>
  <textarea id="${field}" name="${field}" rows="${rows}" maxlength="${max}"${required ? html` required` : ''}${described(view, field)}>${view.values[field] ?? ''}</textarea>
  <p class="field-hint">${hint}</p>
  ${errorOf(view, field)}
</div>`);
}

function radios(view: ApplyFormView, field: InfoRequestField, legend: string, options: readonly { value: string; label: string }[]): HtmlFragment {
  const chosen = view.values[field];
  return fragment(html`<fieldset class="form-row${view.errors[field] ? ' has-error' : ''}"${described(view, field)}>
  <legend>${legend}<span class="required" aria-hidden="true">*</span></legend>
  <div class="choices">
    ${options.map((o) => html`<label class="choice"><input type="radio" name="${field}" value="${o.value}"${chosen === o.value ? html` checked` : ''}> ${o.label}</label>`)}
  </div>
  ${errorOf(view, field)}
</fieldset>`);
}

/** The whole form page. */
export function renderApplyForm(view: ApplyFormView): string {
  const body = fragment(html`<section class="apply-page" aria-labelledby="apply-heading">
  <h1 id="apply-heading">政府信息公开申请</h1>
  <p class="lead">依据《中华人民共和国政府信息公开条例》，公民、法人或者其他组织可以向本机关申请获取政府信息。本机关自收到申请之日起 20 个工作日内予以答复。带 <span class="required">*</span> 的为必填项。</p>
  <p class="lead">已经提交过申请？<a href="/public/apply/status">查询办理进度</a></p>
  ${view.formError ? html`<p class="form-error" role="alert">${view.formError}</p>` : ''}
  ${Object.keys(view.errors).length ? html`<p class="form-error" role="alert">填写内容有误，请按各项下方的提示修改后重新提交。</p>` : ''}
  <form method="post" action="/public/apply" class="apply-form" novalidate>
    <input type="hidden" name="token" value="${view.token}">
    <div class="hp-field" aria-hidden="true">
      <label for="website">请勿填写此项</label>
      <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" value="">
    </div>
    <h2>申请人信息</h2>
    ${radios(view, 'applicantType', '申请人类型', APPLICANT_TYPES.map((t) => ({ value: t, label: t === 'natural_person' ? APPLICANT_TYPE_LABELS[t].zh : `法人或其他组织 · ${APPLICANT_TYPE_LABELS[t].zh}` })))}
    ${input(view, 'applicantName', '姓名（法人或其他组织请填联系人）', { required: true, max: REQUEST_FIELD_LIMITS.name, autocomplete: 'name' })}
    ${input(view, 'organisationName', '单位名称（法人或其他组织填写）', { max: REQUEST_FIELD_LIMITS.organisation, autocomplete: 'organization' })}
    ${input(view, 'applicantIdNumber', '证件号码', { required: true, max: 18, hint: '自然人填写居民身份证号码；法人或其他组织填写统一社会信用代码' })}
    ${input(view, 'contactPhone', '联系电话', { required: true, type: 'tel', max: 20, autocomplete: 'tel' })}
    ${input(view, 'email', '电子邮箱', { type: 'email', max: REQUEST_FIELD_LIMITS.email, autocomplete: 'email' })}
    ${input(view, 'address', '通信地址', { max: REQUEST_FIELD_LIMITS.address, hint: '要求纸质提供的必填，用于邮寄答复', autocomplete: 'street-address' })}
    <h2>申请内容</h2>
    ${textarea(view, 'description', '所需政府信息的名称、文号或者便于查询的其他特征性描述', REQUEST_FIELD_LIMITS.description, 6, true, `不超过 ${REQUEST_FIELD_LIMITS.description} 字`)}
    ${textarea(view, 'purpose', '用途（选填）', REQUEST_FIELD_LIMITS.purpose, 2, false, `不超过 ${REQUEST_FIELD_LIMITS.purpose} 字`)}
    ${radios(view, 'deliveryForm', '获取信息的方式', DELIVERY_FORMS.map((f) => ({ value: f, label: DELIVERY_FORM_LABELS[f].zh })))}
    <p class="privacy-note">您提供的个人信息仅用于办理本申请，本机关依法予以保护。</p>
    <button type="submit" class="primary-button">提交申请</button>
  </form>
</section>`);
  return renderPublicLayout({ title: '政府信息公开申请', bureauName: view.bureauName, body });
}

/** After a successful submission: the number and the secret code, shown this once. */
export function renderApplySubmitted(view: { bureauName: string; requestNo: string; secretCode: string; receivedAt: string }): string {
  const body = fragment(html`<section class="apply-page" aria-labelledby="submitted-heading">
  <h1 id="submitted-heading">申请已提交</h1>
  <p>本机关已于 <time datetime="${view.receivedAt}">${view.receivedAt}</time> 收到您的申请。请记下以下申请编号和查询码，凭二者查询办理进度。</p>
  <dl class="receipt">
    <dt>申请编号</dt><dd class="receipt-value">${view.requestNo}</dd>
    <dt>查询码</dt><dd class="receipt-value">${view.secretCode}</dd>
  </dl>
  <p class="form-error">查询码只显示这一次，本机关不保存其原文，遗失后无法找回。</p>
  <p><a href="/public/apply/status">查询办理进度</a> · <a href="/public">返回政府信息公开目录</a></p>
</section>`);
  return renderPublicLayout({ title: '申请已提交', bureauName: view.bureauName, body });
}

/** A refusal that is about the whole page (too many submissions). */
export function renderApplyRefused(bureauName: string, message: string): string {
  const body = fragment(html`<section class="apply-page" aria-labelledby="refused-heading">
  <h1 id="refused-heading">暂时无法提交</h1>
  <p class="form-error" role="alert">${message}</p>
  <p><a href="/public">返回政府信息公开目录</a></p>
</section>`);
  return renderPublicLayout({ title: '暂时无法提交', bureauName, body });
}
