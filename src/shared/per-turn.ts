import { setImmediate as nextTurn } from "node:timers/promises";

/**
 * Gathers the calls made in one turn of the event loop and hands them to
 * `run` together (one statement for all, say), so a busy bot does not pay a
 * database round trip per call. `run` gets the items in call order and
 * returns a result per item (or nothing). Every caller of a batch shares its
 * outcome: if `run` fails, each of them gets the error.
 */
export function perTurn<T, R = void>(run: (items: T[]) => Promise<R[] | void>): (item: T) => Promise<R> {
  let batch: { items: T[]; results: Promise<R[] | void> } | undefined;
  return (item) => {
    if (!batch) {
      const items: T[] = [];
      const results = nextTurn().then(() => {
        batch = undefined;
        return run(items);
      });
      batch = { items, results };
    }
    const index = batch.items.push(item) - 1;
    return batch.results.then((r) => r?.[index] as R);
  };
}

/**
 * The last value given for each key (a row once per statement, as PostgreSQL's
 * ON CONFLICT needs), sorted by key: instances that write overlapping rows at
 * once then lock them in the same order, so they cannot deadlock.
 */
export function lastPerKey<V>(pairs: [string, V][]): [string, V][] {
  return [...new Map(pairs)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
