import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { bodyLimit } from 'hono/body-limit';

/** tRPC calls carry form fields, never files (attachments have their own route and limit). */
export const MAX_API_BODY_BYTES = 1024 * 1024;

const DECLARED_LENGTH = /^\d+$/;

/**
 * Refuses an API body over the limit before anything reads it, counting streamed bytes too.
 *
 * A declared Content-Length (without Transfer-Encoding) is judged from the header alone:
 * Node's parser delivers exactly that many bytes, so it is the body's size. Only a streamed
 * body goes through hono's bodyLimit, which counts the bytes as they come — that path turns
 * @hono/node-server's lightweight request into a full fetch Request with a web stream body,
 * which cost a tenth of a signed-in call's CPU when every request took it.
 */
export function apiBodyLimit(maxSize = MAX_API_BODY_BYTES) {
  const tooLarge = (c: Context) => c.json({ error: { code: 'PAYLOAD_TOO_LARGE', message: `请求内容过大（不能超过 ${Math.round(maxSize / 1024 / 1024)} MB）` } }, 413);
  const counted = bodyLimit({ maxSize, onError: tooLarge });
  return createMiddleware(async function limitApiBody(c, next) {
    // A GET or HEAD has no body a fetch Request can carry.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const declared = c.req.header('content-length');
    if (declared !== undefined && DECLARED_LENGTH.test(declared) && c.req.header('transfer-encoding') === undefined) {
      return Number(declared) > maxSize ? tooLarge(c) : next();
    }
    return counted(c, next);
  });
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Refuses a body that is not valid UTF-8, rather than letting the decoder turn the bad
 * bytes into U+FFFD and store them in a document. The bytes are read once (straight from
 * the socket on Node), and the text decoded here is what the tRPC handler reads afterwards
 * (`c.req.text()` answers from Hono's body cache): without it Hono would re-read the cached
 * bytes through a new fetch Response and a web stream on every call.
 */
export function utf8Body() {
  return createMiddleware(async function requireUtf8(c, next) {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const bytes = await c.req.arrayBuffer();
    let text: string;
    try {
      text = strictUtf8.decode(bytes);
    } catch {
      return c.json({ error: { code: 'BAD_REQUEST', message: '请求内容不是有效的 UTF-8 文本' } }, 400);
    }
    // Hono keeps the promise of each body read there (its type says the value; the code keeps the promise).
    (c.req.bodyCache as unknown as { text?: Promise<string> }).text = Promise.resolve(text);
    return next();
  });
}
