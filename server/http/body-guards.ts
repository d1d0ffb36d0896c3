import { createMiddleware } from 'hono/factory';
import { bodyLimit } from 'hono/body-limit';

/** tRPC calls carry form fields, never files (attachments have their own route and limit). */
export const MAX_API_BODY_BYTES = 1024 * 1024;

/** Refuses an API body over the limit before anything reads it, counting streamed bytes too. */
export function apiBodyLimit(maxSize = MAX_API_BODY_BYTES) {
  return bodyLimit({
    maxSize,
    onError: (c) => c.json({ error: { code: 'PAYLOAD_TOO_LARGE', message: `请求内容过大（不能超过 ${Math.round(maxSize / 1024 / 1024)} MB）` } }, 413),
  });
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Refuses a body that is not valid UTF-8, rather than letting the decoder turn the bad
 * bytes into U+FFFD and store them in a document. The bytes are read once and cached by
 * Hono, so the tRPC handler reads the same body afterwards.
 */
export function utf8Body() {
  return createMiddleware(async function requireUtf8(c, next) {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || !c.req.raw.body) return next();
    const bytes = await c.req.arrayBuffer();
    try {
      strictUtf8.decode(bytes);
    } catch {
      return c.json({ error: { code: 'BAD_REQUEST', message: '请求内容不是有效的 UTF-8 文本' } }, 400);
    }
    return next();
  });
}
