import { describe, expect, it } from 'vitest';
import { createTRPCUntypedClient, type Operation, type TRPCLink } from '@trpc/client';
import type { AnyRouter } from '@trpc/server';
import { observable } from '@trpc/server/observable';
import { sharedQueriesLink } from './shared-queries-link';

/** A server stand-in: answers a query after 20 ms and a mutation after 2 ms, or fails the paths named. */
function fakeServer(failing: string[] = []) {
  const sent: Operation[] = [];
  const link: TRPCLink<AnyRouter> = () => ({ op }) =>
    observable((observer) => {
      sent.push(op);
      const answer = `${op.path}(${JSON.stringify(op.input ?? null)}) #${sent.length}`;
      const timer = setTimeout(() => {
        if (failing.includes(op.path)) return observer.error(new Error(`${op.path} failed`) as never);
        observer.next({ result: { type: 'data', data: answer } });
        observer.complete();
      }, op.type === 'mutation' ? 2 : 20);
      return () => clearTimeout(timer);
    });
  const client = createTRPCUntypedClient<AnyRouter>({ links: [sharedQueriesLink(), link] });
  return { client, sent };
}

describe('sharedQueriesLink', () => {
  it('sends a query asked twice at once only once, and both callers get its answer', async () => {
    const { client, sent } = fakeServer();
    const answers = await Promise.all([client.query('review.inbox'), client.query('review.inbox'), client.query('validity.pending')]);
    expect(answers).toEqual(['review.inbox(null) #1', 'review.inbox(null) #1', 'validity.pending(null) #2']);
    expect(sent.map((op) => op.path)).toEqual(['review.inbox', 'validity.pending']);
  });

  it('keeps queries with other inputs apart, and never shares a mutation', async () => {
    const { client, sent } = fakeServer();
    await Promise.all([client.query('documents.get', { id: 'a' }), client.query('documents.get', { id: 'b' }), client.query('documents.get', { id: 'a' })]);
    expect(sent.map((op) => op.input)).toEqual([{ id: 'a' }, { id: 'b' }]);
    const approvals = await Promise.all([client.mutation('review.approve', { id: 'a' }), client.mutation('review.approve', { id: 'a' })]);
    expect(approvals).toEqual(['review.approve({"id":"a"}) #3', 'review.approve({"id":"a"}) #4']);
  });

  it('asks the server again once the shared answer has come', async () => {
    const { client, sent } = fakeServer();
    expect(await client.query('review.inbox')).toBe('review.inbox(null) #1');
    expect(await client.query('review.inbox')).toBe('review.inbox(null) #2');
    expect(sent).toHaveLength(2);
  });

  it('gives every caller the failure, then asks anew', async () => {
    const { client, sent } = fakeServer(['review.inbox']);
    const outcomes = await Promise.allSettled([client.query('review.inbox'), client.query('review.inbox')]);
    expect(outcomes.map((o) => (o.status === 'rejected' ? (o.reason as Error).message : 'answered'))).toEqual(['review.inbox failed', 'review.inbox failed']);
    await expect(client.query('review.inbox')).rejects.toThrow('review.inbox failed');
    expect(sent).toHaveLength(2);
  });

  it('sends a query its caller may cancel on its own', async () => {
    const { client, sent } = fakeServer();
    const cancellable = new AbortController();
    const answers = await Promise.all([client.query('review.inbox', undefined, { signal: cancellable.signal }), client.query('review.inbox')]);
    expect(answers).toEqual(['review.inbox(null) #1', 'review.inbox(null) #2']);
    expect(sent).toHaveLength(2);
  });

  it('never gives a query asked after a change an answer begun before it', async () => {
    const { client, sent } = fakeServer();
    const before = client.query('review.inbox');
    await client.mutation('review.approve', { id: 'a' });
    // The first query is still on the wire, yet this one is asked after the approval: sent anew.
    const after = client.query('review.inbox');
    expect([await before, await after]).toEqual(['review.inbox(null) #1', 'review.inbox(null) #3']);
    expect(sent.map((op) => op.path)).toEqual(['review.inbox', 'review.approve', 'review.inbox']);
  });
});
