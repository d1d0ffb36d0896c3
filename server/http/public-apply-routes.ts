/**
 * /public/apply: the information request form and the status look-up, server-rendered and
 * working without JavaScript. Form POSTs get the same same-origin check as the API, a body
 * limit, and no caching (the result page holds a secret code).
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { issueFormToken } from '../services/public-form-guard';
import { lookUpRequestStatus, submitOnlineRequest } from '../services/request-intake-service';
import { ShenfaError } from '../services/errors';
import { readSetting, SETTING_KEYS } from '../services/settings';
import { renderApplyForm, renderApplyRefused, renderApplySubmitted } from '../public/views/apply-form';
import { renderApplyStatus } from '../public/views/apply-status';
import { LOCALE_COOKIE, publicLocale, type PublicLocale } from '../public/views/layout';
import { getCookie, setCookie } from 'hono/cookie';
import type { Context } from 'hono';
import { INFO_REQUEST_FIELDS as FIELDS, type InfoRequestField } from '../../forms/info-request';
import { clientAddress, sameOriginMutations } from './request-guards';
import type { ServiceContext } from '../services/service-context';

/** Far above any honest form (2000 + 500 characters of text), far below anything harmful. */
export const APPLY_BODY_LIMIT = 32 * 1024;


const NO_STORE = { 'Cache-Control': 'no-store' };

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * The status page speaks the language picked on it (?lang=en, remembered for a year) or in the
 * staff app (the same cookie), Chinese otherwise.
 */
function statusLocale(c: Context): PublicLocale {
  const asked = c.req.query('lang');
  const locale = publicLocale(asked, getCookie(c, LOCALE_COOKIE));
  if (asked === 'en' || asked === 'zh') setCookie(c, LOCALE_COOKIE, locale, { path: '/', maxAge: 365 * 86_400, sameSite: 'Lax' });
  return locale;
}

export function publicApplyRoutes(services: ServiceContext) {
  const app = new Hono();
  const bureau = () => readSetting(services.database.db, SETTING_KEYS.bureauName);
  // Per route, not app.use: the guards belong to the two POSTs only.
  const sameOrigin = sameOriginMutations();
  const limitBody = bodyLimit({ maxSize: APPLY_BODY_LIMIT, onError: async (c) => c.html(renderApplyRefused(await bureau(), '提交的内容过长，请精简后重新提交'), 413) });

  app.get('/', async (c) => {
    const token = await issueFormToken(services.database.db, services.now());
    return c.html(renderApplyForm({ bureauName: await bureau(), token, values: {}, errors: {}, formError: null }), 200, NO_STORE);
  });

  app.post('/', sameOrigin, limitBody, async (c) => {
    const form = await c.req.parseBody();
    const fields = Object.fromEntries(FIELDS.map((f) => [f, textOf(form[f])])) as Record<InfoRequestField, string>;
    try {
      const outcome = await submitOnlineRequest(services, { fields, token: textOf(form.token), honeypot: textOf(form.website), ip: clientAddress(c) });
      if (outcome.ok) return c.html(renderApplySubmitted({ bureauName: await bureau(), ...outcome.registered }), 200, NO_STORE);
      // A fresh token: the person fixing their input is not a script replaying the old one.
      const token = await issueFormToken(services.database.db, services.now());
      return c.html(renderApplyForm({ bureauName: await bureau(), token, values: fields, errors: outcome.fieldErrors, formError: outcome.formError }), 400, NO_STORE);
    } catch (error) {
      if (error instanceof ShenfaError && (error.code === 'TOO_MANY_REQUESTS' || error.code === 'CONFLICT')) {
        return c.html(renderApplyRefused(await bureau(), error.message), error.code === 'TOO_MANY_REQUESTS' ? 429 : 409, NO_STORE);
      }
      throw error;
    }
  });

  app.get('/status', async (c) => c.html(renderApplyStatus({ bureauName: await bureau(), requestNo: '', status: null, message: null, locale: statusLocale(c) }), 200, NO_STORE));

  app.post('/status', sameOrigin, limitBody, async (c) => {
    const form = await c.req.parseBody();
    const requestNo = textOf(form.requestNo).slice(0, 20);
    const locale = statusLocale(c);
    try {
      const status = await lookUpRequestStatus(services, { requestNo, code: textOf(form.code), ip: clientAddress(c) });
      return c.html(renderApplyStatus({ bureauName: await bureau(), requestNo, status, message: status ? null : 'notFound', locale }), 200, NO_STORE);
    } catch (error) {
      if (error instanceof ShenfaError && error.code === 'TOO_MANY_REQUESTS') return c.html(renderApplyStatus({ bureauName: await bureau(), requestNo, status: null, message: 'tooMany', refusal: error.message, locale }), 429, NO_STORE);
      throw error;
    }
  });
  return app;
}
