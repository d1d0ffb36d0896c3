/**
 * A tRPC link: a query asked while the same query (same procedure, same input) is already on
 * its way shares that one's answer instead of going to the server again. Mutations always go,
 * and a query asked after a mutation has started never shares one asked before.
 *
 * Why: components ask for what they show, and two of them sometimes show the same thing. On
 * every visit to 我的待办, the header's count and the page itself both ask for the inbox and
 * the validity changes in the same tick. One batched request then carried each query twice, and
 * the server built the reviewer's whole inbox twice.
 *
 * The first caller's operation is the one sent, so a query its caller may cancel (with an
 * AbortSignal) is never shared: another caller must not lose its answer to that cancellation.
 */
import type { OperationResultObservable, TRPCLink } from '@trpc/client';
import type { AnyRouter } from '@trpc/server';
import { observable, share, tap } from '@trpc/server/observable';

export function sharedQueriesLink<TRouter extends AnyRouter>(): TRPCLink<TRouter> {
  return () => {
    const onTheWire = new Map<string, OperationResultObservable<TRouter, unknown>>();
    // A change (a mutation) starting or answered: queries asked from then on go out anew, so
    // a count refreshed after an approval never takes an answer begun before it.
    const forget = () => onTheWire.clear();
    const forgettingOnChange = (sent: OperationResultObservable<TRouter, unknown>): OperationResultObservable<TRouter, unknown> => {
      forget();
      return sent.pipe(tap({ next: forget, error: forget, complete: forget }));
    };
    return ({ op, next }) => {
      if (op.type === 'mutation') return forgettingOnChange(next(op));
      if (op.type !== 'query' || op.signal) return next(op);
      const key = `${op.path}\n${JSON.stringify(op.input ?? null)}`;
      const found = onTheWire.get(key);
      if (found) return found;
      const sent: OperationResultObservable<TRouter, unknown> = observable((observer) => {
        const subscription = next(op).subscribe(observer);
        // Answered, failed, or no caller left: the next such query goes out anew.
        return () => {
          if (onTheWire.get(key) === shared) onTheWire.delete(key);
          subscription.unsubscribe();
        };
      });
      const shared = sent.pipe(share());
      onTheWire.set(key, shared);
      return shared;
    };
  };
}
