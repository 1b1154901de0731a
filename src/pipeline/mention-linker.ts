// Pipeline stage: stored batches of coded articles → events (clusters) kept current in the store; threads rebuilt at the end.
import { buildThreads } from '../link/build-threads.js';
import { Clusterer } from '../link/cluster-events.js';
import { THREAD_ROOTS } from '../link/thread-steps.js';
import type { Cluster, ClusterChange, MentionInput } from '../types/link.js';
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

/**
 * Keeps the store's clusters in step with its mentions while an ingest runs: seeded once from the stored mentions,
 * then fed each stored batch, writing only what changed. Order-independent: the clusters depend only on the set of
 * mentions, whatever order the articles arrived in.
 */
export class MentionLinker {
  private readonly clusterer = new Clusterer();

  private constructor(private readonly store: Store) {}

  /**
   * A linker seeded with every stored mention. When the stored clusters disagree with the mentions (an earlier run
   * was killed between writing a batch and its clusters, or the store predates clustering), they are rewritten.
   */
  static async open(store: Store): Promise<MentionLinker> {
    const linker = new MentionLinker(store);
    // fed a page at a time (clustering does not depend on order), so no list of every stored mention is held
    let page: StoredMention[] = [];
    for await (const mention of store.iterateMentions({ pageSize: PAGE })) {
      page.push(mention);
      if (page.length >= PAGE) {
        linker.clusterer.addQuietly(page);
        page = [];
      }
    }
    linker.clusterer.addQuietly(page);
    // a second pass compares what is stored with what the mentions make
    const stale = new Set<string>();
    let repair = false;
    for await (const mention of store.iterateMentions({ pageSize: PAGE })) {
      if (mention.cluster !== null) stale.add(mention.cluster);
      if (mention.cluster !== linker.clusterer.clusterOf(mention.event.id)) repair = true;
    }
    if (repair) {
      const upserted = linker.clusterer.clusters();
      for (const cluster of upserted) stale.delete(cluster.id);
      await store.applyClusterChange({ upserted, removed: [...stale], merged: [] });
    }
    return linker;
  }

  /** Adds the new, coded articles of a stored batch (`results[i]` is the outcome of `entries[i]`) and stores the change. */
  async addBatch(entries: readonly ArticleEntry[], results: ReadonlyArray<PutResult | null>): Promise<ClusterChange> {
    const mentions: MentionInput[] = [];
    entries.forEach((entry, i) => {
      const result = results[i];
      if (result === null || result === undefined || !result.new) return;
      const { article, meta } = entry;
      for (const event of entry.events) {
        mentions.push({ event, outlet: article.source ?? null, published: article.date ?? null, nearDuplicateOf: meta.nearDuplicateOf ?? null });
      }
    });
    const change = this.clusterer.addAll(mentions);
    if (change.upserted.length > 0 || change.removed.length > 0) await this.store.applyClusterChange(change);
    return change;
  }

  /** Rebuilds the threads from the stored clusters about help, and stores them. */
  async finish(): Promise<LinkSummary> {
    const threads = buildThreads(await threadClusters(this.store));
    await this.store.putThreads(threads);
    return { clusters: this.clusterer.size.clusters, threads: threads.length };
  }
}
