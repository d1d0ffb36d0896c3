import type { InfoRequestForm } from '../../forms/info-request';
/** Driving the public request form (/public/apply) over plain HTTP, as a browser without JavaScript would. */

/** A valid natural-person application; override fields per test. */
export function applicationFields(overrides: Record<string, string> = {}) {
  return {
    applicantType: 'natural_person',
    applicantName: '张明',
    applicantIdNumber: '11010519491231002X',
    organisationName: '',
    contactPhone: '13912345678',
    email: 'zhangming@example.cn',
    address: '清源市解放路 12 号',
    description: '2026年城市最低生活保障对象名单及保障标准',
    purpose: '了解本社区低保政策',
    deliveryForm: 'electronic',
    ...overrides,
  } as Record<string, string> & InfoRequestForm;
}

export function formTokenOf(html: string): string {
  const match = /name="token" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no form token on the page');
  return match[1]!;
}

/** A test clock the server reads; `advance` moves it forward. */
export function testClock(start = Date.UTC(2026, 2, 2, 2, 0, 0)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms), set: (ms: number) => (now = ms) };
}

export async function fetchForm(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/public/apply`);
  return formTokenOf(await response.text());
}

export async function postForm(baseUrl: string, path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: response.status, html: await response.text(), headers: response.headers };
}

/** The request number and secret code on the "submitted" page. */
export function receiptOf(html: string): { requestNo: string; code: string } {
  const values = [...html.matchAll(/<dd class="receipt-value">([^<]+)<\/dd>/g)].map((m) => m[1]!);
  if (values.length !== 2) throw new Error('no receipt on the page');
  return { requestNo: values[0]!, code: values[1]! };
}
