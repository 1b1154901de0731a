// Pipeline: the stored events that can be thread steps → every assistance thread, built one recipient at a time so that memory holds one party's events, not all of them.
import { buildThreads } from '../link/build-threads.js';
import { THREAD_ROOTS } from '../link/thread-steps.js';
import { filterProblem } from '../store/event-filter.js';
import type { EventFilter, Store } from '../store/store.js';
import { isoOfDay, parseDaySpan } from '../types/day-number.js';
import type { Cluster, Thread } from '../types/link.js';

const PAGE = 10_000;

/** Every stored cluster matching a filter, by id, a page at a time. */
async function* storedClusters(store: Store, filter: EventFilter): AsyncIterable<Cluster[]> {
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.clusters(filter, { sort: 'id', limit: PAGE, offset });
    yield page;
    if (page.length < PAGE) break;
  }
}

/**
 * Every thread, as `buildThreads` gives them from all the stored events that can be thread steps, built recipient by
 * recipient: the threads to a party read only events naming that party (thread-index.ts says why), so each is built
 * from those alone, with "now" (for stalled threads) the newest date of all events, found in a first pass that keeps
 * only the parties and that date. Memory holds the events of one party at a time.
 */
export async function rebuildThreads(store: Store): Promise<Thread[]> {
  const roots = [...THREAD_ROOTS];
  const parties = new Set<string>();
  let newest: number | null = null;
  for await (const page of storedClusters(store, { root: roots })) {
    for (const cluster of page) {
      parties.add(cluster.source);
      if (cluster.target !== null) parties.add(cluster.target);
      for (const date of [cluster.date, cluster.lastReport]) {
        const day = parseDaySpan(date)?.last ?? null;
        if (day !== null && (newest === null || day > newest)) newest = day;
      }
    }
  }
  const options = newest === null ? {} : { asOf: isoOfDay(newest) };
  const threads: Thread[] = [];
  for (const party of [...parties].sort()) {
    // the store's actor filter keeps a superset (codes starting with the party, or of its country): the rest is dropped here
    const filter: EventFilter = filterProblem({ actor: [party] }) === null ? { root: roots, actor: [party] } : { root: roots };
    const naming: Cluster[] = [];
    for await (const page of storedClusters(store, filter)) {
      for (const cluster of page) if (cluster.source === party || cluster.target === party) naming.push(cluster);
    }
    for (const thread of buildThreads(naming, options)) if (thread.recipient === party) threads.push(thread);
  }
  return threads.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
