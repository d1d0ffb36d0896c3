/**
 * Hostile and broken requests to the API: oversized bodies (declared or streamed), deep
 * JSON, invalid UTF-8, unparseable JSON and wrong content types each get a clear 4xx with a
 * Chinese message; nothing is stored; the server answers the next request as usual.
 * Attachments keep their own 20 MB limit. Raw bytes go out through node:http.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { signedIn, type ApiClient } from '../support/api-client';
import { rawRequest, type RawAnswer } from '../support/raw-http';
import { categoryId, draftInput } from '../support/draft-input';

let server: TestServer;
let drafter: ApiClient;
let noticeCategory: string;

beforeAll(async () => {
  server = await startTestServer();
  drafter = await signedIn(server.url, 'drafter');
  noticeCategory = await categoryId(drafter, 'notice');
});
afterAll(() => server.close());

const CJK = /[\u4e00-\u9fff]/;

async function fingerprint(): Promise<string> {
  const r = await server.services.database.client.execute(
    'SELECT (SELECT count(*) FROM documents) AS d, (SELECT count(*) FROM audit_log) AS a, (SELECT coalesce(sum(version), 0) FROM documents) AS v, (SELECT count(*) FROM attachments) AS f',
  );
  return JSON.stringify(r.rows[0]);
}

function post(path: string, chunks: (string | Uint8Array)[], headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<RawAnswer> {
  return rawRequest(`${server.url}${path}`, { headers: { cookie: drafter.cookie, ...headers }, chunks });
}

/** The message of a refusal, from a tRPC error or our plain JSON error. */
function messageOf(answer: RawAnswer): string {
  const json = JSON.parse(answer.body) as { error: { message: string } } | { error: { message: string } }[];
  return (Array.isArray(json) ? json[0]! : json).error.message;
}

async function stillServing(): Promise<void> {
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  expect((await drafter.trpc.auth.me.query())?.username).toBe('drafter');
}

const CREATE = '/api/trpc/documents.create';

