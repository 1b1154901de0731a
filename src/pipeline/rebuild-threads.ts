// Pipeline: the stored events that can be thread steps → assistance threads, built one recipient at a time so that memory holds one party's events, not all of them.
//
// Why a subset suffices: a thread's steps come from the events of one pair of parties (groupSteps in
// link/build-threads.ts), and its related steps from the giving steps of other threads to the same recipient. The
// threads to a party therefore read only events that name it, and building from those alone gives exactly what
// building from every event gives them — provided "now" (asOf, for stalled threads) is the newest date of all events.
import { buildThreads } from '../link/build-threads.js';
import type { KindTree } from '../link/kind-tree.js';
import { THREAD_ROOTS } from '../link/thread-steps.js';
import { filterProblem } from '../store/event-filter.js';
import type { EventFilter, Store } from '../store/store.js';
import { isoOfDay, parseDaySpan } from '../types/day-number.js';
import type { Cluster, Thread } from '../types/link.js';

const PAGE = 10_000;
const ROOTS = [...THREAD_ROOTS];

/** Every stored cluster matching a filter, by id, a page at a time. */
async function* storedClusters(store: Store, filter: EventFilter): AsyncIterable<Cluster[]> {
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.clusters(filter, { sort: 'id', limit: PAGE, offset });
    yield page;
    if (page.length < PAGE) break;
  }
}

/** The last day an event bears on "now": of its date or of its last report, whichever is later; null when neither is known. */
export function lastDayOf(cluster: Cluster): number | null {
  let last: number | null = null;
  for (const date of [cluster.date, cluster.lastReport]) {
    const day = parseDaySpan(date)?.last ?? null;
    if (day !== null && (last === null || day > last)) last = day;
  }
  return last;
}

/** True for an event that can be a thread step (its root is in THREAD_ROOTS). */
export function isThreadEvent(cluster: Cluster): boolean {
  return ROOTS.includes(cluster.root);
}

/** The parties of the stored events that can be thread steps, and the newest day among them ("now"), in one pass a page at a time. */
export async function threadParties(store: Store): Promise<{ parties: string[]; newest: number | null }> {
  const parties = new Set<string>();
  let newest: number | null = null;
  for await (const page of storedClusters(store, { root: ROOTS })) {
    for (const cluster of page) {
      parties.add(cluster.source);
      if (cluster.target !== null) parties.add(cluster.target);
      const day = lastDayOf(cluster);
      if (day !== null && (newest === null || day > newest)) newest = day;
    }
  }
  return { parties: [...parties].sort(), newest };
}

/**
 * The threads to each of `parties` (recipients), built from the stored events naming it, with `newest` as "now" and
 * the store's kind tree (`kinds`: deliveries matched to what was asked); by id.
 */
export async function threadsTo(store: Store, parties: readonly string[], newest: number | null, kinds: KindTree): Promise<Thread[]> {
  const options = newest === null ? { kinds } : { kinds, asOf: isoOfDay(newest) };
  const threads: Thread[] = [];
  for (const party of parties) {
    // the store's actor filter keeps a superset (codes starting with the party, or of its country): the rest is dropped here
    const filter: EventFilter = filterProblem({ actor: [party] }) === null ? { root: ROOTS, actor: [party] } : { root: ROOTS };
    const naming: Cluster[] = [];
    for await (const page of storedClusters(store, filter)) {
      for (const cluster of page) if (cluster.source === party || cluster.target === party) naming.push(cluster);
    }
    for (const thread of buildThreads(naming, options)) if (thread.recipient === party) threads.push(thread);
  }
  return threads.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Every thread, as `buildThreads` gives them from all the stored events that can be thread steps, built recipient by
 * recipient (memory holds the events of one party at a time), by the store's kind tree `kinds`.
 */
export async function rebuildThreads(store: Store, kinds: KindTree): Promise<Thread[]> {
  const { parties, newest } = await threadParties(store);
  return threadsTo(store, parties, newest, kinds);
}
