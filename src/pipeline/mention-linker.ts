// Pipeline stage: stored batches of coded articles → events (clusters) kept current in the store; threads rebuilt at the end.
import { Clusterer } from '../link/cluster-events.js';
import type { KindTree } from '../link/kind-tree.js';
import { THREAD_ROOTS } from '../link/thread-steps.js';
import type { Cluster, ClusterChange, MentionInput } from '../types/link.js';
import { rebuildThreads } from './rebuild-threads.js';
import { restoreRegions } from './restore-regions.js';
import { storedMentions } from './stored-mentions.js';
import type { ArticleEntry, PutResult, Store, StoredMention } from '../store/store.js';

const PAGE = 10_000;

/** The stored clusters that can be thread steps (roots in THREAD_ROOTS), by id, read page by page. */
export async function threadClusters(store: Store): Promise<Cluster[]> {
  const clusters: Cluster[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.clusters({ root: [...THREAD_ROOTS] }, { sort: 'id', limit: PAGE, offset });
    clusters.push(...page);
    if (page.length < PAGE) break;
  }
  return clusters;
}

/** What linking did in one run. */
export interface LinkSummary {
  /** Clusters (events level) in the store after the run. */
  clusters: number;
  /** Threads in the store after the run. */
  threads: number;
}

/** Mentions a linker holds in memory by default (~1.7 KB each): about 85 MB of clustering state, whatever the store holds. */
export const LINK_CAPACITY = 50_000;

/** How a linker is opened. */
export interface MentionLinkerOptions {
  /** The kind tree the store's reports are linked by (`settleKinds`: Dyad's kinds with those the store records). */
  kinds: KindTree;
  /** Most mentions held in memory (default LINK_CAPACITY); the rest is read back from the store when a report needs it. */
  capacity?: number;
}

/**
 * Keeps the store's clusters in step with its mentions while an ingest runs: fed each stored batch, writing only
 * what changed. Order-independent: the clusters depend only on the set of mentions, whatever order the articles
 * arrived in. Its memory is bounded: the clusterer holds at most `capacity` mentions (past it, the islands touched
 * least recently are dropped), and before a batch is added the stored mentions it may relate to and memory does not
 * hold are read back (`restoreRegions`), so the result is the one of a clusterer that holds everything.
 */
export class MentionLinker {
  private constructor(private readonly store: Store, private readonly clusterer: Clusterer, readonly kinds: KindTree) {}

  /**
   * A linker over the store's mentions. Stored mentions not linked yet (an earlier run was killed between writing a
   * batch and its clusters, an article was coded again, or the store predates clustering) are linked now: each
   * one's island is read back whole and its events are rewritten, and the events its reports were in before are
   * summarised again or deleted. One pass over the stored mentions, which holds none of them.
   */
  static async open(store: Store, options: MentionLinkerOptions): Promise<MentionLinker> {
    const holdsAll = !(await hasMentions(store));
    const clusterer = new Clusterer({ kinds: options.kinds, capacity: options.capacity ?? LINK_CAPACITY, holdsAll });
    const linker = new MentionLinker(store, clusterer, options.kinds);
    if (!holdsAll) await linker.linkUnlinked();
    return linker;
  }

