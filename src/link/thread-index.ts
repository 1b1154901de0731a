// Link stage: changed events (a ClusterChange) → the assistance threads they touch, rebuilt from the events of the parties concerned alone.
//
// Why a subset suffices: a thread's steps come from the events of one pair of parties (groupSteps in
// build-threads.ts), and its related steps from the giving steps of other threads to the same recipient. An event
// between A and B can therefore change only the threads whose recipient is A or B; and every event those threads
// read (their pair's, or a step given to A or B) names A or B. So rebuilding from the events that name a changed
// party, and keeping the threads to one of those parties, gives exactly what a full rebuild gives them — provided
// "now" (asOf, for stalled threads) is the newest date of all events, which is kept here and passed along.
import { buildThreads, type ThreadOptions } from './build-threads.js';
import { isoOfDay, parseDaySpan } from '../types/day-number.js';
import type { Cluster, ClusterChange, Thread } from '../types/link.js';

/** What a change does to the stored threads: replace all of them, or only those to `recipients`. */
export type ThreadUpdate =
  | { kind: 'none' }
  | { kind: 'all'; threads: Thread[] }
  | { kind: 'recipients'; recipients: string[]; threads: Thread[] };

/**
 * The events (clusters) that can be thread steps, indexed by party, kept in step with the ClusterChanges of linking.
 * `update(change)` says which threads the change touches and gives them rebuilt; when the newest event date moves
 * (so "now" moves, and any thread may have become stalled or stopped being so) it gives every thread.
 */
export class ThreadIndex {
  private readonly byId = new Map<string, Cluster>();
  private readonly byParty = new Map<string, Set<string>>();
  /** Last day of each event's date or last report, for asOf (the newest of them). */
  private readonly lastDays = new Map<string, number>();
  private asOf: number | null = null;

  /**
   * @param roots the CAMEO roots of the events that can be thread steps; others are ignored.
   * @param options thread options; `asOf` is computed here and may not be given.
   */
  constructor(private readonly roots: readonly string[], clusters: Iterable<Cluster> = [], private readonly options: Omit<ThreadOptions, 'asOf'> = {}) {
    for (const cluster of clusters) this.put(cluster);
    this.asOf = this.newestDay();
  }

  /** Number of events held. */
  get size(): number {
    return this.byId.size;
  }

  /** Every thread, as `buildThreads` gives them from all the events held. */
  all(): Thread[] {
    return buildThreads([...this.byId.values()], this.threadOptions());
  }

  /** Applies a change of linking and returns what it does to the threads. */
  update(change: ClusterChange): ThreadUpdate {
    const parties = new Set<string>();
    const note = (cluster: Cluster | undefined): void => {
      if (cluster === undefined) return;
      parties.add(cluster.source);
      if (cluster.target !== null) parties.add(cluster.target);
    };
    for (const id of change.removed) {
      note(this.byId.get(id));
      this.drop(id);
    }
    for (const cluster of change.upserted) {
      const before = this.byId.get(cluster.id);
      if (before === undefined && !this.roots.includes(cluster.root)) continue;
      note(before);
      this.drop(cluster.id);
      if (this.roots.includes(cluster.root)) {
        note(cluster);
        this.put(cluster);
      }
    }
    if (parties.size === 0) return { kind: 'none' };
    const asOf = this.newestDay();
    if (asOf !== this.asOf) {
      this.asOf = asOf;
      return { kind: 'all', threads: this.all() };
    }
    const ids = new Set<string>();
    for (const party of parties) for (const id of this.byParty.get(party) ?? []) ids.add(id);
    const clusters = [...ids].map((id) => this.byId.get(id) as Cluster);
    const threads = buildThreads(clusters, this.threadOptions()).filter((thread) => parties.has(thread.recipient));
    return { kind: 'recipients', recipients: [...parties].sort(), threads };
  }

  private threadOptions(): ThreadOptions {
    return this.asOf === null ? { ...this.options } : { ...this.options, asOf: isoOfDay(this.asOf) };
  }

  private put(cluster: Cluster): void {
    if (!this.roots.includes(cluster.root)) return;
    this.byId.set(cluster.id, cluster);
    for (const party of partiesOf(cluster)) {
      const ids = this.byParty.get(party);
      if (ids === undefined) this.byParty.set(party, new Set([cluster.id]));
      else ids.add(cluster.id);
    }
    let last: number | null = null;
    for (const date of [cluster.date, cluster.lastReport]) {
      const day = parseDaySpan(date)?.last ?? null;
      if (day !== null && (last === null || day > last)) last = day;
    }
    if (last !== null) this.lastDays.set(cluster.id, last);
  }

  private drop(id: string): void {
    const cluster = this.byId.get(id);
    if (cluster === undefined) return;
    this.byId.delete(id);
    this.lastDays.delete(id);
    for (const party of partiesOf(cluster)) {
      const ids = this.byParty.get(party);
      ids?.delete(id);
      if (ids?.size === 0) this.byParty.delete(party);
    }
  }

  /** The newest day of any event held (a pass over a number per event: far cheaper than the rebuild it saves). */
  private newestDay(): number | null {
    let newest: number | null = null;
    for (const day of this.lastDays.values()) if (newest === null || day > newest) newest = day;
    return newest;
  }
}

function partiesOf(cluster: Cluster): string[] {
  return cluster.target === null || cluster.target === cluster.source ? [cluster.source] : [cluster.source, cluster.target];
}