describe('hostile request bodies', () => {
  const cases: [string, () => Promise<RawAnswer>, number, RegExp][] = [
    ['an oversized body with its length declared', () => post(CREATE, [JSON.stringify(draftInput('x', { body: '长'.repeat(600_000) }))]), 413, /请求内容过大（不能超过 1 MB）/],
    ['an oversized body streamed without a length', () => post(CREATE, Array.from({ length: 40 }, () => ' '.repeat(64 * 1024)), { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }), 413, /请求内容过大/],
    ['an array nested 100 000 deep', () => post(CREATE, ['['.repeat(100_000), ']'.repeat(100_000)]), 400, /格式不正确/],
    ['an object nested 60 000 deep', () => post(CREATE, ['{"a":'.repeat(60_000), '1', '}'.repeat(60_000)]), 400, /请填写「标题」/],
    ['invalid UTF-8 in a string', () => post(CREATE, [new Uint8Array([0x7b, 0x22, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x22, 0x7d])]), 400, /不是有效的 UTF-8/],
    ['an overlong UTF-8 encoding of "/"', () => post(CREATE, [new Uint8Array([0x7b, 0x22, 0xc0, 0xaf, 0x22, 0x3a, 0x31, 0x7d])]), 400, /不是有效的 UTF-8/],
    ['unparseable JSON', () => post(CREATE, ['{"title": ']), 400, /请求内容格式不正确/],
    ['text/plain', () => post(CREATE, ['{"title":"a"}'], { 'content-type': 'text/plain' }), 415, /请以 JSON 提交/],
    ['application/xml', () => post(CREATE, ['<title>a</title>'], { 'content-type': 'application/xml' }), 415, /请以 JSON 提交/],
    ['a url-encoded form', () => post(CREATE, ['title=a'], { 'content-type': 'application/x-www-form-urlencoded' }), 415, /请以 JSON 提交/],
    // tRPC reads multipart for FormData inputs; this procedure's input is JSON, so a form is malformed.
    ['multipart to a tRPC procedure', () => post(CREATE, ['--b\r\n\r\n--b--'], { 'content-type': 'multipart/form-data; boundary=b' }), 400, /请求内容格式不正确/],
    ['a batch of unknown procedures', () => post('/api/trpc/no.such,nor.this?batch=1', ['{"0":{},"1":{}}']), 404, /接口不存在/],
    ['a 40 KB URL (Node refuses it before any handler)', () => rawRequest(`${server.url}/api/trpc/documents.get?input=${'%E5%AE%A1'.repeat(4500)}`, { method: 'GET', headers: { cookie: drafter.cookie } }), 431, /请求地址或请求头过长/],
    ['a query string that is not JSON', () => rawRequest(`${server.url}/api/trpc/documents.get?input=%7B%22id%22%3A`, { method: 'GET', headers: { cookie: drafter.cookie } }), 400, /请求内容格式不正确/],
  ];

  it.each(cases)('%s: a clear 4xx in Chinese, nothing stored, the server keeps serving', async (_label, send, status, message) => {
    const before = await fingerprint();
    const answer = await send();
    expect(answer.status, answer.body.slice(0, 300)).toBe(status);
    expect(messageOf(answer)).toMatch(message);
    expect(messageOf(answer)).toMatch(CJK);
    expect(answer.body).not.toMatch(/\bat \S+:\d+|node_modules|SQLITE|Error:/);
    expect(await fingerprint()).toBe(before);
    await stillServing();
  });

  it('accepts a legitimate form just under the limit', async () => {
    const created = await drafter.trpc.documents.create.mutate(draftInput(noticeCategory, { title: '接近上限的正文', body: '一'.repeat(20_000) }));
    expect(created.id).toBeTruthy();
  });

  it('accepts a form streamed without a declared length (the counted path), with its Chinese text intact', async () => {
    const json = JSON.stringify(draftInput(noticeCategory, { title: '分块上传的草稿', body: '低保标准调整。'.repeat(3_000) }));
    const answer = await post(CREATE, [json.slice(0, 5_000), json.slice(5_000)], { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
    expect(answer.status, answer.body.slice(0, 300)).toBe(200);
    const id = (JSON.parse(answer.body) as { result: { data: { id: string } } }).result.data.id;
    const stored = await server.services.database.client.execute({ sql: 'SELECT title, body FROM documents WHERE id = ?', args: [id] });
    expect(stored.rows[0]?.title).toBe('分块上传的草稿');
    expect(stored.rows[0]?.body).toBe('低保标准调整。'.repeat(3_000));
  });
});

describe('attachments keep their own 20 MB limit', () => {
  it('takes a 2 MB file the API limit would refuse, and refuses a 21 MB one with the attachment message', async () => {
    const doc = await drafter.trpc.documents.create.mutate(draftInput(noticeCategory, { title: '附件上限测试' }));
    const pdf = (size: number) => {
      const bytes = new Uint8Array(size).fill(0x20);
      bytes.set(new TextEncoder().encode('%PDF-1.4\n'));
      return bytes;
    };
    const upload = (size: number) => {
      const form = new FormData();
      form.set('file', new File([pdf(size)], '测算表.pdf'));
      return drafter.fetch(`/api/documents/${doc.id}/attachments`, { method: 'POST', body: form });
    };
    expect((await upload(2 * 1024 * 1024)).status).toBe(201);
    const before = await fingerprint();
    const boundary = 'shenfa-boundary';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`;
    const chunk = new Uint8Array(1024 * 1024).fill(0x20);
    const answer = await rawRequest(`${server.url}/api/documents/${doc.id}/attachments`, {
      headers: { cookie: drafter.cookie, 'content-type': `multipart/form-data; boundary=${boundary}`, 'transfer-encoding': 'chunked' },
      chunks: [head, ...Array.from({ length: 21 }, () => chunk), `\r\n--${boundary}--\r\n`],
    });
    expect(answer.status).toBe(413);
    expect(messageOf(answer)).toBe('附件不能超过 20 MB');
    expect(await fingerprint()).toBe(before);
    await stillServing();
  });
});
