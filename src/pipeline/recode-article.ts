// Pipeline: a stored article coded again → its events replaced, and the events (clusters) that lost reports summarised again, in one transaction.
import { buildCluster } from '../link/build-cluster.js';
import { recordedKindTree } from '../link/kind-tree.js';
import type { Store } from '../store/store.js';
import type { EventRecord } from '../types/index.js';
import { storedMentions } from './stored-mentions.js';

/**
 * Replaces the events of a stored article with `events` (returns how many were written) and, in the same
 * transaction, settles the clusters its old events were in: an event coded again under its old id stays in its
 * cluster; every cluster that lost mentions is summarised again from the ones it keeps, as clustering summarises
 * (`buildCluster`; renamed when it lost its smallest mention), or deleted when it keeps none. Whether the rest still
 * belong together, and where new events go, the next ingest settles: MentionLinker re-clusters when a stored
 * mention's cluster is not the one clustering gives it (new events have none). Throws E600 for an unknown article.
 */
export async function recodeArticle(store: Store, articleId: string, events: EventRecord[]): Promise<number> {
  return store.transaction(async (tx) => {
    const old: EventRecord[] = [];
    for await (const event of tx.iterateEvents({ doc: articleId })) old.push(event);
    const clusterIds = new Set<string>();
    for (const event of old) {
      const cluster = await tx.clusterOf(event.id);
      if (cluster !== null) clusterIds.add(cluster.id);
    }
    // each cluster's members in storage order, read before the article's rows are replaced
    const before = await tx.mentionsOfMany([...clusterIds].sort());
    const clusters = new Map<string, boolean>();
    for (const id of before.keys()) clusters.set(id, (await tx.cluster(id))?.ambiguous ?? false);
    const written = await tx.putEvents(articleId, events);
    const recoded = new Map(events.map((e) => [e.id, e]));
    // summarised by the kinds the store's reports are linked by (Dyad's with those it records)
    const tree = recordedKindTree(await tx.lexiconKinds());
    for (const [id, members] of before) {
      // the article's events that are gone leave; one coded again under its id stays, in its new form, stored last
      const kept = members.filter((m) => m.doc !== articleId);
      const again = members.filter((m) => m.doc === articleId && recoded.has(m.id)).map((m) => recoded.get(m.id) as EventRecord);
      const remaining = [...kept, ...again];
      if (remaining.length === 0) {
        await tx.applyClusterChange({ upserted: [], removed: [id], merged: [] });
        continue;
      }
      const after = buildCluster(await storedMentions(tx, remaining), tree, clusters.get(id) ?? false);
      await tx.applyClusterChange({ upserted: [after], removed: after.id === id ? [] : [id], merged: [] });
    }
    return written;
  });
}
