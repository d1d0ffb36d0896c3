/**
 * API fuzzing with fast-check: every tRPC procedure of the router (read from the router
 * itself, like the authorization matrix) gets random and malformed inputs — arbitrary JSON,
 * objects with the real field names holding wrong or hostile values, real ids in the wrong
 * places, raw non-JSON bodies — as an anonymous visitor and as each demo user.
 *
 * For every call: never a 5xx; a refusal is a typed tRPC error (a known code, a Chinese
 * message, no stack or SQL); and after a refused call a checksum of every table (all rows,
 * except the session and sign-in-throttle bookkeeping that a refused sign-in legitimately
 * writes) is unchanged. A call the server accepts is counted and the checksum re-taken.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../../server/routers/index';
import { users } from '../../server/db/schema/index';
import { generateSessionToken, sessionIdFromToken } from '../../server/auth/session-token';
import { SESSION_COOKIE } from '../../server/auth/cookie';
import { SESSION_IDLE_MS } from '../../server/services/session-service';
import { startTestServer, type TestServer } from '../support/test-server';
import { signInAll, type Clients } from '../support/review-driver';
import { categoryId, draftInput } from '../support/draft-input';

const PROCEDURES = appRouter._def.procedures as unknown as Record<string, { _def: { type: 'query' | 'mutation' | 'subscription' } }>;
const CALLERS = ['anonymous', 'admin', 'drafter', 'drafter2', 'stats', 'legal', 'secrecy', 'leader', 'director', 'publisher'] as const;
type Caller = (typeof CALLERS)[number];

/** Calls per procedure; the whole file stays well under a minute on two cores. */
const RUNS_PER_PROCEDURE = Number(process.env.SHENFA_FUZZ_RUNS ?? 12);
const TRPC_CODES = new Set(['PARSE_ERROR', 'BAD_REQUEST', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'METHOD_NOT_SUPPORTED', 'CONFLICT', 'PRECONDITION_FAILED', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'UNPROCESSABLE_CONTENT', 'TOO_MANY_REQUESTS']);
/** Written by refused sign-ins and by session bookkeeping on every request: not "data". */
const BOOKKEEPING = new Set(['sessions', 'login_attempts']);

let server: TestServer;
let clients: Clients;
const userIds: Record<string, string> = {};
/** Real ids and values the fuzzer mixes in, so inputs reach past the schema into the services. */
const realIds: string[] = [];
const realVersions = [0, 1, 2, 3, 7];
let tables: string[] = [];
/** The checksum after the last refused call, when nothing can have changed since. */
let baseline: string | undefined;

const stats = { calls: 0, accepted: 0, refused: 0, byCode: {} as Record<string, number> };

async function checksum(): Promise<string> {
  const { client } = server.services.database;
  const hash = createHash('sha256');
  for (const table of tables) {
    if (BOOKKEEPING.has(table)) continue;
    // Rows serialised and sorted here: some tables (full-text index, WITHOUT ROWID) have no rowid to order by.
    const rows = await client.execute(table === 'audit_log' ? "SELECT * FROM audit_log WHERE action <> 'session.sign_in_failed'" : `SELECT * FROM "${table}"`);
    const serialised = rows.rows.map((row) => JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v instanceof ArrayBuffer ? Buffer.from(v).toString('hex') : v))).sort();
    hash.update(table).update(serialised.join('\n'));
  }
  return hash.digest('hex');
}

/** A new session for `who`, written straight into the table, so a fuzzed signOutEverywhere cannot disturb the next call. */
async function cookieFor(who: Caller): Promise<string> {
  if (who === 'anonymous') return '';
  const token = generateSessionToken();
  const now = Date.now();
  await server.services.database.client.execute({ sql: 'INSERT INTO sessions (id, user_id, expires_at, created_at) VALUES (?, ?, ?, ?)', args: [sessionIdFromToken(token), userIds[who]!, now + SESSION_IDLE_MS, now] });
  return `${SESSION_COOKIE}=${token}`;
}

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

const FIELD_NAMES = [
  'id', 'documentId', 'taskId', 'changeId', 'userId', 'toUserId', 'expectedVersion', 'opinion', 'reason', 'target', 'checks', 'data', 'title', 'body',
  'username', 'password', 'currentPassword', 'newPassword', 'disabled', 'roles', 'position', 'redactions', 'start', 'end', 'text', 'note', 'date', 'kind',
  'year', 'known', 'validity', 'approve', 'cursor', 'limit', 'categoryId', 'attribute', 'policyDocumentId',
];

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '\uFFFF', '\uD800', '<script>alert(1)</script>', "' OR 1=1 --", '"; DROP TABLE documents; --', '../../etc/passwd', '%00', '${{7*7}}', '__proto__', 'constructor', '😀'.repeat(50), '审'.repeat(3000), 'x'.repeat(70_000)),
);
const hostileNumber = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-1, 0, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, -0));
const realId = () => fc.constantFrom(...realIds);

/** One value for a field: the right kind with a wrong value, a real id of the wrong thing, or any JSON. */
const fieldValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.constant(null).chain(() => realId()) },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(...realVersions) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.array(fc.oneof(hostileString, fc.jsonValue({ maxDepth: 2 })), { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('political', 'legal', 'policy', 'secrecy', 'wording', 'start', 'end', 'ground', '__proto__'), fc.oneof(fc.boolean(), hostileNumber, hostileString)) },
);

type Payload = { kind: 'json'; value: unknown } | { kind: 'raw'; body: string };

