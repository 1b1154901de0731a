// Corrections: the stored threads + the corrected events → the threads as corrected: those of the parties a correction
// touched built again from their corrected events, the others as stored; and a thread filter matched in memory.

import { buildThreads } from '../link/build-threads.js';
import { isoOfDay, parseDaySpan } from '../types/day-number.js';
import type { Cluster, Thread } from '../types/link.js';
import { THREAD_ROOTS } from '../link/thread-steps.js';
import { firstDay, lastDay } from '../store/event-filter.js';
import type { EventFilter, ThreadFilter } from '../store/store.js';
import { threadFilterProblem } from '../store/thread-filter.js';
import { argumentError } from '../store/argument-error.js';
import type { CorrectedView } from './corrected-view.js';

/** What building the corrected threads reads. */
export interface ThreadSources {
  /** The threads as stored (as the linker built them from the events as coded). */
  stored: () => Promise<Thread[]>;
  /** Every corrected event matching a filter. */
  events: (filter: EventFilter) => Promise<Cluster[]>;
  /** The day threads are judged stalled at, as the linker judged them (see `threadsAsOf`). */
  asOf: () => Promise<string | null>;
}

/** The day buildThreads judges stalls at, for these events: the last day any of them is dated or reported on. */
export function threadsAsOf(clusters: Iterable<Cluster>): string | null {
  let asOf: number | null = null;
  for (const cluster of clusters) {
    for (const d of [cluster.date, cluster.lastReport]) {
      const last = parseDaySpan(d)?.last ?? null;
      if (last !== null && (asOf === null || last > asOf)) asOf = last;
    }
  }
  return asOf === null ? null : isoOfDay(asOf);
}

/** Most recent last step first, then id: the order the stores list threads in. */
function byLastStep(a: Thread, b: Thread): number {
  if (a.lastStep !== b.lastStep) return a.lastStep === null ? 1 : b.lastStep === null ? -1 : a.lastStep > b.lastStep ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The sides (country, else code) of every event a correction replaced or made. */
function touchedParties(view: CorrectedView): Set<string> {
  const parties = new Set<string>();
  const add = (c: Cluster): void => {
    parties.add(c.source);
    if (c.target !== null) parties.add(c.target);
  };
  for (const { cluster } of view.originalClusters) add(cluster);
  for (const cluster of view.corrected.clusters) add(cluster);
  return parties;
}

const built = new WeakMap<CorrectedView, Promise<Thread[]>>();

/**
 * The threads as corrected, most recent last step first. A thread depends only on the events between its supplier and
 * recipient and on the other suppliers' events for its recipient (its related steps). An event a correction replaced
 * or made has both its sides among the touched parties, so a thread whose recipient is not one of them has no such
 * event among its steps or related steps, and is as stored; the threads of the touched recipients are built again
 * from every corrected event naming a touched party (which holds all their steps and related steps). Built once per view.
 */
export function correctedThreads(view: CorrectedView, sources: ThreadSources): Promise<Thread[]> {
  let threads = built.get(view);
  if (threads === undefined) {
    threads = (async () => {
      const parties = touchedParties(view);
      const roots = [...THREAD_ROOTS];
      const asOf = await sources.asOf();
      const options = asOf === null ? { kinds: view.kinds } : { kinds: view.kinds, asOf };
      // a side no filter can name (not a code): build every thread again
      if ([...parties].some((p) => !/^[A-Z0-9_-]{1,40}$/.test(p))) return buildThreads(await sources.events({ root: roots }), options).sort(byLastStep);
      const stored = await sources.stored();
      const touches = (t: Thread): boolean => parties.has(t.recipient);
      const rebuilt = buildThreads(await sources.events({ root: roots, actor: [...parties] }), options).filter(touches);
      return [...stored.filter((t) => !touches(t)), ...rebuilt].sort(byLastStep);
    })();
    built.set(view, threads);
  }
  return threads;
}

/** True when a thread matches a filter as the stores match it; throws E602 for a malformed filter. */
export function threadMatches(thread: Thread, filter: ThreadFilter): boolean {
  const problem = threadFilterProblem(filter);
  if (problem !== null) throw argumentError('filter', `${problem.field} ${problem.message}`);
  if (filter.party !== undefined) {
    const party = filter.party.toUpperCase();
    if (thread.supplier !== party && thread.recipient !== party) return false;
  }
  if (filter.kind !== undefined && thread.context !== filter.kind && !thread.kinds.includes(filter.kind)) return false;
  if (filter.status !== undefined && thread.status !== filter.status) return false;
  const opened = thread.opened ?? thread.lastStep;
  const last = thread.lastStep ?? thread.opened;
  if (filter.since !== undefined && (last === null || lastDay(last) < firstDay(filter.since))) return false;
  if (filter.until !== undefined && (opened === null || firstDay(opened) > lastDay(filter.until))) return false;
  return true;
}
