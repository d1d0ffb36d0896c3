import { createMiddleware } from 'hono/factory';
import { requestInProgress } from '../db/batched-read';

/**
 * Counts every request while it is in progress, and notes when it began, so that the reads each
 * request makes with its own key are batched only while the server is busy (db/batched-read.ts).
 */
export function countRequestsInProgress() {
  return createMiddleware(async function requestsInProgress(_c, next) {
    const ended = requestInProgress();
    try {
      await next();
    } finally {
      ended();
    }
  });
}