const payload: fc.Arbitrary<Payload> = fc.oneof(
  { weight: 5, arbitrary: fc.dictionary(fc.constantFrom(...FIELD_NAMES), fieldValue, { maxKeys: 8 }).map((value) => ({ kind: 'json' as const, value })) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => ({ kind: 'json' as const, value })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'json' as const, value: undefined }) },
  { weight: 1, arbitrary: fc.oneof(fc.string(), fc.constantFrom('{', '[', '{"a":}', 'null null', '\u0000{}', '{"__proto__":{"admin":true}}')).map((body) => ({ kind: 'raw' as const, body })) },
);

// ---------------------------------------------------------------------------------------------
// Calling
// ---------------------------------------------------------------------------------------------

interface Answer {
  status: number;
  body: string;
}

async function call(path: string, who: Caller, input: Payload): Promise<Answer> {
  const cookie = await cookieFor(who);
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const type = PROCEDURES[path]!._def.type;
  let response: Response;
  if (type === 'query') {
    const raw = input.kind === 'raw' ? input.body : input.value === undefined ? undefined : JSON.stringify(input.value);
    response = await fetch(`${server.url}/api/trpc/${path}${raw === undefined ? '' : `?input=${encodeURIComponent(raw)}`}`, { headers });
  } else {
    const body = input.kind === 'raw' ? input.body : input.value === undefined ? undefined : JSON.stringify(input.value);
    response = await fetch(`${server.url}/api/trpc/${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body }) });
  }
  return { status: response.status, body: await response.text() };
}

/** What is wrong with an answer; empty when it is an acceptable success or a clean typed refusal. */
function answerProblems(answer: Answer): string[] {
  if (answer.status >= 500) return [`HTTP ${answer.status}: ${answer.body.slice(0, 300)}`];
  let json: { error?: { message?: string; data?: { code?: string }; code?: string } };
  try {
    json = JSON.parse(answer.body) as typeof json;
  } catch {
    return [`non-JSON answer (HTTP ${answer.status}): ${answer.body.slice(0, 200)}`];
  }
  if (answer.status < 300) return json.error ? ['an error with a 2xx status'] : [];
  const problems: string[] = [];
  const code = json.error?.data?.code ?? json.error?.code;
  if (!code || !TRPC_CODES.has(String(code))) problems.push(`untyped refusal (HTTP ${answer.status}): ${answer.body.slice(0, 200)}`);
  if (!/[\u4e00-\u9fff]/.test(json.error?.message ?? '')) problems.push(`refusal without a Chinese message: ${json.error?.message}`);
  if (/\bat \S+:\d+|node_modules|SQLITE|LibsqlError|\bSELECT\b|\bINSERT INTO\b/.test(answer.body)) problems.push(`refusal leaks internals: ${answer.body.slice(0, 200)}`);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Setup and the property
// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  server = await startTestServer();
  clients = await signInAll(server.url, ['drafter', 'legal', 'secrecy', 'leader', 'publisher']);
  for (const u of await server.services.database.db.select({ id: users.id, username: users.username }).from(users)) {
    userIds[u.username] = u.id;
    realIds.push(u.id);
  }
  const notice = await categoryId(clients.drafter!, 'notice');
  realIds.push(notice);
  const draft = await clients.drafter!.trpc.documents.create.mutate(draftInput(notice, { title: '模糊测试草稿' }));
  const submitted = await clients.drafter!.trpc.documents.create.mutate(draftInput(notice, { title: '模糊测试审查中' }));
  await clients.drafter!.trpc.review.submit.mutate({ documentId: submitted.id, expectedVersion: 1 });
  const doc = await clients.drafter!.trpc.documents.get.query({ id: submitted.id });
  realIds.push(draft.id, submitted.id, doc.openTask?.id ?? '');
  const { client } = server.services.database;
  const names = await client.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  tables = names.rows.map((r) => String(r.name));
  const notifications = await client.execute('SELECT id FROM notifications LIMIT 3');
  realIds.push(...notifications.rows.map((r) => String(r.id)));
}, 60_000);

afterAll(async () => {
  console.log(`fuzz-api: ${stats.calls} calls over ${Object.keys(PROCEDURES).length} procedures (${RUNS_PER_PROCEDURE} runs each), ${stats.accepted} accepted, ${stats.refused} refused ${JSON.stringify(stats.byCode)}`);
  await server?.close();
});

describe('fuzzing every tRPC procedure', () => {
  it('lists the procedures from the router', () => {
    expect(Object.keys(PROCEDURES).length).toBeGreaterThan(30);
    expect(tables).toContain('documents');
    expect(tables).toContain('audit_log');
  });

  it.each(Object.keys(PROCEDURES))('%s: never a 5xx, every refusal typed and in Chinese, the data untouched by refusals', async (path) => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CALLERS), payload, async (who, input) => {
        // One checksum per call: the one taken after the previous call is this call's "before".
        const before = baseline ?? (await checksum());
        baseline = undefined;
        const answer = await call(path, who, input);
        stats.calls++;
        expect(answerProblems(answer), `${path} as ${who} with ${JSON.stringify(input).slice(0, 300)}`).toEqual([]);
        if (answer.status < 300) {
          stats.accepted++;
          return;
        }
        const after = await checksum();
        stats.refused++;
        const code = String((JSON.parse(answer.body) as { error: { data?: { code?: string }; code?: string } }).error.data?.code ?? (JSON.parse(answer.body) as { error: { code?: string } }).error.code);
        stats.byCode[code] = (stats.byCode[code] ?? 0) + 1;
        baseline = after;
        expect(after, `${path} as ${who} refused (${code}) but changed the data; input ${JSON.stringify(input).slice(0, 300)}`).toBe(before);
      }),
      { numRuns: RUNS_PER_PROCEDURE, seed: process.env.SHENFA_FUZZ_SEED ? Number(process.env.SHENFA_FUZZ_SEED) : undefined },
    );
  });
});