  /** Links the stored mentions that belong to no cluster (see `open`). */
  private async linkUnlinked(): Promise<void> {
    const { store, clusterer } = this;
    /** Stored cluster ids a report left, whose first report memory did not hold: settled at the end. */
    const unsettled = new Set<string>();
    const removed = new Set<string>();
    const link = async (unlinked: StoredMention[]): Promise<void> => {
      await restoreRegions(store, clusterer, clusterer.regionsToRead(unlinked), NONE);
      const upserted = new Map<string, Cluster>();
      const members = new Set<string>();
      for (const mention of unlinked) {
        if (members.has(mention.event.id)) continue;
        // every event of its island is written: which are ambiguous depends on all the island's reports
        for (const id of clusterer.islandClusters(mention.event.id)) upserted.set(id, clusterer.cluster(id) as Cluster);
        for (const id of clusterer.islandMentions(mention.event.id)) members.add(id);
      }
      for (const mention of unlinked) members.delete(mention.event.id);
      // the events the island's other reports were in: still an event when its first report is still in it
      for (const id of members) {
        const before = (await store.clusterOf(id))?.id ?? null;
        if (before === null || upserted.has(before)) continue;
        const first = before.slice(2);
        if (!clusterer.holds(first)) unsettled.add(before);
        else if (clusterer.clusterOf(first) === before) upserted.set(before, clusterer.cluster(before) as Cluster);
        else removed.add(before);
      }
      if (upserted.size > 0) await store.applyClusterChange({ upserted: [...upserted.values()], removed: [], merged: [] });
      clusterer.trim();
    };
    // reports without an event date are held for good (the store is read back by event date; they may be placed by
    // their publication date), so they are read first, with the islands they are on
    const undated: StoredMention[] = [];
    for await (const mention of store.iterateMentions({ pageSize: PAGE })) if (mention.event.date === null) undated.push(mention);
    await restoreRegions(store, clusterer, clusterer.regionsToRead(undated), NONE);
    clusterer.addQuietly(undated);
    let unlinked: StoredMention[] = [];
    for await (const mention of store.iterateMentions({ pageSize: PAGE })) {
      if (mention.cluster !== null) continue;
      unlinked.push(mention);
      if (unlinked.length >= 1000) {
        await link(unlinked);
        unlinked = [];
      }
    }
    if (unlinked.length > 0) await link(unlinked);
    for (const id of unsettled) {
      const event = await store.getEvent(id.slice(2));
      if (event === null) {
        removed.add(id);
        continue;
      }
      const mentions = await storedMentions(store, [event]);
      await restoreRegions(store, clusterer, clusterer.regionsToRead(mentions), NONE);
      clusterer.addQuietly(mentions);
      if (clusterer.clusterOf(event.id) === id) await store.applyClusterChange({ upserted: [clusterer.cluster(id) as Cluster], removed: [], merged: [] });
      else removed.add(id);
      clusterer.trim();
    }
    if (removed.size > 0) await store.applyClusterChange({ upserted: [], removed: [...removed], merged: [] });
  }

  /**
   * Adds the new, coded articles of a stored batch (`results[i]` is the outcome of `entries[i]`) and stores the change;
   * `beforeStore` is called with the change before it is stored (to read what it replaces).
   */
  async addBatch(entries: readonly ArticleEntry[], results: ReadonlyArray<PutResult | null>,
    beforeStore?: (change: ClusterChange) => Promise<void>): Promise<ClusterChange> {
    const mentions: MentionInput[] = [];
    entries.forEach((entry, i) => {
      const result = results[i];
      if (result === null || result === undefined || !result.new) return;
      const { article, meta } = entry;
      for (const event of entry.events) {
        mentions.push({ event, outlet: article.source ?? null, published: article.date ?? null, nearDuplicateOf: meta.nearDuplicateOf ?? null });
      }
    });
    // the batch is stored already: it is added below, not read back
    const batch = new Set(mentions.map((m) => m.event.id));
    await restoreRegions(this.store, this.clusterer, this.clusterer.regionsToRead(mentions), batch);
    const change = this.clusterer.addAll(mentions);
    if (change.upserted.length > 0 || change.removed.length > 0) {
      await beforeStore?.(change);
      await this.store.applyClusterChange(change);
    }
    this.clusterer.trim();
    return change;
  }

  /** Rebuilds the threads from the stored clusters about help, one recipient at a time (`rebuildThreads`), and stores them. */
  async finish(): Promise<LinkSummary> {
    const threads = await rebuildThreads(this.store, this.kinds);
    await this.store.putThreads(threads);
    return { clusters: await this.store.countClusters({}), threads: threads.length };
  }
}

const NONE: ReadonlySet<string> = new Set();

/** True when the store holds at least one mention. */
async function hasMentions(store: Store): Promise<boolean> {
  for await (const mention of store.iterateMentions({ pageSize: 1 })) return mention !== undefined;
  return false;
}
