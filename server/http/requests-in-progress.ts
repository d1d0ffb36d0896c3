import { createMiddleware } from 'hono/factory';
import { requestInProgress } from '../db/batched-read';

/**
 * Counts every request while it is in progress, so that the reads each request makes with its
 * own key are batched only when other requests are in progress too (db/batched-read.ts).
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
