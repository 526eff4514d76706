/**
 * Runs `fn` over the items with at most `limit` at a time, pulling the next item only when one
 * finishes: a generator behind `items` (a manifest's rows) is never read further ahead than that.
 */
export async function forEachLimit<T>(
  items: Iterable<T>,
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  const it = items[Symbol.iterator]();
  const worker = async () => {
    for (let next = it.next(); !next.done; next = it.next()) await fn(next.value);
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
}
