// Pipeline test fixtures: a store that "dies" at a chosen write (as `kill -9` would leave it), and a snapshot of everything an ingest leaves.
import type { Store } from '../store/store.js';

/** Thrown by a crashing store: the process "dies" here, leaving the database as the last commit left it. */
export class Crash extends Error {}

/** The calls that write: each is one transaction (`transaction` one more, around what its function writes). */
const WRITES = new Set(['putArticle', 'putArticles', 'putEvents', 'applyClusterChange', 'putThreads', 'transaction']);

/**
 * The store, dying at its `at`-th write: before it (nothing of it written) or after its commit. Both are every
 * state a `kill -9` can leave, since each write is one transaction.
 */
export function crashingStore(store: Store, at: number, afterCommit: boolean): Store {
  let writes = 0;
  return new Proxy(store, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      if (typeof name !== 'string' || !WRITES.has(name)) return value.bind(target) as unknown;
      return async (...args: unknown[]): Promise<unknown> => {
        writes++;
        if (writes === at && !afterCommit) throw new Crash(`killed before write ${at}`);
        const result: unknown = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        if (writes === at) throw new Crash(`killed after write ${at}`);
        return result;
      };
    },
  });
}

/** Everything an ingest leaves for the articles `ids`: their near-duplicate links, events, clusters, threads. */
export async function snapshot(store: Store, ids: readonly string[]): Promise<unknown> {
  const events = [];
  for await (const event of store.iterateEvents({}, { pageSize: 1000 })) events.push(event.id);
  const stats = await store.stats();
  const refs = await store.articleRefs(ids);
  return {
    articles: refs.map((r) => [r.id, r.nearDuplicateOf]).sort(),
    events: events.sort(),
    counts: [stats.articles, stats.nearDuplicates, stats.events],
    clusters: await store.clusters({}, { sort: 'id', limit: 10_000 }),
    threads: await store.threads(),
  };
}
