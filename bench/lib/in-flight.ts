/**
 * Runs `work` over `items` with at most `limit` calls in flight, each worker taking the next
 * item as it finishes one (as that many independent clients would). Rejects on the first error.
 */
export async function inFlight<T>(items: readonly T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}
